using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrganBot.Bot.Protocol;

/// <summary>The one set of JSON options for the wire: camelCase, nulls omitted, case-insensitive reads.</summary>
public static class BotJson
{
    public static JsonSerializerOptions Options { get; } = BotJsonContext.Default.Options;
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
internal sealed partial class BotJsonContext : JsonSerializerContext;
