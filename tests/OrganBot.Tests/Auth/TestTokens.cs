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
        string? serviceUrl,
        string issuer = ChannelIssuer,
        string audience = AppId,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null,
        IDictionary<string, object>? claims = null)
    {
        var now = TimeProvider.System.GetUtcNow();
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (notBefore ?? now.AddMinutes(-1)).UtcDateTime,
            NotBefore = (notBefore ?? now.AddMinutes(-1)).UtcDateTime,
            Expires = (expires ?? now.AddHours(1)).UtcDateTime,
            Subject = new ClaimsIdentity(serviceUrl is null ? [] : [new Claim("serviceurl", serviceUrl)]),
            Claims = claims,
            SigningCredentials = credentials,
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static string Create(TestSigningKey key, string? serviceUrl, string issuer = ChannelIssuer, string audience = AppId,
        DateTimeOffset? notBefore = null, DateTimeOffset? expires = null, IDictionary<string, object>? claims = null) =>
        Create(new SigningCredentials(key.SecurityKey, SecurityAlgorithms.RsaSha256), serviceUrl, issuer, audience, notBefore, expires, claims);

    /// <summary>
    /// An app-only Entra token of <paramref name="tenant"/> for the bot's audience, as Entra issues it to the app
    /// <paramref name="callerAppId"/>: v1 (sts.windows.net issuer, <c>appid</c>) or v2 (login.microsoftonline.com issuer, <c>azp</c>).
    /// </summary>
    public static string Entra(TestSigningKey key, string tenant, string callerAppId, string version = "2.0", string? serviceUrl = null,
        IDictionary<string, object>? extra = null)
    {
        var v1 = version == "1.0";
        var claims = new Dictionary<string, object>
        {
            ["ver"] = version, [v1 ? "appid" : "azp"] = callerAppId, ["tid"] = tenant, ["idtyp"] = "app",
            ["oid"] = "99999999-0000-0000-0000-000000000001",
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, object>()) claims[name] = value;
        var issuer = v1 ? $"https://sts.windows.net/{tenant}/" : $"https://login.microsoftonline.com/{tenant}/v2.0";
        return Create(key, serviceUrl, issuer, claims: claims);
    }

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
