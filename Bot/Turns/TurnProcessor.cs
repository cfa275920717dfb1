using Stopwatch = System.Diagnostics.Stopwatch;
using OrganBot.Bot.Protocol;
using OrganBot.Cards;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Telemetry;

namespace OrganBot.Bot.Turns;

/// <summary>
/// Runs one authenticated activity: remembers the conversation, routes the turn, and owns the single catch
/// that turns a bug into a polite apology instead of silence.
/// </summary>
internal sealed partial class TurnProcessor(
    ConversationDirectory directory,
    DialogRouter router,
    LanguageResolver languages,
    AdminAuthorization admins,
    ConnectorClient connector,
    ILogger<TurnProcessor> logger)
{
    public async Task<AdaptiveCardInvokeResponse?> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        using var span = BotTelemetry.StartTurn(activity.Type);
        var started = Stopwatch.GetTimestamp();
        await directory.RecordAsync(activity, cancellationToken);

        var input = ActivityMapper.ToTurnInput(activity);
        input = input with { Language = await languages.ResolveAsync(input, cancellationToken) };
        var turn = new TurnContext(activity, input, admins.IsAdmin(input.User), connector);
        try
        {
            await router.RouteAsync(turn, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogTurnFailed(logger, ex, activity.Type, activity.Id, activity.Conversation?.Id);
            BotTelemetry.TurnHandled(activity.Type, failed: true, Stopwatch.GetElapsedTime(started));
            var apology = input.Language.Pick(
                "抱歉，处理您的请求时出了点问题，请稍后再试一次。",
                "Sorry, something went wrong while handling your request. Please try again in a moment.");
            if (input.IsInvoke)
            {
                return new AdaptiveCardInvokeResponse(200, AdaptiveCardInvokeResponse.MessageType, apology);
            }

            try
            {
                await turn.SendAsync(OutgoingMessage.FromText(apology), cancellationToken);
            }
            catch (ConnectorException sendFailure)
            {
                LogApologyFailed(logger, sendFailure, activity.Conversation?.Id);
            }

            return null;
        }

        BotTelemetry.TurnHandled(activity.Type, failed: false, Stopwatch.GetElapsedTime(started));
        if (!input.IsInvoke) return null;
        // An Action.Execute that only sent new messages still needs a body, or Teams shows an error on the card.
        return turn.InvokeResponse ?? AdaptiveCardInvokeResponse.Message(input.Language.Pick("已收到。", "Done."));
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Turn failed for {ActivityType} activity {ActivityId} in conversation {ConversationId}")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string? activityType, string? activityId, string? conversationId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Could not send the apology to conversation {ConversationId}")]
    private static partial void LogApologyFailed(ILogger logger, Exception exception, string? conversationId);
}
