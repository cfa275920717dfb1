using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace OrganBot.Bot.Auth;

/// <summary>The signing keys published by one OpenID metadata document, with each key's channel endorsements.</summary>
internal sealed class SigningKeySet(IReadOnlyDictionary<string, JsonWebKey> keys, IReadOnlyDictionary<string, string[]> endorsements)
{
    public JsonWebKey? Find(string kid) => keys.GetValueOrDefault(kid);

    public IReadOnlyCollection<string> EndorsementsOf(string kid) => endorsements.GetValueOrDefault(kid) ?? [];

    public int Count => keys.Count;
}

/// <summary>
/// Reads the metadata document, follows its <c>jwks_uri</c> and keeps the Bot Framework's extra <c>endorsements</c>
/// array of every key (docs/protocol.md §2.1). Plugged into a ConfigurationManager, which caches and refreshes it.
/// </summary>
internal sealed class SigningKeySetRetriever : IConfigurationRetriever<SigningKeySet>
{
    public async Task<SigningKeySet> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var metadata = await retriever.GetDocumentAsync(address, cancel);
        string? jwksUri;
        using (var document = JsonDocument.Parse(metadata))
        {
            jwksUri = document.RootElement.TryGetProperty("jwks_uri", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }

        if (string.IsNullOrEmpty(jwksUri)) throw new InvalidOperationException($"OpenID metadata at {address} has no jwks_uri.");

        var jwks = await retriever.GetDocumentAsync(jwksUri, cancel);
        var keys = new Dictionary<string, JsonWebKey>(StringComparer.Ordinal);
        var endorsements = new Dictionary<string, string[]>(StringComparer.Ordinal);
        using var keySet = JsonDocument.Parse(jwks);
        if (!keySet.RootElement.TryGetProperty("keys", out var keyArray) || keyArray.ValueKind != JsonValueKind.Array) return new SigningKeySet(keys, endorsements);

        foreach (var element in keyArray.EnumerateArray())
        {
            JsonWebKey key;
            try
            {
                key = new JsonWebKey(element.GetRawText());
            }
            catch (ArgumentException)
            {
                continue; // one unreadable key must not take the others down
            }

            if (string.IsNullOrEmpty(key.Kid) || key.Kty != JsonWebAlgorithmsKeyTypes.RSA) continue;
            keys[key.Kid] = key;
            endorsements[key.Kid] = element.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
                ? [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
                : [];
        }

        return new SigningKeySet(keys, endorsements);
    }
}
