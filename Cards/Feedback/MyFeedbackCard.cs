using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Feedback;

/// <summary>我的反馈: the member's own tickets with status, replies and, for resolved ones, a rating button.</summary>
public static class MyFeedbackCard
{
    public static JsonObject Build(UiLanguage language, IReadOnlyList<FeedbackTicketView> tickets)
    {
        var body = new List<CardElement>
        {
            new TextBlock(language.Pick("我的反馈", "My feedback")) { Size = TextSize.Large, Weight = TextWeight.Bolder },
        };
        if (tickets.Count == 0)
        {
            body.Add(new TextBlock(language.Pick("您还没有提交过反馈。发送“反馈”即可反映诉求或建议。", "You have not given feedback yet. Send \"feedback\" to start.")) { IsSubtle = true });
        }

        foreach (var ticket in tickets)
        {
            var items = new List<CardElement>
            {
                new TextBlock($"**{ticket.Number}** · {ticket.Category} · {ticket.Status}"),
                new TextBlock(FeedbackText.FormatTime(ticket.CreatedAt, language) + " · " + FeedbackText.Excerpt(ticket.Content)) { IsSubtle = true, Spacing = Spacing.None },
            };
            items.AddRange(ticket.Replies.Select(r => new TextBlock(language.Pick("回复：", "Reply: ") + CardText.Plain(r.Text)) { Spacing = Spacing.Small }));
            if (ticket.Rating is { } rating)
            {
                items.Add(new TextBlock(language.Pick("您的评价：", "Your rating: ") + rating) { IsSubtle = true });
            }
            else if (ticket.IsResolved)
            {
                items.Add(new ActionSet(
                [
                    new ExecuteAction(FeedbackVerbs.RateOpen)
                    {
                        Title = language.Pick("评价办理结果", "Rate the result"),
                        Data = new Dictionary<string, string> { [FeedbackVerbs.TicketKey] = ticket.Number },
                    },
                ]));
            }

            body.Add(new Container(items) { Separator = true });
        }

        return new AdaptiveCard { Lang = language.CardLang(), FallbackText = language.Pick("我的反馈", "My feedback"), Body = body }.ToJson();
    }
}
