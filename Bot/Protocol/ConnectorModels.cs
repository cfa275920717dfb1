using System.Text.Json.Nodes;

namespace OrganBot.Bot.Protocol;

/// <summary>What the connector answers for a send, reply or update.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>Body of <c>POST /v3/conversations</c> (docs/protocol.md §3.1, Teams proactive 1:1).</summary>
public sealed record ConversationParameters
{
    public bool IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public List<ChannelAccount>? Members { get; init; }
    public string? TopicName { get; init; }
    public string? TenantId { get; init; }
    public JsonNode? ChannelData { get; init; }
    public Activity? Activity { get; init; }
}

public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

public sealed record PagedMembersResult(string? ContinuationToken, List<ChannelAccount>? Members);

/// <summary>The HTTP body the bot returns for an invoke activity.</summary>
public sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, JsonNode? Value)
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static AdaptiveCardInvokeResponse Card(JsonObject card) => new(200, CardType, card);

    public static AdaptiveCardInvokeResponse Message(string text) => new(200, MessageType, text);
}
