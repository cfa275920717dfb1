using System.Globalization;
using OrganBot.Cards;
using OrganBot.Cards.Feedback;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Feedback;

namespace OrganBot.Bot.AdminConsole;

/// <summary>
/// The 暖心工程 page, from the tickets and history the admin cards read (<see cref="IFeedbackStore"/>), which never
/// carry an anonymous member's name or id: counts by status, handling unit (作风类 / 民生类), category and month; time to
/// the first admin action and to 办结 (median, p90, per month of submission); and the filtered ticket table.
/// </summary>
internal sealed class FeedbackQuery(IFeedbackStore store, OfficeClock office)
{
    private static readonly string[] s_responses = ["accepted", "routed", "replied", "resolved"];

    public sealed record Bucket(string Code, string Label, int Count);

    public sealed record Durations(double? MedianHours, double? P90Hours, int Count);

    public sealed record MonthRow(string Month, int Count, Durations FirstResponse, Durations Close);

    public sealed record TicketRow(string Number, string Category, string CategoryLabel, string Status, string StatusLabel, string? Unit, string? UnitLabel,
        string Month, string CreatedAt, string Excerpt, bool Anonymous, string? MemberName, int Version);

    public sealed record Page(IReadOnlyList<Bucket> ByStatus, IReadOnlyList<Bucket> ByUnit, IReadOnlyList<Bucket> ByCategory, IReadOnlyList<MonthRow> Months,
        Durations FirstResponse, Durations Close, IReadOnlyList<TicketRow> Tickets);

    public sealed record Detail(TicketRow Ticket, string Content, string? Contact, IReadOnlyList<FeedbackReply> Replies, IReadOnlyList<FeedbackHistoryEntry> History, string? Rating);

    /// <param name="status">A <see cref="FeedbackStatus"/> code or null; <paramref name="unit"/> a <see cref="HandlingUnit"/> code, "none" or null.</param>
    public async Task<Page> BuildAsync(string? status, string? unit, string? category, string? month, UiLanguage language, CancellationToken cancellationToken)
    {
        var tickets = await store.ListAsync(new TicketFilter(OpenOnly: false, Take: int.MaxValue), cancellationToken);
        var timings = new List<(string Month, double? First, double? Close)>();
        foreach (var ticket in tickets)
        {
            var history = await store.GetHistoryAsync(ticket.Id, cancellationToken);
            var first = history.Where(h => s_responses.Contains(h.Action)).Select(h => (DateTimeOffset?)h.At).Min();
            timings.Add((Month(ticket), first is { } f ? (f - ticket.CreatedAt).TotalHours : null, ticket.ResolvedAt is { } r ? (r - ticket.CreatedAt).TotalHours : null));
        }

        var months = tickets.Select(Month).Distinct().Order(StringComparer.Ordinal)
            .Select(m => new MonthRow(m, tickets.Count(t => Month(t) == m),
                Summarise(timings.Where(t => t.Month == m).Select(t => t.First)), Summarise(timings.Where(t => t.Month == m).Select(t => t.Close))))
            .ToList();
        var filtered = tickets
            .Where(t => status is null || t.Status.Code() == status)
            .Where(t => unit is null || (unit == "none" ? t.Unit is null : t.Unit?.Code() == unit))
            .Where(t => category is null || t.Category.Code() == category)
            .Where(t => month is null || Month(t) == month)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => Row(t, language)).ToList();
        return new Page(
            [.. Enum.GetValues<FeedbackStatus>().Select(s => new Bucket(s.Code(), s.Label(language), tickets.Count(t => t.Status == s)))],
            [.. Enum.GetValues<HandlingUnit>().Select(u => new Bucket(u.Code(), UnitLabel(u, language), tickets.Count(t => t.Unit == u))),
                new Bucket("none", language.Pick("未转办", "Not referred"), tickets.Count(t => t.Unit is null))],
            [.. Enum.GetValues<FeedbackCategory>().Select(c => new Bucket(c.Code(), c.Label(language), tickets.Count(t => t.Category == c)))],
            months,
            Summarise(timings.Select(t => t.First)), Summarise(timings.Select(t => t.Close)),
            filtered);
    }

    public async Task<Detail?> DetailAsync(string number, UiLanguage language, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(number, cancellationToken) is not { } ticket) return null;
        var history = await store.GetHistoryAsync(ticket.Id, cancellationToken);
        return new Detail(Row(ticket, language), ticket.Content,
            ticket.IsAnonymous ? null : ticket.Contact.Label(language) + (ticket.ContactDetail is { } d ? "：" + d : ""),
            ticket.Replies, history, ticket.Rating?.Label(language));
    }

    /// <summary>作风类 / 民生类, the two tracks a ticket is referred to.</summary>
    public static string UnitLabel(HandlingUnit unit, UiLanguage language) => unit switch
    {
        HandlingUnit.PartyCommittee => language.Pick("作风类", "Conduct"),
        _ => language.Pick("民生类", "Livelihood"),
    };

    private TicketRow Row(FeedbackTicket t, UiLanguage language) => new(
        t.Number, t.Category.Code(), t.Category.Label(language), t.Status.Code(), t.Status.Label(language),
        t.Unit?.Code(), t.Unit is { } u ? UnitLabel(u, language) : null,
        Month(t), office.ToOffice(t.CreatedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), FeedbackText.Excerpt(t.Content, 40),
        t.IsAnonymous, t.IsAnonymous ? null : t.MemberName, t.Version);

    private string Month(FeedbackTicket t) => office.ToOffice(t.CreatedAt).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Median and 90th percentile (nearest rank) of the known durations, in hours with one decimal.</summary>
    internal static Durations Summarise(IEnumerable<double?> hours)
    {
        var sorted = hours.Where(h => h is not null).Select(h => h!.Value).Order().ToList();
        if (sorted.Count == 0) return new Durations(null, null, 0);
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        return new Durations(Math.Round(median, 1), Math.Round(Rank(0.9), 1), sorted.Count);
    }
}
