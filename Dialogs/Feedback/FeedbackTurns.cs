using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Feedback;

/// <summary>The short text replies every feedback flow gives, and the refusal that is also logged.</summary>
internal static class FeedbackTurns
{
    public static Task SayAsync(ITurnContext turn, string chinese, string english, CancellationToken cancellationToken) =>
        turn.SendAsync(OutgoingMessage.FromText(turn.Input.Language.Pick(chinese, english)), cancellationToken);

    public static Task RefuseAsync(ILogger logger, ITurnContext turn, string reason, string chinese, string english, CancellationToken cancellationToken)
    {
        FeedbackLog.Refused(logger, turn.Input.Verb, reason);
        return SayAsync(turn, chinese, english, cancellationToken);
    }

    /// <summary>Trimmed text, or null when the member left it blank.</summary>
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
