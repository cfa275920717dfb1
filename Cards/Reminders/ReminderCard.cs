using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Reminders;

public enum RsvpState { None, Attend, Leave }

/// <summary>Everything the member reminder card shows, already formatted.</summary>
public sealed record ReminderCardView
{
    public required string OccurrenceKey { get; init; }
    public required string Title { get; init; }
    public required string Kind { get; init; }

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

    /// <summary>Admin preview: no working buttons.</summary>
    public bool Preview { get; init; }
}

/// <summary>The reminder a member receives, with 参加 / 请假 buttons that update it in place.</summary>
public static class ReminderCard
{
    public const string RsvpVerb = "remind.rsvp";
    public const string MuteVerb = "remind.mute";

    public static JsonObject Build(ReminderCardView v, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        var body = new List<CardElement>();
        if (v.Preview)
        {
            body.Add(new TextBlock(en ? "Preview: this is what members will receive." : "预览：成员将收到如下提醒。") { IsSubtle = true, Color = TextColor.Accent });
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

        body.Add(new TextBlock(Status(v, en)) { Weight = TextWeight.Bolder, Color = v.Rsvp switch { RsvpState.Attend => TextColor.Good, RsvpState.Leave => TextColor.Warning, _ => TextColor.Default }, Separator = true });
        if (v.Notice is not null) body.Add(new TextBlock(v.Notice) { Color = v.NoticeIsError ? TextColor.Attention : TextColor.Good });

        var actions = new List<CardAction>();
        if (!v.Closed)
        {
            var data = new Dictionary<string, string> { ["occurrence"] = v.OccurrenceKey };
            if (v.Rsvp != RsvpState.Attend)
            {
                actions.Add(new ExecuteAction(RsvpVerb) { Title = en ? "Attend" : "参加", Style = ActionStyle.Positive, Data = new Dictionary<string, string>(data) { ["answer"] = "attend" }, AssociatedInputs = "none" });
            }

            actions.Add(new ShowCardAction(new AdaptiveCard
            {
                Body =
                [
                    new TextInput
                    {
                        Id = "reason", Label = en ? "Reason for leave" : "请假原因", IsRequired = true, MaxLength = 200, IsMultiline = true,
                        Placeholder = en ? "e.g. on a business trip that day" : "例如：当天出差", Value = v.LeaveReason,
                        ErrorMessage = en ? "Please give a reason." : "请填写请假原因。",
                    },
                ],
                Actions = [new ExecuteAction(RsvpVerb) { Title = en ? "Submit" : "提交", Data = new Dictionary<string, string>(data) { ["answer"] = "leave" }, AssociatedInputs = "auto" }],
            }) { Title = v.Rsvp == RsvpState.Leave ? (en ? "Change reason" : "修改请假原因") : en ? "Ask for leave" : "请假" });

            if (v.CanMute && !v.Mandatory)
            {
                actions.Add(new ExecuteAction(MuteVerb) { Title = en ? "Mute this kind" : "不再提醒此类活动", Data = new Dictionary<string, string>(data) { ["kind"] = v.Kind, ["muted"] = "true" }, AssociatedInputs = "none" });
            }
        }

        var card = new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = (en ? "Reminder: " : "活动提醒：") + v.Title + " " + v.TimeLine,
            Body = body,
            Actions = v.Preview ? [] : actions,
        };
        return card.ToJson();
    }

    private static string Status(ReminderCardView v, bool en) => (v.Rsvp, v.Closed) switch
    {
        (RsvpState.Attend, _) => en ? "✔ You will attend." : "✔ 您已确认参加。",
        (RsvpState.Leave, _) => (en ? "You asked for leave: " : "您已请假，原因：") + CardText.Plain(v.LeaveReason),
        (RsvpState.None, true) => en ? "The event has started; answers are closed." : "活动已开始，答复已截止。",
        _ => en ? "Please let us know whether you will attend." : "请告知您是否参加。",
    } + (v.Closed && v.Rsvp != RsvpState.None ? (en ? " (closed)" : "（答复已截止）") : v.Rsvp != RsvpState.None ? (en ? " You can change this until the event starts." : "活动开始前可以更改。") : "");
}
