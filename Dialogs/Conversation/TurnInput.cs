using System.Text.Json.Nodes;
using OrganBot.Cards;

namespace OrganBot.Dialogs.Conversation;

public sealed record ChatUser(string Id, string? AadObjectId, string? Name);

public enum ConversationKind { Personal, GroupChat, Channel }

public sealed record ChatConversation(string Id, ConversationKind Kind, string? TenantId, string? TeamId = null, string? ChannelId = null, string? TeamName = null);

public enum TurnKind
{
    /// <summary>The user typed text.</summary>
    Message,

    /// <summary>A card button was pressed (Action.Execute invoke or Action.Submit fallback).</summary>
    CardAction,

    /// <summary>The bot was installed or added to this conversation.</summary>
    BotAdded,

    /// <summary>Other members joined a conversation the bot is in.</summary>
    MembersAdded,

    /// <summary>A reaction was added to a bot message.</summary>
    Reaction,

    /// <summary>Anything else the channel sends; handled silently.</summary>
    Other,
}

/// <summary>What arrived in one turn, already stripped of wire details (mentions, channel data).</summary>
public sealed record TurnInput
{
    public required TurnKind Kind { get; init; }
    public required ChatUser User { get; init; }
    public required ChatConversation Conversation { get; init; }
    public UiLanguage Language { get; init; } = UiLanguage.Chinese;

    /// <summary>The client's locale when the activity carries one (a hint only: the member's text decides the language).</summary>
    public string? Locale { get; init; }

    /// <summary>The bot's display name in this conversation (what members @mention), when Teams tells us.</summary>
    public string? BotName { get; init; }

    /// <summary>Message text with the bot's @mention removed and whitespace trimmed.</summary>
    public string Text { get; init; } = "";

    /// <summary>Verb of the card action (from Action.Execute, or the data of its Action.Submit fallback).</summary>
    public string? Verb { get; init; }

    /// <summary>Card data merged with the card's input values; keys are input ids.</summary>
    public JsonObject? CardData { get; init; }

    /// <summary>Id of the bot message the card action or reaction came from.</summary>
    public string? ReplyToId { get; init; }

    /// <summary>True when the card action arrived as an invoke, so the answer travels in the HTTP response.</summary>
    public bool IsInvoke { get; init; }

    /// <summary>IANA time zone of the user's client, when Teams tells us.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The reaction type (like, heart...) for <see cref="TurnKind.Reaction"/>.</summary>
    public string? Reaction { get; init; }

    /// <summary>Reads a string value from <see cref="CardData"/>.</summary>
    public string? Data(string key) =>
        CardData is not null && CardData.TryGetPropertyValue(key, out var node) && node is JsonValue value
            ? value.TryGetValue<string>(out var s) ? s : node.ToJsonString()
            : null;
}
