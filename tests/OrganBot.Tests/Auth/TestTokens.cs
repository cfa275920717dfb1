using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OrganBot.Tests.Auth;

/// <summary>Mints the JWTs a channel (or an attacker) would send, signed with test keys.</summary>
public static class TestTokens
{
    public const string AppId = "6f3a1c1e-2b4d-4e5f-8a9b-0c1d2e3f4a5b";
    public const string ChannelIssuer = "https://api.botframework.com";

    public static string Create(
        SigningCredentials credentials,
        string serviceUrl,
        string issuer = ChannelIssuer,
        string audience = AppId,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null)
    {
        var now = TimeProvider.System.GetUtcNow();
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (notBefore ?? now.AddMinutes(-1)).UtcDateTime,
            NotBefore = (notBefore ?? now.AddMinutes(-1)).UtcDateTime,
            Expires = (expires ?? now.AddHours(1)).UtcDateTime,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = credentials,
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static string Create(TestSigningKey key, string serviceUrl, string issuer = ChannelIssuer, string audience = AppId,
        DateTimeOffset? notBefore = null, DateTimeOffset? expires = null) =>
        Create(new SigningCredentials(key.SecurityKey, SecurityAlgorithms.RsaSha256), serviceUrl, issuer, audience, notBefore, expires);

    /// <summary>An unsigned token (<c>alg: none</c>) that otherwise looks perfect.</summary>
    public static string Unsigned(string kid, string serviceUrl)
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = kid };
        var payload = new JsonObject
        {
            ["iss"] = ChannelIssuer, ["aud"] = AppId, ["nbf"] = now - 60, ["exp"] = now + 3600, ["serviceurl"] = serviceUrl,
        };
        return $"{Encode(header)}.{Encode(payload)}.";
    }

    /// <summary>The same token with one bit of its signature flipped.</summary>
    public static string WithTamperedSignature(string token)
    {
        var parts = token.Split('.');
        var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        signature[signature.Length / 2] ^= 0x01;
        return $"{parts[0]}.{parts[1]}.{Base64UrlEncoder.Encode(signature)}";
    }

    private static string Encode(JsonNode node) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(node.ToJsonString()));
}
