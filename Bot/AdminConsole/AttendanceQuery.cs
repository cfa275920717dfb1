using System.Globalization;
using OrganBot.Cards;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Reminders;

namespace OrganBot.Bot.AdminConsole;

/// <summary>
/// The 出勤 page: every occurrence that has started in the range, counted from <see cref="AttendanceReport.EntriesAsync"/>
/// (the same partition as 出勤统计), split by configured group, summed per month (office time) and per member (台账).
/// </summary>
internal sealed class AttendanceQuery(AttendanceReport report, IAudienceDirectory audiences, OfficeClock office, TimeProvider time)
{
    /// <summary>
    /// The 出勤统计 card's partition: <see cref="OnLeave"/> is leave awaiting approval (or of an event without approvers),
    /// <see cref="Absent"/> no answer to a started event with approvers (缺席), <see cref="NoAnswer"/> any other no answer.
    /// </summary>
    public sealed record Counts(int Attending, int LeaveApproved, int LeaveRejected, int OnLeave, int Absent, int NoAnswer, int NotDelivered)
    {
        public static readonly Counts Zero = new(0, 0, 0, 0, 0, 0, 0);

        public static Counts Of(IEnumerable<AttendanceEntry> entries)
        {
            var list = entries as IReadOnlyCollection<AttendanceEntry> ?? [.. entries];
            int N(AttendanceStatus status) => list.Count(e => e.Status == status);
            return new(N(AttendanceStatus.Attending), N(AttendanceStatus.LeaveApproved), N(AttendanceStatus.LeaveRejected), N(AttendanceStatus.OnLeave),
                N(AttendanceStatus.Absent), N(AttendanceStatus.NoAnswer), N(AttendanceStatus.NotDelivered));
        }

        public Counts Add(Counts other) => new(Attending + other.Attending, LeaveApproved + other.LeaveApproved, LeaveRejected + other.LeaveRejected,
            OnLeave + other.OnLeave, Absent + other.Absent, NoAnswer + other.NoAnswer, NotDelivered + other.NotDelivered);

        public int Expected => Attending + LeaveApproved + LeaveRejected + OnLeave + Absent + NoAnswer + NotDelivered;
    }

    public sealed record GroupCounts(string Group, Counts Counts);

    /// <param name="HasApprovers">Whether leave of this event is approved (else it is one 请假 figure, and no answer is 未答复).</param>
    public sealed record OccurrenceRow(string Key, string EventId, string Title, string Kind, string Time, string Month, bool HasApprovers, Counts Counts, IReadOnlyList<GroupCounts> Groups);

    public sealed record MonthRow(string Month, Counts Counts, double? AttendanceRate);

    public sealed record MemberRow(string Name, Counts Counts);

    public sealed record Page(string From, string To, IReadOnlyList<OccurrenceRow> Occurrences, IReadOnlyList<MonthRow> Months, IReadOnlyList<MemberRow> Members, IReadOnlyList<string> Groups);

    /// <summary>The default range: the first day of the month five months ago to today (office time).</summary>
    public (DateOnly From, DateOnly To) DefaultRange()
    {
        var today = DateOnly.FromDateTime(office.Now.DateTime);
        return (new DateOnly(today.Year, today.Month, 1).AddMonths(-5), today);
    }

    public async Task<Page> BuildAsync(DateOnly from, DateOnly to, UiLanguage language, CancellationToken cancellationToken)
    {
        var start = office.FromOffice(from.ToDateTime(TimeOnly.MinValue));
        var end = office.FromOffice(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var now = time.GetUtcNow();
        if (end > now) end = now;

        var groups = new List<(string Name, HashSet<string> Ids)>();
        foreach (var name in audiences.GroupNames)
        {
            var members = await audiences.ResolveMembersAsync(new Audience(AudienceKind.Group, name), cancellationToken);
            groups.Add((name, members.Select(m => m.Id).ToHashSet(StringComparer.Ordinal)));
        }

        var occurrences = new List<OccurrenceRow>();
        var perMember = new Dictionary<string, (string Name, Counts Counts)>(StringComparer.Ordinal);
        foreach (var (ev, occurrence) in start < end ? await report.OccurrencesAsync(start, end, cancellationToken) : [])
        {
            var entries = await report.EntriesAsync(ev, occurrence, language, cancellationToken);
            var month = office.ToOffice(occurrence.StartUtc).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            occurrences.Add(new OccurrenceRow(occurrence.Key, ev.Id, ev.Title, ev.Kind, ReminderViews.TimeLine(occurrence, ev, language), month, ev.Approvers.Count > 0, Counts.Of(entries),
                [.. groups.Select(g => new GroupCounts(g.Name, Counts.Of(entries.Where(e => g.Ids.Contains(e.MemberId)))))]));
            foreach (var entry in entries)
            {
                var one = Counts.Of([entry]);
                perMember[entry.MemberId] = perMember.TryGetValue(entry.MemberId, out var sum) ? (entry.Name, sum.Counts.Add(one)) : (entry.Name, one);
            }
        }

        var months = new List<MonthRow>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
        {
            var key = m.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var sum = occurrences.Where(o => o.Month == key).Aggregate(Counts.Zero, (a, o) => a.Add(o.Counts));
            months.Add(new MonthRow(key, sum, sum.Expected == 0 ? null : Math.Round(100.0 * sum.Attending / sum.Expected, 1)));
        }

        return new Page(
            from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            occurrences, months,
            [.. perMember.Values.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => new MemberRow(m.Name, m.Counts))],
            [.. groups.Select(g => g.Name)]);
    }
}
