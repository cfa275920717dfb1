using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrganBot.Cards.Model;

/// <summary>Writes a <see cref="CardJson"/> as the JSON object it holds, byte for byte; reads any JSON object back.</summary>
public sealed class CardJsonConverter : JsonConverter<CardJson>
{
    public override CardJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return CardJson.FromUtf8(JsonSerializer.SerializeToUtf8Bytes(document.RootElement));
    }

    public override void Write(Utf8JsonWriter writer, CardJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
}
