using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Reminders;

public sealed record EventSummaryView(
    string Id, string Title, string Kind, string Recurrence, string Zone, string Audience, string Leads,
    IReadOnlyList<string> NextOccurrences, bool Paused, bool Mandatory, IReadOnlyList<string> Exceptions);

public sealed record EventFormView
{
    public string? EventId { get; init; }
    public string Title { get; init; } = "";
    public string Kind { get; init; } = "主题党日";
    public string Recurrence { get; init; } = "";
    public string TimeZone { get; init; } = "Asia/Shanghai";
    public string Location { get; init; } = "";
    public string Agenda { get; init; } = "";
    public string Audience { get; init; } = "all";
    public string Leads { get; init; } = "3天前 09:00，1小时前";
    public string SpeechLinkId { get; init; } = "";
    public bool ShiftOnHolidays { get; init; }
    public bool Mandatory { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];
    public IReadOnlyList<(string Title, string Value)> AudienceChoices { get; init; } = [];
    public IReadOnlyList<(string Title, string Value)> SpeechChoices { get; init; } = [];

    /// <summary>Common zones by their everyday names (value = IANA id); a zone outside the list goes in the "other" field.</summary>
    public IReadOnlyList<(string Title, string Value)> TimeZoneChoices { get; init; } = [];

    /// <summary>The zone typed in "other time zone" (advanced), kept when the form comes back with errors.</summary>
    public string OtherTimeZone { get; init; } = "";

    /// <summary>Leave approvers, comma-separated card values (group:…, user:…).</summary>
    public string Approvers { get; init; } = "";

    public IReadOnlyList<(string Title, string Value)> ApproverChoices { get; init; } = [];

    /// <summary>Existing events: upcoming occurrences an admin can skip or move (value = original date yyyy-MM-dd).</summary>
    public IReadOnlyList<(string Title, string Value)> OccurrenceChoices { get; init; } = [];

    public IReadOnlyList<string> Exceptions { get; init; } = [];
}

public sealed record AttendanceLine(string Name, string Detail);

public sealed record StatsView
{
    public required string EventId { get; init; }
    public required string EventTitle { get; init; }
    public required string OccurrenceKey { get; init; }
    public required string OccurrenceTime { get; init; }
    public IReadOnlyList<(string Title, string Value)> OccurrenceChoices { get; init; } = [];
    public IReadOnlyList<AttendanceLine> Attending { get; init; } = [];
    public IReadOnlyList<AttendanceLine> OnLeave { get; init; } = [];

    /// <summary>With approvers: 请假 split by decision (<see cref="OnLeave"/> then holds the ones awaiting a decision).</summary>
    public bool HasApprovers { get; init; }

    public IReadOnlyList<AttendanceLine> LeaveApproved { get; init; } = [];
    public IReadOnlyList<AttendanceLine> LeaveRejected { get; init; } = [];

    /// <summary>With approvers, once the event started, no answer counts as 缺席 (absent).</summary>
    public bool NoAnswerIsAbsent { get; init; }

    public IReadOnlyList<AttendanceLine> NoAnswer { get; init; } = [];
    public IReadOnlyList<AttendanceLine> Failed { get; init; } = [];
    public int Delivered { get; init; }

    /// <summary>Read / answered / no reaction among the members the reminder reached (null: not shown).</summary>
    public ReactionsView? Reactions { get; init; }
}

/// <summary>One upcoming occurrence in 我的提醒, with the member's answer and (until it starts) 参加 / 请假.</summary>
public sealed record MyReminderLine(string Title, string Kind, string TimeLine, string Answer, bool Mandatory)
{
    public string? OccurrenceKey { get; init; }
    public RsvpState Rsvp { get; init; }
    public string? LeaveReason { get; init; }
    public bool Closed { get; init; }
}

/// <summary>The first reminder of a just-saved event whose time has passed: send it now or skip it.</summary>
public sealed record LateReminderView(string EventId, string EventTitle, string OccurrenceKey, string OccurrenceTime, string MissedTime, string? NextReminderTime);

