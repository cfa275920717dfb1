using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrganBot.Bot.Protocol;

/// <summary>The one set of JSON options for the wire: camelCase, nulls omitted, case-insensitive reads.</summary>
public static class BotJson
{
    public static JsonSerializerOptions Options { get; } = BotJsonContext.Default.Options;

    /// <summary>
    /// The context for bodies the bot sends: like <see cref="BotJsonContext.Default"/>, but Chinese text is written as
    /// UTF-8 instead of \uXXXX escapes (half the bytes for a card quoting the speech, less work on both ends).
    /// HTML-sensitive characters stay escaped.
    /// </summary>
    internal static BotJsonContext WireContext { get; } = new(new JsonSerializerOptions(BotJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    });
}

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(AdaptiveCardInvokeResponse))]
[JsonSerializable(typeof(List<ChannelAccount>))]
[JsonSerializable(typeof(OrganBot.Cards.Model.CardJson))]
internal sealed partial class BotJsonContext : JsonSerializerContext;
