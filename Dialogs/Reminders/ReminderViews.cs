using OrganBot.Cards;
using OrganBot.Cards.Reminders;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Reminders;

/// <summary>Turns events and occurrences into the cards' view records (time zones, formats, labels).</summary>
public static class ReminderViews
{
    public static string TimeLine(Occurrence occurrence, ReminderEvent ev, UiLanguage language) =>
        WithZone(ChineseDates.Format(occurrence.LocalStart, language), ChineseDates.ZoneLabel(ev.TimeZoneId, language), language);

    /// <summary>"15:00（北京时间）", or with half-width brackets in English: "15:00 (Beijing time)".</summary>
    public static string WithZone(string time, string zone, UiLanguage language) =>
        language == UiLanguage.English ? $"{time} ({zone})" : $"{time}（{zone}）";

    /// <summary>The occurrence in the member's zone, or null when that shows the same wall-clock time as the event's zone.</summary>
    public static string? MemberTimeLine(Occurrence occurrence, ReminderEvent ev, string? memberZoneId, UiLanguage language)
    {
        var zone = TimeZones.Find(memberZoneId);
        if (zone is null || memberZoneId is null) return null;
        var local = TimeZones.ToLocal(occurrence.StartUtc, zone);
        if (local == occurrence.LocalStart && zone.GetUtcOffset(occurrence.StartUtc) == ev.Zone.GetUtcOffset(occurrence.StartUtc)) return null;
        return WithZone(ChineseDates.Format(local, language), memberZoneId, language);
    }

    public static string? ChangeNote(Occurrence occurrence, UiLanguage language) => occurrence.Change switch
    {
        OccurrenceChange.Moved => language.Pick($"本次已改期（原定 {ChineseDates.FormatDate(occurrence.OriginalDate)}）。", $"This occurrence was moved (originally {ChineseDates.FormatDate(occurrence.OriginalDate, language)})."),
        OccurrenceChange.HolidayShifted => language.Pick($"原定 {ChineseDates.FormatDate(occurrence.OriginalDate)} 为节假日，顺延至下一个工作日。", $"{ChineseDates.FormatDate(occurrence.OriginalDate, language)} is a holiday; moved to the next working day."),
        _ => null,
    };

    public static string StartsIn(DateTimeOffset now, DateTimeOffset start, UiLanguage language)
    {
        var left = start - now;
        if (left <= TimeSpan.Zero) return language.Pick("已开始", "started");
        if (left >= TimeSpan.FromDays(1)) { var d = (int)Math.Round(left.TotalDays); return language.Pick($"{d}天后开始", $"starts in {d} day(s)"); }
        if (left >= TimeSpan.FromHours(1)) { var h = (int)Math.Round(left.TotalHours); return language.Pick($"{h}小时后开始", $"starts in {h} h"); }
        var m = Math.Max(1, (int)Math.Round(left.TotalMinutes));
        return language.Pick($"{m}分钟后开始", $"starts in {m} min");
    }

    public static ReminderCardView Card(ReminderEvent ev, Occurrence occurrence, Rsvp? rsvp, string? memberZoneId, bool personal, DateTimeOffset now, UiLanguage language)
    {
        var link = SpeechLinks.Find(ev.SpeechLinkId);
        return new ReminderCardView
        {
            OccurrenceKey = occurrence.Key,
            EventId = ev.Id,
            Title = ev.Title,
            Kind = ReminderKinds.Label(ev.Kind, language),
            MuteKind = ev.Kind,
            Shared = !personal && ev.Audience.PostsToConversations,
            HasApprovers = ev.Approvers.Count > 0,
            Leave = rsvp is { Answer: RsvpAnswer.Leave } ? LeaveStatusOf(rsvp.Approval) : LeaveStatus.None,
            ApprovalNote = rsvp?.ApprovalNote,
            TimeLine = TimeLine(occurrence, ev, language),
            MemberTimeLine = MemberTimeLine(occurrence, ev, memberZoneId, language),
            ChangeNote = ChangeNote(occurrence, language),
            Location = ev.Location,
            Agenda = ev.Agenda,
            Quote = link?.Quote,
            QuoteLabel = link is null ? null : language.Pick(link.LabelChinese, link.LabelEnglish),
            Mandatory = ev.Mandatory,
            Rsvp = rsvp?.Answer switch { RsvpAnswer.Attend => RsvpState.Attend, RsvpAnswer.Leave => RsvpState.Leave, _ => RsvpState.None },
            LeaveReason = rsvp?.Reason,
            Closed = now >= occurrence.StartUtc,
            CanMute = personal && !ev.Mandatory,
            StartsIn = StartsIn(now, occurrence.StartUtc, language),
        };
    }

    public static LeaveStatus LeaveStatusOf(LeaveApproval approval) => approval switch
    {
        LeaveApproval.Pending => LeaveStatus.Pending,
        LeaveApproval.Approved => LeaveStatus.Approved,
        LeaveApproval.Rejected => LeaveStatus.Rejected,
        _ => LeaveStatus.Recorded,
    };

    /// <summary>The audience as a card shows it: the directory's (Chinese) title, or built from its kind and name in English.</summary>
    public static string AudienceTitle(Audience audience, IReadOnlyList<AudienceChoice> choices, UiLanguage language)
    {
        var choice = choices.FirstOrDefault(c => c.Audience == audience);
        if (language == UiLanguage.Chinese && choice is not null) return choice.Title;
        var name = choice?.Audience.Label ?? audience.Label ?? audience.Key;
        return audience.Kind switch
        {
            AudienceKind.AllMembers => language.Pick("全体成员", "All members"),
            AudienceKind.Team => language.Pick("团队成员：", "Team members: ") + name,
            AudienceKind.Channel => language.Pick("频道：", "Channel: ") + name,
            AudienceKind.GroupChat when choice is null => language.Pick("群聊（机器人已不在该群或未知）", "Group chat (the bot is no longer there, or unknown)"),
            AudienceKind.GroupChat => GroupChatTitle.Format(choice.Audience.Label, choice.People ?? [], language),
            AudienceKind.AllTeamChannels => language.Pick("所有团队的“常规”频道", "The General channel of every team"),
            _ => language.Pick("名单：", "List: ") + name,
        };
    }
}
