using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Feedback;

/// <summary>
/// The ticket card admins work on (channel or 1:1 chat). Built only from <see cref="FeedbackTicketView"/>, which holds no
/// member id, and for anonymous tickets no name either. Updated in place after every action.
/// </summary>
public static class FeedbackAdminCard
{
    public static JsonObject Build(UiLanguage language, FeedbackTicketView ticket, FeedbackChoices choices, string? error = null, string? replyDraft = null)
    {
        var submitter = ticket.IsAnonymous
            ? language.Pick("匿名", "Anonymous")
            : CardText.Plain(ticket.MemberName) is { Length: > 0 } name ? name : language.Pick("（未留姓名）", "(no name)");
        var facts = new List<(string, string)>
        {
            (language.Pick("类别", "Category"), ticket.Category),
            (language.Pick("状态", "Status"), ticket.Status),
            (language.Pick("承办单位", "Handled by"), ticket.Unit ?? language.Pick("未转办", "Not referred yet")),
            (language.Pick("提交时间", "Submitted"), FeedbackText.FormatTime(ticket.CreatedAt, language)),
            (language.Pick("提交人", "From"), submitter),
        };
        if (!ticket.IsAnonymous && ticket.Contact is { } contact)
        {
            facts.Add((language.Pick("联系方式", "Contact"), contact + (string.IsNullOrEmpty(ticket.ContactDetail) ? "" : $"（{CardText.Plain(ticket.ContactDetail)}）")));
        }

        if (ticket.Rating is { } rating)
        {
            facts.Add((language.Pick("满意度", "Rating"), rating + (string.IsNullOrEmpty(ticket.RatingComment) ? "" : $"：{CardText.Plain(ticket.RatingComment)}")));
        }

        var body = new List<CardElement>
        {
            new TextBlock(language.Pick($"暖心工程反馈 {ticket.Number}", $"Feedback {ticket.Number}")) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new FactSet(facts),
            new TextBlock(language.Pick("反映的内容", "Content")) { Weight = TextWeight.Bolder },
            new TextBlock(CardText.Plain(ticket.Content)),
        };
        foreach (var reply in ticket.Replies)
        {
            var (admin, text) = (CardText.Plain(reply.AdminName), CardText.Plain(reply.Text));
            body.Add(new TextBlock(language.Pick($"回复（{admin}，{FeedbackText.FormatTime(reply.At, language)}）：{text}", $"Reply ({admin}, {FeedbackText.FormatTime(reply.At, language)}): {text}")) { IsSubtle = true, Separator = true });
        }

        if (error is not null)
        {
            body.Add(new TextBlock(error) { Color = TextColor.Attention, Weight = TextWeight.Bolder });
        }

        var actions = new List<CardAction>();
        if (!ticket.IsResolved)
        {
            if (ticket.IsNew)
            {
                actions.Add(new ExecuteAction(FeedbackVerbs.Accept) { Title = language.Pick("受理", "Accept"), Data = Data(ticket) });
            }

            actions.Add(new ShowCardAction(new AdaptiveCard
            {
                Body =
                [
                    new ChoiceSetInput(choices.Units)
                    {
                        Id = FeedbackVerbs.UnitInput,
                        Label = language.Pick("转办至", "Refer to"),
                        Value = ticket.UnitCode ?? choices.DefaultUnit,
                        Expanded = true,
                        IsRequired = true,
                        ErrorMessage = language.Pick("请选择承办单位。", "Choose a unit."),
                    },
                ],
                Actions = [new ExecuteAction(FeedbackVerbs.Route) { Title = language.Pick("确认转办", "Refer"), Data = Data(ticket) }],
            }) { Title = language.Pick("转办", "Refer") });
            actions.Add(new ShowCardAction(new AdaptiveCard
            {
                Body =
                [
                    new TextInput
                    {
                        Id = FeedbackVerbs.ReplyInput,
                        Label = language.Pick("回复内容（将发送给提交人）", "Reply (sent to the member)"),
                        IsMultiline = true,
                        MaxLength = FeedbackText.MaxContentLength,
                        Value = replyDraft,
                        IsRequired = true,
                        ErrorMessage = language.Pick("回复内容不能为空。", "The reply cannot be empty."),
                    },
                ],
                Actions = [new ExecuteAction(FeedbackVerbs.Reply) { Title = language.Pick("发送回复", "Send reply"), Data = Data(ticket) }],
            }) { Title = language.Pick("回复", "Reply") });
            actions.Add(new ExecuteAction(FeedbackVerbs.Resolve) { Title = language.Pick("办结", "Resolve"), Data = Data(ticket) });
        }

        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = language.Pick($"暖心工程反馈 {ticket.Number}：{ticket.Status}", $"Feedback {ticket.Number}: {ticket.Status}"),
            Body = body,
            Actions = actions,
        }.ToJson();
    }

    private static Dictionary<string, string> Data(FeedbackTicketView ticket) => new()
    {
        [FeedbackVerbs.TicketKey] = ticket.Number,
        [FeedbackVerbs.VersionKey] = ticket.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