/// <summary>One member's line in the per-member 台账 over a date range; <c>Leave</c> counts every 请假, the others split the approved events' ones.</summary>
public sealed record MemberLedgerLine(string Name, int Occurrences, int Attended, int LeaveApproved, int LeaveRejected, int LeavePending, int Leave, int Absent);

public sealed record MemberLedgerView
{
    public required string From { get; init; }
    public required string To { get; init; }
    public string Member { get; init; } = "all";
    public IReadOnlyList<(string Title, string Value)> MemberChoices { get; init; } = [];
    public IReadOnlyList<MemberLedgerLine> Lines { get; init; } = [];
    public IReadOnlyList<string> Details { get; init; } = [];
    public string? Error { get; init; }
}

/// <summary>Admin cards of 提醒管理 and 出勤统计, and the member's 我的提醒.</summary>
public static class ReminderAdminCards
{
    public const string ListVerb = "remind.admin.list";
    public const string NewVerb = "remind.admin.new";
    public const string EditVerb = "remind.admin.edit";
    public const string SaveVerb = "remind.admin.save";
    public const string PauseVerb = "remind.admin.pause";
    public const string DeleteVerb = "remind.admin.delete";
    public const string DeleteConfirmVerb = "remind.admin.deleteConfirm";
    public const string PreviewVerb = "remind.admin.preview";
    public const string ExceptionVerb = "remind.admin.exception";
    public const string StatsVerb = "remind.admin.stats";
    public const string ExportVerb = "remind.admin.export";
    public const string MyVerb = "remind.my";
    public const string SendNowVerb = "remind.admin.sendNow";
    public const string SkipLateVerb = "remind.admin.skipLate";
    public const string MemberLedgerVerb = "remind.admin.ledger";
    public const string MemberLedgerExportVerb = "remind.admin.ledgerExport";

