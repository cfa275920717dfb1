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
            body.Add(new ColumnSet(
            [
                new Column(
                [
                    new TextBlock($"**{ticket.Number}** · {ticket.Category} · {ticket.Status}"
                        + (ticket.Unit is { } unit ? " · " + unit : "")) { Wrap = true },
                    new TextBlock(FeedbackText.FormatTime(ticket.CreatedAt, language) + " · " + FeedbackText.Excerpt(ticket.Content)) { IsSubtle = true, Spacing = Spacing.None },
                ]),
                // One click: the ticket's handling card, no dropdown.
                new Column([new ActionSet([new ExecuteAction(FeedbackVerbs.Open)
                {
                    Title = language.Pick("打开", "Open"),
                    Data = new Dictionary<string, string> { [FeedbackVerbs.TicketChoiceInput] = ticket.Number },
                    AssociatedInputs = "none",
                }])]) { Width = "auto" },
            ]) { Separator = true });
        }

        var filters = new Dictionary<string, string> { [FeedbackVerbs.StatusFilterInput] = statusFilter, [FeedbackVerbs.CategoryFilterInput] = categoryFilter };
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = language.Pick("暖心工程反馈列表", "Feedback list"),
            Body = body,
            Actions =
            [
                new ExecuteAction(FeedbackVerbs.List) { Title = language.Pick("筛选", "Filter") },
                new ExecuteAction(FeedbackVerbs.List) { Title = language.Pick("刷新", "Refresh"), Data = filters, AssociatedInputs = "none" },
            ],
            // Shown again later (e.g. after handling a ticket), the list reloads with the same filters.
            Refresh = new ExecuteAction(FeedbackVerbs.List) { Title = language.Pick("刷新", "Refresh"), Data = filters },
        }.ToJson();
    }
}
