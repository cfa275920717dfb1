using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrganBot.Tests.Fakes;

public static class JsonText
{
    private static readonly JsonSerializerOptions s_readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>JSON with Chinese left readable, so tests can look for text in cards.</summary>
    public static string Readable(this JsonNode? node) => node?.ToJsonString(s_readable) ?? "";
}
