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
    public IReadOnlyList<AttendanceLine> NoAnswer { get; init; } = [];
    public IReadOnlyList<AttendanceLine> Failed { get; init; } = [];
    public int Delivered { get; init; }

    /// <summary>Read / answered / no reaction among the members the reminder reached (null: not shown).</summary>
    public ReactionsView? Reactions { get; init; }
}

public sealed record MyReminderLine(string Title, string Kind, string TimeLine, string Answer, bool Mandatory);

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

    public static IReadOnlyList<string> Kinds { get; } = ["主题党日", "统一见面日", "人大机关开放日", "党课", "理论学习", "其他活动"];

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
                (en ? "Rule" : "规则", $"{e.Recurrence}（{e.Zone}）"),
                (en ? "Audience" : "对象", e.Audience),
                (en ? "Reminders" : "提醒", e.Leads),
                (en ? "Next" : "下次", e.NextOccurrences.Count == 0 ? (en ? "none" : "无") : string.Join("\n", e.NextOccurrences)),
            };
            if (e.Exceptions.Count > 0) facts.Add((en ? "Changes" : "调整", string.Join("；", e.Exceptions)));
            var data = new Dictionary<string, string> { ["eventId"] = e.Id };
            body.Add(new Container(
            [
                new TextBlock($"{e.Title} · {e.Kind} · {status}{(e.Mandatory ? (en ? " · required" : " · 必须参加") : "")}") { Weight = TextWeight.Bolder },
                new FactSet(facts),
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
            Actions = [new ExecuteAction(NewVerb) { Title = en ? "New event" : "新建提醒", Style = ActionStyle.Positive }, new ExecuteAction(ListVerb) { Title = en ? "Refresh" : "刷新" }],
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

        body.Add(new TextInput { Id = "title", Label = en ? "Title" : "活动名称", IsRequired = true, MaxLength = 60, Value = f.Title, Placeholder = en ? "e.g. December 主题党日" : "例如：12月主题党日", ErrorMessage = en ? "Please enter a title." : "请填写活动名称。" });
        body.Add(new ChoiceSetInput(Kinds.Select(k => (k, k))) { Id = "kind", Label = en ? "Kind" : "活动类别", Value = f.Kind, IsRequired = true });
        body.Add(new TextInput { Id = "recurrence", Label = en ? "When (recurrence)" : "时间规则", IsRequired = true, MaxLength = 120, Value = f.Recurrence, Placeholder = "每月第一个周五 15:00", ErrorMessage = en ? "Please enter a recurrence." : "请填写时间规则。" });
        body.Add(new TextBlock(en ? "Examples: 每月第一个周五 15:00 · 每月 15 日 09:30 · 每周三 15:00 · 2026-12-04 15:00 · cron: 0 0 15 ? * FRI#1" : "示例：每月第一个周五 15:00 · 每月 15 日 09:30 · 每周三 15:00 · 2026-12-04 15:00（一次性）· cron: 0 0 15 ? * FRI#1") { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
        body.Add(new TextInput { Id = "timeZone", Label = en ? "Time zone (IANA)" : "时区（IANA 名称）", Value = f.TimeZone, MaxLength = 64, Placeholder = "Asia/Shanghai" });
        body.Add(new TextInput { Id = "location", Label = en ? "Place" : "地点", Value = f.Location, MaxLength = 100 });
        body.Add(new TextInput { Id = "agenda", Label = en ? "Agenda / topic" : "议程 / 主题", Value = f.Agenda, MaxLength = 1000, IsMultiline = true });
        body.Add(new ChoiceSetInput(f.AudienceChoices) { Id = "audience", Label = en ? "Who is reminded" : "提醒对象", Value = f.Audience, IsRequired = true });
        body.Add(new TextInput { Id = "leads", Label = en ? "Remind before" : "提前提醒", Value = f.Leads, MaxLength = 100, Placeholder = "3天前 09:00，1小时前" });
        body.Add(new ChoiceSetInput([(en ? "(none)" : "（不关联）", ""), .. f.SpeechChoices]) { Id = "speechLink", Label = en ? "Speech requirement it implements" : "关联讲话要求", Value = f.SpeechLinkId });
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
            if (f.Exceptions.Count > 0) body.Add(new TextBlock((en ? "Changes: " : "已调整：") + string.Join("；", f.Exceptions)) { IsSubtle = true, Separator = true });
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
    public static JsonObject LedgerLink(string title, string occurrenceTime, string url, int minutes, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = en ? "Attendance ledger" : "出勤台账",
            Body =
            [
                new TextBlock(en ? "Attendance ledger" : "出勤台账") { Size = TextSize.Large, Weight = TextWeight.Bolder },
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
            new FactSet(
            [
                (en ? "Attend" : "参加", s.Attending.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (en ? "Leave" : "请假", s.OnLeave.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (en ? "No answer" : "未答复", s.NoAnswer.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (en ? "Not delivered" : "发送失败", s.Failed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ]),
        };
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

        Section(body, en ? "Attend" : "参加", s.Attending);
        Section(body, en ? "Leave (reason)" : "请假（原因）", s.OnLeave);
        Section(body, en ? "No answer" : "未答复", s.NoAnswer);
        Section(body, en ? "Not delivered (bot removed or chat unavailable)" : "发送失败（已卸载或无法送达）", s.Failed);
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

    public static JsonObject MyReminders(IReadOnlyList<MyReminderLine> lines, IReadOnlyList<(string Kind, bool Muted)> kinds, bool canMute, string? notice, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        var body = new List<CardElement> { new TextBlock(en ? "My reminders" : "我的提醒") { Size = TextSize.Large, Weight = TextWeight.Bolder } };
        if (notice is not null) body.Add(new TextBlock(notice) { Color = TextColor.Good });
        if (lines.Count == 0) body.Add(new TextBlock(en ? "No upcoming events for you." : "近期没有需要您参加的活动。") { IsSubtle = true });
        foreach (var line in lines)
        {
            body.Add(new Container(
            [
                new TextBlock($"{line.Title} · {line.Kind}{(line.Mandatory ? (en ? " · required" : " · 必须参加") : "")}") { Weight = TextWeight.Bolder },
                new TextBlock(line.TimeLine) { Spacing = Spacing.None },
                new TextBlock(line.Answer) { IsSubtle = true, Spacing = Spacing.None },
            ]) { Separator = true });
        }

        var actions = new List<CardAction>();
        if (canMute && kinds.Count > 0)
        {
            body.Add(new TextBlock(en ? "Reminder settings by kind (mandatory events are always sent):" : "按类别设置提醒（“必须参加”的活动始终提醒）：") { IsSubtle = true, Separator = true });
            body.Add(new ActionSet([.. kinds.Take(6).Select(k => (CardAction)new ExecuteAction(ReminderCard.MuteVerb)
            {
                Title = k.Muted ? (en ? $"Unmute {k.Kind}" : $"恢复提醒：{k.Kind}") : (en ? $"Mute {k.Kind}" : $"不再提醒：{k.Kind}"),
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

    private static void Section(List<CardElement> body, string title, IReadOnlyList<AttendanceLine> lines)
    {
        if (lines.Count == 0) return;
        body.Add(new TextBlock($"{title}（{lines.Count}）") { Weight = TextWeight.Bolder, Separator = true });
        body.Add(new FactSet(lines.Take(50).Select(l => (CardText.Plain(l.Name), l.Detail.Length == 0 ? "—" : CardText.Plain(l.Detail)))));
        if (lines.Count > 50) body.Add(new TextBlock($"… +{lines.Count - 50}") { IsSubtle = true });
    }
}
