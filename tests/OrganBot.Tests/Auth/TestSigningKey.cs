using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace OrganBot.Tests.Auth;

/// <summary>A locally generated RSA key as the Bot Framework would publish it: kid, public JWK and endorsements.</summary>
public sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa;

    private TestSigningKey(string kid, string[]? endorsements)
    {
        _rsa = RSA.Create(2048);
        Kid = kid;
        Endorsements = endorsements;
        SecurityKey = new RsaSecurityKey(_rsa) { KeyId = kid };
    }

    public string Kid { get; }

    /// <summary>Channel ids the key may sign for; null publishes the key without an endorsements array.</summary>
    public string[]? Endorsements { get; }

    public RsaSecurityKey SecurityKey { get; }

    public static TestSigningKey Create(string kid, params string[]? endorsements) => new(kid, endorsements);

    /// <summary>The public half as a JWKS entry.</summary>
    public JsonObject ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null) jwk["endorsements"] = new JsonArray([.. Endorsements.Select(e => (JsonNode)e)]);
        return jwk;
    }

    public void Dispose() => _rsa.Dispose();
}
