using OrganBot.Cards.Model;

namespace OrganBot.Cards.Reminders;

/// <summary>参加 / 请假 (with a reason) for one occurrence: the same buttons on the reminder card, 我的提醒 and the preview.</summary>
public static class RsvpButtons
{
    public const string RsvpVerb = "remind.rsvp";

    /// <param name="verb">remind.rsvp, or the admin preview's inert verb.</param>
    /// <param name="data">Card data sent with both buttons (occurrence key, where the card came from).</param>
    /// <param name="reasonId">Input id of the reason; unique per card when several occurrences share one card.</param>
    public static IReadOnlyList<CardAction> Build(string verb, IReadOnlyDictionary<string, string> data, bool attending, string? leaveReason, string reasonId, UiLanguage language, string? attendTitle = null, string? leaveTitle = null)
    {
        var en = language == UiLanguage.English;
        var actions = new List<CardAction>();
        if (!attending)
        {
            actions.Add(new ExecuteAction(verb) { Title = attendTitle ?? (en ? "Attend" : "参加"), Style = ActionStyle.Positive, Data = new Dictionary<string, string>(data) { ["answer"] = "attend" }, AssociatedInputs = "none" });
        }

        actions.Add(new ShowCardAction(new AdaptiveCard
        {
            Body =
            [
                new TextInput
                {
                    Id = reasonId, Label = en ? "Reason for leave" : "请假原因", IsRequired = true, MaxLength = 200, IsMultiline = true,
                    Placeholder = en ? "e.g. on a business trip that day" : "例如：当天出差", Value = leaveReason,
                    ErrorMessage = en ? "Please give a reason." : "请填写请假原因。",
                },
            ],
            Actions = [new ExecuteAction(verb) { Title = en ? "Submit" : "提交", Data = new Dictionary<string, string>(data) { ["answer"] = "leave", ["reasonField"] = reasonId }, AssociatedInputs = "auto" }],
        }) { Title = leaveTitle ?? (leaveReason is not null ? (en ? "Change reason" : "修改请假原因") : en ? "Ask for leave" : "请假") });
        return actions;
    }
}