    public static IReadOnlyList<string> Kinds => ReminderKinds.All;

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject List(IReadOnlyList<EventSummaryView> events, string? notice, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        var body = new List<CardElement> { new TextBlock(en ? "Reminders" : "提醒管理") { Size = TextSize.Large, Weight = TextWeight.Bolder } };
        if (notice is not null) body.Add(new TextBlock(notice) { Color = TextColor.Good });
        if (events.Count == 0)
        {
            body.Add(new TextBlock(en ? "No events yet. Create one, e.g. 每月第一个周五 15:00 主题党日." : "还没有活动提醒。您可以新建一个，例如“每月第一个周五 15:00 主题党日”。") { IsSubtle = true });
        }

        foreach (var e in events)
        {
            var status = e.Paused ? (en ? "Paused" : "已暂停") : (en ? "Active" : "进行中");
            var facts = new List<(string, string)>
            {
                (en ? "Rule" : "规则", en ? $"{e.Recurrence} ({e.Zone})" : $"{e.Recurrence}（{e.Zone}）"),
                (en ? "Audience" : "对象", e.Audience),
                (en ? "Reminders" : "提醒", e.Leads),
            };
            if (e.Exceptions.Count > 0) facts.Add((en ? "Changes" : "调整", string.Join(en ? "; " : "；", e.Exceptions)));
            var data = new Dictionary<string, string> { ["eventId"] = e.Id };
            // One line per date: a FactSet value would run the dates together.
            var next = new List<CardElement> { new TextBlock(en ? "Next dates" : "接下来") { IsSubtle = true, Spacing = Spacing.Small } };
            next.AddRange(e.NextOccurrences.Count == 0
                ? [new TextBlock(en ? "none" : "无") { Spacing = Spacing.None }]
                : e.NextOccurrences.Select(o => (CardElement)new TextBlock("• " + o) { Spacing = Spacing.None }));
            body.Add(new Container(
            [
                new TextBlock($"{e.Title} · {e.Kind} · {status}{(e.Mandatory ? (en ? " · required" : " · 必须参加") : "")}") { Weight = TextWeight.Bolder },
                new FactSet(facts),
                .. next,
                new ActionSet(
                [
                    new ExecuteAction(EditVerb) { Title = en ? "Edit" : "编辑", Data = data },
                    new ExecuteAction(PauseVerb) { Title = e.Paused ? (en ? "Resume" : "恢复") : (en ? "Pause" : "暂停"), Data = new Dictionary<string, string>(data) { ["paused"] = e.Paused ? "false" : "true" } },
                    new ExecuteAction(PreviewVerb) { Title = en ? "Preview" : "预览", Data = data },
                    new ExecuteAction(StatsVerb) { Title = en ? "Attendance" : "出勤统计", Data = data },
                    new ExecuteAction(DeleteVerb) { Title = en ? "Delete" : "删除", Style = ActionStyle.Destructive, Data = data },
                ]),
            ]) { Separator = true, Style = e.Paused ? ContainerStyle.Emphasis : null });
        }

        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = en ? "Reminders" : "提醒管理",
            Body = body,
            Actions =
            [
                new ExecuteAction(NewVerb) { Title = en ? "New event" : "新建提醒", Style = ActionStyle.Positive },
                new ExecuteAction(MemberLedgerVerb) { Title = en ? "Attendance record" : "成员台账" },
                new ExecuteAction(ListVerb) { Title = en ? "Refresh" : "刷新" },
            ],
        }.ToJson();
    }

    public static JsonObject Edit(EventFormView f, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        var body = new List<CardElement>
        {
            new TextBlock(f.EventId is null ? (en ? "New event reminder" : "新建活动提醒") : (en ? "Edit event reminder" : "编辑活动提醒")) { Size = TextSize.Large, Weight = TextWeight.Bolder },
        };
        if (f.Errors.Count > 0)
        {
            body.Add(new Container([.. f.Errors.Select(e => (CardElement)new TextBlock("• " + e) { Color = TextColor.Attention })]) { Style = ContainerStyle.Attention });
        }

        body.Add(new TextInput { Id = "title", Label = en ? "Title" : "活动名称", IsRequired = true, MaxLength = 60, Value = f.Title, Placeholder = en ? "e.g. December Party theme day" : "例如：12月主题党日", ErrorMessage = en ? "Please enter a title." : "请填写活动名称。" });
        body.Add(new ChoiceSetInput(Kinds.Select(k => (ReminderKinds.Label(k, language), k))) { Id = "kind", Label = en ? "Kind" : "活动类别", Value = f.Kind, IsRequired = true });
        body.Add(new TextInput { Id = "recurrence", Label = en ? "When" : "时间规则", IsRequired = true, MaxLength = 120, Value = f.Recurrence, Placeholder = en ? "first Friday of every month 15:00" : "每月第一个周五 15:00", ErrorMessage = en ? "Please say when the event happens." : "请填写时间规则。" });
        body.Add(new TextBlock(en
            ? "Examples: first Friday of every month 15:00 · day 15 of every month 09:30 · every Wednesday 15:00 · 2026-12-04 15:00 (once)"
            : "示例：每月第一个周五 15:00 · 每月 15 日 09:30 · 每周三 15:00 · 2026-12-04 15:00（一次性）") { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
        var zones = f.TimeZoneChoices.Count > 0 ? f.TimeZoneChoices : [(en ? "Beijing time" : "北京时间", "Asia/Shanghai")];
        var listed = zones.Any(z => z.Value == f.TimeZone);
        body.Add(new ChoiceSetInput(zones) { Id = "timeZone", Label = en ? "Time zone" : "时区", Value = listed ? f.TimeZone : zones[0].Value });
        body.Add(new TextInput
        {
            Id = "timeZoneOther", Label = en ? "Another time zone (optional)" : "其他时区（可选）", MaxLength = 64, Value = listed ? f.OtherTimeZone : f.TimeZone,
            Placeholder = en ? "e.g. Europe/Paris; overrides the choice above" : "例如 Europe/Paris；填写后以此为准", Spacing = Spacing.None,
        });
        body.Add(new TextInput { Id = "location", Label = en ? "Place" : "地点", Value = f.Location, MaxLength = 100 });
        body.Add(new TextInput { Id = "agenda", Label = en ? "Agenda / topic" : "议程 / 主题", Value = f.Agenda, MaxLength = 1000, IsMultiline = true });
        body.Add(new ChoiceSetInput(f.AudienceChoices) { Id = "audience", Label = en ? "Who is reminded" : "提醒对象", Value = f.Audience, IsRequired = true });
        body.Add(new TextInput { Id = "leads", Label = en ? "Remind before" : "提前提醒", Value = f.Leads, MaxLength = 100, Placeholder = en ? "3 days before 09:00, 1 hour before" : "3天前 09:00，1小时前" });
        body.Add(new ChoiceSetInput([(en ? "(none)" : "（不关联）", ""), .. f.SpeechChoices]) { Id = "speechLink", Label = en ? "Speech requirement it implements" : "关联讲话要求", Value = f.SpeechLinkId });
        if (f.ApproverChoices.Count > 0)
        {
            body.Add(new ChoiceSetInput(f.ApproverChoices)
            {
                Id = "approvers", Label = en ? "Leave approved by (optional)" : "请假审批人（可选）", Value = f.Approvers, IsMultiSelect = true,
                Placeholder = en ? "nobody: leave is only recorded" : "不选：请假只记录，不审批",
            });
        }

        body.Add(new ToggleInput(en ? "Move to the next working day when it falls on a holiday" : "遇节假日顺延至下一个工作日") { Id = "shiftHolidays", Value = f.ShiftOnHolidays });
        body.Add(new ToggleInput(en ? "Attendance required (members cannot mute it)" : "必须参加（成员不能屏蔽）") { Id = "mandatory", Value = f.Mandatory });

        var saveData = new Dictionary<string, string>();
        if (f.EventId is not null) saveData["eventId"] = f.EventId;
        var actions = new List<CardAction>
        {
            new ExecuteAction(SaveVerb) { Title = en ? "Save" : "保存", Style = ActionStyle.Positive, Data = saveData, AssociatedInputs = "auto" },
            new ExecuteAction(ListVerb) { Title = en ? "Back" : "返回", AssociatedInputs = "none" },
        };

        if (f.EventId is not null && f.OccurrenceChoices.Count > 0)
        {
            var exceptionCard = new AdaptiveCard
            {
                Body =
                [
                    new ChoiceSetInput(f.OccurrenceChoices) { Id = "originalDate", Label = en ? "Occurrence" : "哪一次", IsRequired = true, ErrorMessage = en ? "Choose an occurrence." : "请选择一次活动。" },
                    new ChoiceSetInput([(en ? "Skip it" : "取消本次", "skip"), (en ? "Move it" : "改期", "move"), (en ? "Undo change" : "恢复原定时间", "reset")]) { Id = "action", Label = en ? "Change" : "调整方式", Value = "skip", Expanded = true },
                    new DateInput { Id = "newDate", Label = en ? "New date (when moving)" : "新日期（改期时填写）" },
                    new TimeInput { Id = "newTime", Label = en ? "New time (when moving)" : "新时间（改期时填写）" },
                ],
                Actions = [new ExecuteAction(ExceptionVerb) { Title = en ? "Apply" : "确认调整", Data = new Dictionary<string, string> { ["eventId"] = f.EventId }, AssociatedInputs = "auto" }],
            };
            if (f.Exceptions.Count > 0) body.Add(new TextBlock((en ? "Changes: " : "已调整：") + string.Join(en ? "; " : "；", f.Exceptions)) { IsSubtle = true, Separator = true });
            actions.Insert(1, new ShowCardAction(exceptionCard) { Title = en ? "Skip / move one" : "跳过 / 改期一次" });
        }

        return new AdaptiveCard { Lang = language.CardLang(), FallbackText = en ? "Edit event reminder" : "编辑活动提醒", Body = body, Actions = actions }.ToJson();
    }

    public static JsonObject ConfirmDelete(string eventId, string title, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            Body =
            [
                new TextBlock(en ? "Delete this event?" : "确认删除该活动提醒？") { Size = TextSize.Large, Weight = TextWeight.Bolder },
                new TextBlock(en ? $"\"{title}\" and its pending reminders will be removed. Answers already given stay in the records." : $"将删除“{title}”及尚未发送的提醒，已有的答复记录会保留。"),
            ],
            Actions =
            [
                new ExecuteAction(DeleteConfirmVerb) { Title = en ? "Delete" : "确认删除", Style = ActionStyle.Destructive, Data = new Dictionary<string, string> { ["eventId"] = eventId } },
                new ExecuteAction(ListVerb) { Title = en ? "Keep it" : "暂不删除" },
            ],
        }.ToJson();
    }

    /// <summary>导出台账: a download link to the CSV of one occurrence (one-time admin link).</summary>
    public static JsonObject LedgerLink(string title, string occurrenceTime, string url, int minutes, UiLanguage language, bool perMember = false)
    {
        var en = language == UiLanguage.English;
        var heading = perMember ? (en ? "Attendance record by member" : "成员出勤台账") : (en ? "Attendance ledger" : "出勤台账");
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = heading,
            Body =
            [
                new TextBlock(heading) { Size = TextSize.Large, Weight = TextWeight.Bolder },
                new TextBlock($"{title} · {occurrenceTime}"),
                new TextBlock(en
                    ? $"The link works once, for {minutes} minutes; please don't forward it. The CSV is UTF-8 and opens in Excel."
                    : $"下载链接 {minutes} 分钟内有效，仅可使用一次，请勿转发。文件为 UTF-8 编码的 CSV，可直接用 Excel 打开。"),
            ],
            Actions = [new OpenUrlAction(url) { Title = en ? "Download CSV" : "下载 CSV" }],
        }.ToJson();
    }

    public static JsonObject Stats(StatsView s, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        var body = new List<CardElement>
        {
            new TextBlock((en ? "Attendance: " : "出勤统计：") + s.EventTitle) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(s.OccurrenceTime) { IsSubtle = true, Spacing = Spacing.None },
        };
        var noAnswer = s.NoAnswerIsAbsent ? (en ? "Absent (no answer)" : "缺席") : (en ? "No answer" : "未答复");
        var counts = new List<(string, string)> { (en ? "Attend" : "参加", Count(s.Attending.Count)) };
        if (s.HasApprovers)
        {
            counts.Add((en ? "Leave (approved)" : "请假（已批准）", Count(s.LeaveApproved.Count)));
            counts.Add((en ? "Leave (not approved)" : "请假（未批准）", Count(s.LeaveRejected.Count)));
            counts.Add((en ? "Leave (awaiting approval)" : "请假（待审批）", Count(s.OnLeave.Count)));
        }
        else
        {
            counts.Add((en ? "Leave" : "请假", Count(s.OnLeave.Count)));
        }

        counts.Add((noAnswer, Count(s.NoAnswer.Count)));
        counts.Add((en ? "Not delivered" : "发送失败", Count(s.Failed.Count)));
        body.Add(new FactSet(counts));
        if (s.Reactions is { } r)
        {
            body.Add(new FactSet(
            [
                (en ? "Read the reminder" : "已读提醒", r.Read.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (en ? "Answered" : "已答复", r.Answered.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (en ? "No reaction" : "无反应", r.NoReaction.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ]) { Separator = true });
            body.Add(new TextBlock(en
                ? "\"Read\" counts read receipts; members who turned receipts off and did not answer show as no reaction."
                : "“已读”按 Teams 已读回执统计；关闭了已读回执且未答复的成员计为“无反应”。") { IsSubtle = true, Size = TextSize.Small });
        }

        Section(body, en ? "Attend" : "参加", s.Attending, en);
        if (s.HasApprovers)
        {
            Section(body, en ? "Leave (approved)" : "请假（已批准）", s.LeaveApproved, en);
            Section(body, en ? "Leave (not approved)" : "请假（未批准）", s.LeaveRejected, en);
            Section(body, en ? "Leave (awaiting approval)" : "请假（待审批）", s.OnLeave, en);
        }
        else
        {
            Section(body, en ? "Leave (reason)" : "请假（原因）", s.OnLeave, en);
        }

        Section(body, noAnswer, s.NoAnswer, en);
        Section(body, en ? "Not delivered (bot removed or chat unavailable)" : "发送失败（已卸载或无法送达）", s.Failed, en);
        if (s.OccurrenceChoices.Count > 1)
        {
            body.Add(new ChoiceSetInput(s.OccurrenceChoices) { Id = "occurrence", Label = en ? "Another occurrence" : "查看其他场次", Value = s.OccurrenceKey, Separator = true });
        }

        var data = new Dictionary<string, string> { ["eventId"] = s.EventId };
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = en ? "Attendance" : "出勤统计",
            Body = body,
            Actions =
            [
                new ExecuteAction(StatsVerb) { Title = en ? "Show" : "查看", Data = data, AssociatedInputs = "auto" },
                new ExecuteAction(ExportVerb) { Title = en ? "Export CSV" : "导出台账", Data = new Dictionary<string, string>(data) { ["occurrence"] = s.OccurrenceKey }, AssociatedInputs = "none" },
                new ExecuteAction(MemberLedgerVerb) { Title = en ? "By member" : "成员台账", AssociatedInputs = "none" },
                new ExecuteAction(ListVerb) { Title = en ? "Back" : "返回", AssociatedInputs = "none" },
            ],
        }.ToJson();
    }

    /// <summary>出勤统计 without a chosen event: pick an occurrence.</summary>
    public static JsonObject StatsPicker(IReadOnlyList<(string Title, string Value)> occurrences, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        var body = new List<CardElement> { new TextBlock(en ? "Attendance" : "出勤统计") { Size = TextSize.Large, Weight = TextWeight.Bolder } };
        if (occurrences.Count == 0)
        {
            body.Add(new TextBlock(en ? "There are no occurrences yet." : "目前还没有可统计的活动场次。") { IsSubtle = true });
            return new AdaptiveCard { Lang = language.CardLang(), Body = body }.ToJson();
        }

        body.Add(new ChoiceSetInput(occurrences) { Id = "occurrence", Label = en ? "Occurrence" : "活动场次", Value = occurrences[0].Value, IsRequired = true });
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = en ? "Attendance" : "出勤统计",
            Body = body,
            Actions = [new ExecuteAction(StatsVerb) { Title = en ? "Show" : "查看", AssociatedInputs = "auto" }],
        }.ToJson();
    }

    public static JsonObject MyReminders(IReadOnlyList<MyReminderLine> lines, IReadOnlyList<(string Kind, bool Muted)> kinds, bool canMute, string? notice, UiLanguage language, bool noticeIsError = false)
    {
        var en = language == UiLanguage.English;
        var body = new List<CardElement> { new TextBlock(en ? "My reminders" : "我的提醒") { Size = TextSize.Large, Weight = TextWeight.Bolder } };
        if (notice is not null) body.Add(new TextBlock(notice) { Color = noticeIsError ? TextColor.Attention : TextColor.Good });
        if (lines.Count == 0) body.Add(new TextBlock(en ? "No upcoming events for you." : "近期没有需要您参加的活动。") { IsSubtle = true });
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var items = new List<CardElement>
            {
                new TextBlock($"{line.Title} · {line.Kind}{(line.Mandatory ? (en ? " · required" : " · 必须参加") : "")}") { Weight = TextWeight.Bolder },
            };
            // One text block per line: renderers join a single line break in a text block into a space.
            items.AddRange(line.TimeLine.Split('\n').Select(text => new TextBlock(text) { Spacing = Spacing.None }));
            items.Add(new TextBlock(line.Answer) { IsSubtle = true, Spacing = Spacing.None });
            if (line.OccurrenceKey is not null && !line.Closed)
            {
                // Each occurrence has its own reason field: input ids must be unique within the card.
                var data = new Dictionary<string, string> { ["occurrence"] = line.OccurrenceKey, ["from"] = "my" };
                items.Add(new ActionSet(RsvpButtons.Build(RsvpButtons.RsvpVerb, data, line.Rsvp == RsvpState.Attend, line.Rsvp == RsvpState.Leave ? line.LeaveReason : null,
                    "reason-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), language)));
            }

            body.Add(new Container(items) { Separator = true });
        }

        var actions = new List<CardAction>();
        if (canMute && kinds.Count > 0)
        {
            body.Add(new TextBlock(en ? "Reminder settings by kind (mandatory events are always sent):" : "按类别设置提醒（“必须参加”的活动始终提醒）：") { IsSubtle = true, Separator = true });
            body.Add(new ActionSet([.. kinds.Take(6).Select(k => (CardAction)new ExecuteAction(ReminderCard.MuteVerb)
            {
                Title = k.Muted ? (en ? $"Unmute {ReminderKinds.Label(k.Kind, language)}" : $"恢复提醒：{k.Kind}") : (en ? $"Mute {ReminderKinds.Label(k.Kind, language)}" : $"不再提醒：{k.Kind}"),
                Data = new Dictionary<string, string> { ["kind"] = k.Kind, ["muted"] = k.Muted ? "false" : "true", ["from"] = "my" },
            })]));
        }
        else if (!canMute)
        {
            body.Add(new TextBlock(en ? "Reminder settings can be changed in your personal chat with me." : "提醒设置请在与我的单独聊天中更改。") { IsSubtle = true, Separator = true });
        }

        actions.Add(new ExecuteAction(MyVerb) { Title = en ? "Refresh" : "刷新" });
        return new AdaptiveCard { Lang = language.CardLang(), FallbackText = en ? "My reminders" : "我的提醒", Body = body, Actions = actions }.ToJson();
    }

    /// <summary>After saving: the first reminder's time has already passed. Send it now, or skip it (later reminders go out as planned).</summary>
    public static JsonObject LateReminder(LateReminderView v, string? notice, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        var body = new List<CardElement>
        {
            new TextBlock(en ? "The first reminder time has passed" : "第一次提醒的时间已经过去") { Size = TextSize.Large, Weight = TextWeight.Bolder, Color = TextColor.Warning },
        };
        if (notice is not null) body.Add(new TextBlock(notice) { Color = TextColor.Good });
        body.Add(new TextBlock(en
            ? $"\"{v.EventTitle}\" is saved. Its next occurrence is {v.OccurrenceTime}, but the reminder planned for {v.MissedTime} can no longer go out on time."
            : $"已保存“{v.EventTitle}”。下一次活动在 {v.OccurrenceTime}，原定 {v.MissedTime} 发送的提醒已经错过。"));
        body.Add(new TextBlock(v.NextReminderTime is null
            ? (en ? "No other reminder is planned before this occurrence." : "本次活动之前没有其他提醒。")
            : (en ? $"The next reminder goes out {v.NextReminderTime}." : $"下一次提醒将于 {v.NextReminderTime} 发送。")) { IsSubtle = true });
        var data = new Dictionary<string, string> { ["eventId"] = v.EventId, ["occurrence"] = v.OccurrenceKey };
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = en ? "The first reminder time has passed" : "第一次提醒的时间已经过去",
            Body = body,
            Actions =
            [
                new ExecuteAction(SendNowVerb) { Title = en ? "Send now" : "现在发送", Style = ActionStyle.Positive, Data = data },
                new ExecuteAction(SkipLateVerb) { Title = en ? "Skip this one" : "跳过这一次", Data = data },
            ],
        }.ToJson();
    }

    /// <summary>成员台账: each member's attendance over a date range (e.g. the year), with leave approvals, and the CSV.</summary>
    public static JsonObject MemberLedger(MemberLedgerView v, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        var body = new List<CardElement>
        {
            new TextBlock(en ? "Attendance record by member" : "成员台账") { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(en ? $"{v.From} to {v.To}" : $"{v.From} 至 {v.To}") { IsSubtle = true, Spacing = Spacing.None },
        };
        if (v.Error is not null) body.Add(new TextBlock(v.Error) { Color = TextColor.Attention });
        if (v.Lines.Count == 0 && v.Error is null)
        {
            body.Add(new TextBlock(en ? "No occurrences in this range." : "该时间段内没有活动场次。") { IsSubtle = true });
        }

        foreach (var line in v.Lines.Take(40))
        {
            var decided = line.LeaveApproved + line.LeaveRejected + line.LeavePending == 0 ? ""
                : en ? $" (approved {line.LeaveApproved}, not approved {line.LeaveRejected}{(line.LeavePending > 0 ? $", awaiting {line.LeavePending}" : "")})"
                : $"（已批准 {line.LeaveApproved}，未批准 {line.LeaveRejected}{(line.LeavePending > 0 ? $"，待审批 {line.LeavePending}" : "")}）";
            var leave = (en ? $"leave {line.Leave}" : $"请假 {line.Leave}") + decided;
            body.Add(new TextBlock(CardText.Plain(line.Name)) { Weight = TextWeight.Bolder, Separator = true });
            body.Add(new TextBlock(en
                ? $"{line.Occurrences} occurrences: attended {line.Attended} · {leave} · absent {line.Absent}"
                : $"共 {line.Occurrences} 次：参加 {line.Attended} · {leave} · 缺席 {line.Absent}") { Spacing = Spacing.None });
        }

        if (v.Lines.Count > 40) body.Add(new TextBlock($"… +{v.Lines.Count - 40}") { IsSubtle = true });
        if (v.Details.Count > 0)
        {
            body.Add(new TextBlock(en ? "Occurrences" : "逐次记录") { Weight = TextWeight.Bolder, Separator = true });
            body.AddRange(v.Details.Take(60).Select(d => (CardElement)new TextBlock(d) { Spacing = Spacing.None, Size = TextSize.Small }));
        }

        body.Add(new ChoiceSetInput(v.MemberChoices.Count > 0 ? v.MemberChoices : [(en ? "All members" : "全体成员", "all")]) { Id = "member", Label = en ? "Member" : "成员", Value = v.Member, Separator = true });
        body.Add(new DateInput { Id = "from", Label = en ? "From" : "开始日期", Value = v.From, IsRequired = true, ErrorMessage = en ? "Choose a start date." : "请选择开始日期。" });
        body.Add(new DateInput { Id = "to", Label = en ? "To" : "结束日期", Value = v.To, IsRequired = true, ErrorMessage = en ? "Choose an end date." : "请选择结束日期。" });
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = en ? "Attendance record by member" : "成员台账",
            Body = body,
            Actions =
            [
                new ExecuteAction(MemberLedgerVerb) { Title = en ? "Show" : "查看", AssociatedInputs = "auto" },
                new ExecuteAction(MemberLedgerExportVerb) { Title = en ? "Export CSV" : "导出台账", AssociatedInputs = "auto" },
                new ExecuteAction(ListVerb) { Title = en ? "Back" : "返回", AssociatedInputs = "none" },
            ],
        }.ToJson();
    }

    private static void Section(List<CardElement> body, string title, IReadOnlyList<AttendanceLine> lines, bool en)
    {
        if (lines.Count == 0) return;
        body.Add(new TextBlock(en ? $"{title} ({lines.Count})" : $"{title}（{lines.Count}）") { Weight = TextWeight.Bolder, Separator = true });
        body.Add(new FactSet(lines.Take(50).Select(l => (CardText.Plain(l.Name), l.Detail.Length == 0 ? "—" : CardText.Plain(l.Detail)))));
        if (lines.Count > 50) body.Add(new TextBlock($"… +{lines.Count - 50}") { IsSubtle = true });
    }
}
