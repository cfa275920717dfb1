using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Feedback;

/// <summary>反馈列表 for admins: open tickets with status and category filters. Never shows who submitted.</summary>
public static class FeedbackListCard
{
    /// <summary>Filter value meaning "all open tickets".</summary>
    public const string OpenFilter = "open";

    public const string AllFilter = "all";

    public static JsonObject Build(UiLanguage language, IReadOnlyList<FeedbackTicketView> tickets, FeedbackChoices choices, string statusFilter, string categoryFilter)
    {
        var body = new List<CardElement>
        {
            new TextBlock(language.Pick("暖心工程反馈列表", "Feedback list")) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new ColumnSet(
            [
                new Column([new ChoiceSetInput([(language.Pick("全部未办结", "All open"), OpenFilter), .. choices.Statuses])
                {
                    Id = FeedbackVerbs.StatusFilterInput, Label = language.Pick("状态", "Status"), Value = statusFilter,
                }]),
                new Column([new ChoiceSetInput([(language.Pick("全部类别", "All categories"), AllFilter), .. choices.Categories])
                {
                    Id = FeedbackVerbs.CategoryFilterInput, Label = language.Pick("类别", "Category"), Value = categoryFilter,
                }]),
            ]),
        };
        if (tickets.Count == 0)
        {
            body.Add(new TextBlock(language.Pick("没有符合条件的反馈。", "No feedback matches.")) { IsSubtle = true });
        }

        foreach (var ticket in tickets)
        {
            body.Add(new Container(
            [
                new TextBlock($"**{ticket.Number}** · {ticket.Category} · {ticket.Status}"
                    + (ticket.Unit is { } unit ? " · " + unit : "")) { Wrap = true },
                new TextBlock(FeedbackText.FormatTime(ticket.CreatedAt, language) + " · " + FeedbackText.Excerpt(ticket.Content)) { IsSubtle = true, Spacing = Spacing.None },
            ]) { Separator = true });
        }

        var actions = new List<CardAction>
        {
            new ExecuteAction(FeedbackVerbs.List) { Title = language.Pick("筛选", "Filter") },
        };
        if (tickets.Count > 0)
        {
            actions.Add(new ShowCardAction(new AdaptiveCard
            {
                Body =
                [
                    new ChoiceSetInput(tickets.Select(t => ($"{t.Number} · {t.Category}", t.Number)))
                    {
                        Id = FeedbackVerbs.TicketChoiceInput, Label = language.Pick("选择反馈", "Ticket"), Value = tickets[0].Number, IsRequired = true,
                    },
                ],
                Actions = [new ExecuteAction(FeedbackVerbs.Open) { Title = language.Pick("打开处理卡片", "Open") }],
            }) { Title = language.Pick("处理", "Handle") });
        }

        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = language.Pick("暖心工程反馈列表", "Feedback list"),
            Body = body,
            Actions = actions,
        }.ToJson();
    }
}
