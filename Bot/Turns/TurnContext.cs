using System.Text.Json.Nodes;
using OrganBot.Bot.Protocol;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Bot.Turns;

/// <summary>One inbound activity being handled: replies go back through the connector it came from.</summary>
internal sealed class TurnContext(Activity activity, TurnInput input, bool isAdmin, ConnectorClient connector) : ITurnContext
{
    public TurnInput Input { get; } = input;

    public bool IsAdmin { get; } = isAdmin;

    public Activity Activity { get; } = activity;

    /// <summary>The body to return for an invoke; set by <see cref="ReplaceCardAsync"/> or defaulted by the processor.</summary>
    public AdaptiveCardInvokeResponse? InvokeResponse { get; private set; }

    public List<string> SentActivityIds { get; } = [];

    public async Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var outbound = ActivityMapper.ToActivity(message, Activity);
        var response = Activity.Id is { Length: > 0 } replyToId
            ? await connector.ReplyToActivityAsync(Activity.ServiceUrl!, Activity.Conversation!.Id!, replyToId, With(outbound, replyToId), cancellationToken)
            : await connector.SendToConversationAsync(Activity.ServiceUrl!, Activity.Conversation!.Id!, outbound, cancellationToken);
        if (response.Id is not null) SentActivityIds.Add(response.Id);
        return response.Id;
    }

    public async Task ReplaceCardAsync(JsonObject card, CancellationToken cancellationToken)
    {
        if (Input.IsInvoke)
        {
            // Universal Actions: Teams swaps the card with the one in the invoke response.
            InvokeResponse = AdaptiveCardInvokeResponse.Card(card);
            return;
        }

        if (Activity.ReplyToId is { Length: > 0 } cardActivityId)
        {
            await UpdateAsync(cardActivityId, OutgoingMessage.FromCard(card), cancellationToken);
        }
        else
        {
            await SendAsync(OutgoingMessage.FromCard(card), cancellationToken);
        }
    }

    public async Task UpdateAsync(string activityId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var outbound = ActivityMapper.ToActivity(message, Activity);
        await connector.UpdateActivityAsync(Activity.ServiceUrl!, Activity.Conversation!.Id!, activityId, outbound, cancellationToken);
    }

    private static Activity With(Activity activity, string replyToId)
    {
        activity.ReplyToId = replyToId;
        return activity;
    }
}
