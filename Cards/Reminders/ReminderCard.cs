using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Reminders;

public enum RsvpState { None, Attend, Leave }

/// <summary>Everything the member reminder card shows, already formatted.</summary>
public sealed record ReminderCardView
{
    public required string OccurrenceKey { get; init; }
    public string EventId { get; init; } = "";
    public required string Title { get; init; }

    /// <summary>The kind as shown (<see cref="ReminderKinds.Label"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>The kind as stored, sent with 不再提醒此类活动.</summary>
    public string? MuteKind { get; init; }

    /// <summary>Posted into a channel or group chat: everyone sees one card, so it speaks to all and each member answers for themselves.</summary>
    public bool Shared { get; init; }

    /// <summary>Answers so far, for a shared card ("参加 3 · 请假 1").</summary>
    public string? SharedTally { get; init; }

    /// <summary>The event names approvers: a 请假 goes to them.</summary>
    public bool HasApprovers { get; init; }

    public LeaveStatus Leave { get; init; }
    public string? ApprovalNote { get; init; }

    /// <summary>"2026年12月4日（周五）15:00（北京时间）".</summary>
    public required string TimeLine { get; init; }

    /// <summary>The same instant in the member's own time zone, when it differs.</summary>
    public string? MemberTimeLine { get; init; }

    /// <summary>"因节假日顺延" / "本次已改期": why this occurrence is not at its usual time.</summary>
    public string? ChangeNote { get; init; }

    public string Location { get; init; } = "";
    public string Agenda { get; init; } = "";
    public string? QuoteLabel { get; init; }
    public string? Quote { get; init; }
    public bool Mandatory { get; init; }
    public RsvpState Rsvp { get; init; }
    public string? LeaveReason { get; init; }

    /// <summary>The event has started: answers can no longer change.</summary>
    public bool Closed { get; init; }

    /// <summary>Personal chat and not mandatory: offer "不再提醒此类活动".</summary>
    public bool CanMute { get; init; }

    /// <summary>"3天后开始" / "1小时后开始".</summary>
    public string? StartsIn { get; init; }

    /// <summary>A message for the member about their last action (e.g. missing reason).</summary>
    public string? Notice { get; init; }

    public bool NoticeIsError { get; init; }

    /// <summary>Admin preview: the buttons are shown, marked as a preview, and record nothing.</summary>
    public bool Preview { get; init; }
}

/// <summary>The reminder a member receives, with 参加 / 请假 buttons that update it in place.</summary>
public static class ReminderCard
{
    public const string RsvpVerb = RsvpButtons.RsvpVerb;
    public const string MuteVerb = "remind.mute";

    /// <summary>The preview's buttons: admin-only, they answer that nothing was recorded.</summary>
    public const string PreviewPressVerb = "remind.admin.previewPress";

