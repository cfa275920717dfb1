using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Reminders;

/// <summary>One 请假 for an approver to decide, already formatted.</summary>
public sealed record LeaveRequestView
{
    public required string OccurrenceKey { get; init; }
    public required string MemberId { get; init; }

    /// <summary>Which version of the 请假 this card decides (a changed reason needs a new decision).</summary>
    public required string Version { get; init; }

    public required string MemberName { get; init; }
    public required string EventTitle { get; init; }
    public required string TimeLine { get; init; }
    public required string Reason { get; init; }
    public LeaveStatus State { get; init; } = LeaveStatus.Pending;
    public string? DecidedBy { get; init; }
    public string? Note { get; init; }
    public string? Notice { get; init; }
    public bool NoticeIsError { get; init; }
}

/// <summary>请假审批: sent to the event's approvers (e.g. the branch secretary) with 批准 / 不批准 and an optional note.</summary>
public static class LeaveApprovalCard
{
    public const string DecideVerb = "remind.leave.decide";

    public static JsonObject Build(LeaveRequestView v, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        var body = new List<CardElement>
        {
            new TextBlock(en ? "Leave request" : "请假审批") { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new FactSet(
            [
                (en ? "Member" : "申请人", CardText.Plain(v.MemberName)),
                (en ? "Event" : "活动", v.EventTitle),
                (en ? "Time" : "时间", v.TimeLine),
                (en ? "Reason" : "请假原因", CardText.Plain(v.Reason)),
            ]),
        };
        if (v.State is LeaveStatus.Approved or LeaveStatus.Rejected)
        {
            var decided = v.State == LeaveStatus.Approved ? (en ? "Approved" : "已批准") : (en ? "Not approved" : "不批准");
            body.Add(new TextBlock(decided + (v.DecidedBy is null ? "" : en ? $" by {CardText.Plain(v.DecidedBy)}" : $"（{CardText.Plain(v.DecidedBy)}）"))
            {
                Weight = TextWeight.Bolder, Color = v.State == LeaveStatus.Approved ? TextColor.Good : TextColor.Attention, Separator = true,
            });
            if (!string.IsNullOrEmpty(v.Note)) body.Add(new TextBlock((en ? "Note: " : "审批意见：") + CardText.Plain(v.Note)));
            body.Add(new TextBlock(en ? "The member has been told." : "已通知申请人。") { IsSubtle = true, Spacing = Spacing.None });
        }

        if (v.Notice is not null) body.Add(new TextBlock(v.Notice) { Color = v.NoticeIsError ? TextColor.Attention : TextColor.Good });

        var actions = new List<CardAction>();
        if (v.State == LeaveStatus.Pending)
        {
            body.Add(new TextInput
            {
                Id = "note", Label = en ? "Note to the member (optional)" : "审批意见（可选，将转告申请人）", MaxLength = 200, IsMultiline = true,
                Placeholder = en ? "e.g. please read the materials afterwards" : "例如：请会后自学会议材料", Separator = true,
            });
            var data = new Dictionary<string, string> { ["occurrence"] = v.OccurrenceKey, ["member"] = v.MemberId, ["version"] = v.Version };
            actions.Add(new ExecuteAction(DecideVerb) { Title = en ? "Approve" : "批准", Style = ActionStyle.Positive, Data = new Dictionary<string, string>(data) { ["decision"] = "approve" }, AssociatedInputs = "auto" });
            actions.Add(new ExecuteAction(DecideVerb) { Title = en ? "Do not approve" : "不批准", Style = ActionStyle.Destructive, Data = new Dictionary<string, string>(data) { ["decision"] = "reject" }, AssociatedInputs = "auto" });
        }

        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = (en ? "Leave request: " : "请假审批：") + CardText.Plain(v.MemberName) + " · " + v.EventTitle,
            Body = body,
            Actions = actions,
        }.ToJson();
    }
}
