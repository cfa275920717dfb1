using OrganBot.Cards;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Feedback;
using OrganBot.Dialogs.Reminders;

namespace OrganBot.Bot.AdminConsole;

/// <summary>The 总览 page: the next events, open tickets, the last announcement's read rate and this month's Q&amp;A (questions, 👍/👎, 讲话未涉及).</summary>
internal sealed class OverviewQuery(AttendanceReport report, IFeedbackStore feedback, AnnouncementQuery announcements, QaQuery qa, OfficeClock office, TimeProvider time)
{
    public sealed record NextEvent(string Title, string Kind, string Time);

    public sealed record Page(IReadOnlyList<NextEvent> NextEvents, int OpenTickets, int NewTickets, AnnouncementQuery.Row? LastAnnouncement,
        QaQuery.MonthRow QaThisMonth);

    public async Task<Page> BuildAsync(UiLanguage language, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var next = (await report.OccurrencesAsync(now, now.AddDays(35), cancellationToken)).Take(5)
            .Select(x => new NextEvent(x.Event.Title, x.Event.Kind, ReminderViews.TimeLine(x.Occurrence, x.Event, language))).ToList();
        var open = await feedback.ListAsync(new TicketFilter(OpenOnly: true, Take: int.MaxValue), cancellationToken);
        var last = (await announcements.BuildAsync(language, cancellationToken)).FirstOrDefault(a => a.SentAt is not null);
        var month = office.Now.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var qaMonth = (await qa.BuildAsync(language, cancellationToken)).Months.FirstOrDefault(m => m.Month == month) ?? new QaQuery.MonthRow(month, 0, 0, 0, 0);
        return new Page(next, open.Count, open.Count(t => t.Status == FeedbackStatus.New), last, qaMonth);
    }
}
