using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace OrganBot.Cards.Model;

/// <summary>
/// A card already written as UTF-8 JSON. The bot copies these bytes into the outgoing activity as they are, so a card
/// that is sent often (a cached Q&amp;A answer) is written once instead of being rebuilt as a JsonObject tree and
/// serialized on every turn.
/// </summary>
[JsonConverter(typeof(CardJsonConverter))]
public sealed class CardJson
{
    /// <summary>
    /// Chinese text as UTF-8 rather than \uXXXX escapes (half the bytes of a card quoting the speech); HTML-sensitive
    /// characters stay escaped. The bot's wire serializer uses the same encoder, so a card is the same either way.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private readonly byte[] _utf8;

    private CardJson(byte[] utf8) => _utf8 = utf8;

    public ReadOnlyMemory<byte> Utf8 => _utf8;

    /// <summary>Writes a whole card (with <c>$schema</c>, as it is attached to a message).</summary>
    public static CardJson From(AdaptiveCard card) => new(Write(card.WriteTo));

    /// <summary>
    /// Wraps bytes that are already one JSON object (e.g. read back from storage); throws <see cref="JsonException"/>
    /// for anything else, so what is sent is always a well-formed object.
    /// </summary>
    public static CardJson FromUtf8(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A card is a JSON object.");
        reader.Skip();
        if (reader.Read()) throw new JsonException("A card is one JSON object.");
        return new CardJson(utf8.ToArray());
    }

    /// <summary>A mutable copy, for code that reads or edits a card as a tree (tests, previews).</summary>
    public JsonObject ToJsonObject() => JsonNode.Parse(_utf8)!.AsObject();

    public override string ToString() => System.Text.Encoding.UTF8.GetString(_utf8);

    /// <summary>Runs <paramref name="write"/> on a per-thread buffer and returns an exact copy of what it wrote.</summary>
    internal static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        var bytes = buffer.WrittenSpan.ToArray();
        // Keep the per-thread buffer for cards of ordinary size; let an unusually large one go.
        if (buffer.Capacity > 256 * 1024) t_buffer = null;
        return bytes;
    }
}