    public static JsonObject Build(ReminderCardView v, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        var body = new List<CardElement>();
        if (v.Preview)
        {
            body.Add(new TextBlock(en ? "Preview: this is what members will receive. Its buttons are for show and record nothing." : "预览：成员将收到如下提醒。预览中的按钮仅作展示，不会记录答复。") { IsSubtle = true, Color = TextColor.Accent, Wrap = true });
        }

        body.Add(new TextBlock((en ? "Reminder: " : "活动提醒：") + v.Title) { Size = TextSize.Large, Weight = TextWeight.Bolder });
        var subtitle = v.Kind + (v.Mandatory ? (en ? " · attendance required" : " · 必须参加") : "") + (v.StartsIn is null ? "" : " · " + v.StartsIn);
        body.Add(new TextBlock(subtitle) { IsSubtle = true, Spacing = Spacing.None });

        var facts = new List<(string, string)> { (en ? "Time" : "时间", v.TimeLine) };
        if (v.MemberTimeLine is not null) facts.Add((en ? "Your time" : "您的时间", v.MemberTimeLine));
        if (v.Location.Length > 0) facts.Add((en ? "Place" : "地点", v.Location));
        body.Add(new FactSet(facts));
        if (v.ChangeNote is not null) body.Add(new TextBlock(v.ChangeNote) { Color = TextColor.Warning });
        if (v.Agenda.Length > 0)
        {
            body.Add(new TextBlock(en ? "Agenda" : "议程") { Weight = TextWeight.Bolder, Separator = true });
            body.Add(new TextBlock(v.Agenda));
        }

        if (v.Quote is not null)
        {
            body.Add(new Container(
            [
                new TextBlock(en ? "What the speech asks" : "讲话要求") { Weight = TextWeight.Bolder },
                new TextBlock("“" + v.Quote + "”"),
                new TextBlock(v.QuoteLabel ?? "") { IsSubtle = true, Size = TextSize.Small },
            ]) { Style = ContainerStyle.Emphasis });
        }

        var color = v.Shared ? TextColor.Default : v.Rsvp switch
        {
            RsvpState.Attend => TextColor.Good,
            RsvpState.Leave when v.Leave == LeaveStatus.Rejected => TextColor.Attention,
            RsvpState.Leave => TextColor.Warning,
            _ => TextColor.Default,
        };
        body.Add(new TextBlock(Status(v, en)) { Weight = TextWeight.Bolder, Color = color, Separator = true });
        if (v.Shared && v.SharedTally is not null) body.Add(new TextBlock(v.SharedTally) { IsSubtle = true, Spacing = Spacing.None });
        if (v.HasApprovers && !v.Closed) body.Add(new TextBlock(en ? "Leave requests go to the approvers named for this event." : "请假申请将报本活动的审批人（如支部书记）审批，结果会通知您。") { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
        if (v.Notice is not null) body.Add(new TextBlock(v.Notice) { Color = v.NoticeIsError ? TextColor.Attention : TextColor.Good });

        var actions = new List<CardAction>();
        if (!v.Closed)
        {
            var data = v.Preview
                ? new Dictionary<string, string> { ["eventId"] = v.EventId }
                : new Dictionary<string, string> { ["occurrence"] = v.OccurrenceKey };
            // On a shared card each member answers for themselves, so the card never shows one person's answer as "yours".
            var mine = v.Shared || v.Preview ? RsvpState.None : v.Rsvp;
            actions.AddRange(RsvpButtons.Build(
                v.Preview ? PreviewPressVerb : RsvpVerb, data, mine == RsvpState.Attend, mine == RsvpState.Leave ? v.LeaveReason : null, "reason", language,
                v.Preview ? (en ? "Attend (preview)" : "参加（预览）") : null,
                v.Preview ? (en ? "Ask for leave (preview)" : "请假（预览）") : null));

            if (v.CanMute && !v.Mandatory && !v.Preview)
            {
                actions.Add(new ExecuteAction(MuteVerb) { Title = en ? "Mute this kind" : "不再提醒此类活动", Data = new Dictionary<string, string>(data) { ["kind"] = v.MuteKind ?? v.Kind, ["muted"] = "true" }, AssociatedInputs = "none" });
            }
        }

        var card = new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = (en ? "Reminder: " : "活动提醒：") + v.Title + " " + v.TimeLine,
            Body = body,
            Actions = actions,
        };
        return card.ToJson();
    }

    private static string Status(ReminderCardView v, bool en)
    {
        if (v.Shared)
        {
            return v.Closed
                ? (en ? "The event has started; answers are closed." : "活动已开始，答复已截止。")
                : (en ? "Everyone here: please answer for yourself with Attend or Ask for leave." : "请各位成员分别点击“参加”或“请假”答复。");
        }

        var text = (v.Rsvp, v.Closed) switch
        {
            (RsvpState.Attend, _) => en ? "✔ You will attend." : "✔ 您已确认参加。",
            (RsvpState.Leave, _) => (en ? "You asked for leave: " : "您已请假，原因：") + CardText.Plain(v.LeaveReason) + LeaveOutcome(v, en),
            (RsvpState.None, true) => en ? "The event has started; answers are closed." : "活动已开始，答复已截止。",
            _ => en ? "Please let us know whether you will attend." : "请告知您是否参加。",
        };
        return text + (v.Closed && v.Rsvp != RsvpState.None ? (en ? " (closed)" : "（答复已截止）") : v.Rsvp != RsvpState.None ? (en ? " You can change this until the event starts." : "活动开始前可以更改。") : "");
    }

    private static string LeaveOutcome(ReminderCardView v, bool en)
    {
        var note = string.IsNullOrEmpty(v.ApprovalNote) ? "" : (en ? $" Note: {CardText.Plain(v.ApprovalNote)}." : $"审批意见：{CardText.Plain(v.ApprovalNote)}。");
        return v.Leave switch
        {
            LeaveStatus.Pending => en ? ". Waiting for approval." : "。等待审批。",
            LeaveStatus.Approved => (en ? ". Leave approved." : "。请假已批准。") + note,
            LeaveStatus.Rejected => (en ? ". Leave not approved; please attend or contact the approver." : "。请假未获批准，请按时参加或与审批人联系。") + note,
            _ => en ? "." : "。",
        };
    }
}
