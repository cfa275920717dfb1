using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrganBot.Tests.Auth;

/// <summary>
/// The Bot Framework's identity side on loopback (Kestrel): OpenID metadata and a JWKS with endorsements over
/// http (the channel's and, under /{tenant}/v2.0, Entra's), and an Entra token endpoint over https with a
/// self-signed certificate for MSAL. Keys can be swapped at run time to simulate rotation.
/// </summary>
public sealed class FakeIdentityServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, TestSigningKey> _channelKeys = new();
    private readonly ConcurrentDictionary<string, TestSigningKey> _entraKeys = new();
    private readonly ConcurrentQueue<IFormCollection> _tokenRequests = new();
    private int _channelKeyFetches;
    private int _tokenCount;

    private FakeIdentityServer(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    public string HttpBase { get; private set; } = "";

    public string HttpsBase { get; private set; } = "";

    public X509Certificate2 Certificate { get; }

    public string ChannelMetadataUrl => HttpBase + "v1/.well-known/openidconfiguration";

    public string EntraMetadataTemplate => HttpBase + "{tenant}/v2.0/.well-known/openid-configuration";

    public string LoginUrl => HttpsBase + "botframework.com";

    /// <summary>How often the channel JWKS was downloaded.</summary>
    public int ChannelKeyFetches => Volatile.Read(ref _channelKeyFetches);

    /// <summary>Client-credential requests the token endpoint received (form fields).</summary>
    public IReadOnlyList<IFormCollection> TokenRequests => [.. _tokenRequests];

    public static async Task<FakeIdentityServer> StartAsync()
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeIdentityServer(app, certificate);
        server.Map(app);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        server.HttpBase = addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/') + "/";
        server.HttpsBase = addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)).TrimEnd('/') + "/";
        return server;
    }

    /// <summary>Publishes exactly these keys on the channel JWKS from now on.</summary>
    public void PublishChannelKeys(params TestSigningKey[] keys) => Replace(_channelKeys, keys);

    public void PublishEntraKeys(params TestSigningKey[] keys) => Replace(_entraKeys, keys);

    private static void Replace(ConcurrentDictionary<string, TestSigningKey> set, TestSigningKey[] keys)
    {
        set.Clear();
        foreach (var key in keys) set[key.Kid] = key;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new JsonObject
        {
            ["issuer"] = TestTokens.ChannelIssuer,
            ["jwks_uri"] = HttpBase + "v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        app.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref _channelKeyFetches);
            return Results.Json(KeySet(_channelKeys));
        });
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Results.Json(new JsonObject
        {
            ["issuer"] = $"https://login.microsoftonline.com/{tenant}/v2.0",
            ["jwks_uri"] = HttpBase + $"{tenant}/discovery/v2.0/keys",
        }));
        app.MapGet("/{tenant}/discovery/v2.0/keys", (string tenant) => Results.Json(KeySet(_entraKeys)));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context) =>
        {
            _tokenRequests.Enqueue(await context.Request.ReadFormAsync());
            var n = Interlocked.Increment(ref _tokenCount);
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = $"test-connector-token-{n}" });
        });
    }

    private static JsonObject KeySet(ConcurrentDictionary<string, TestSigningKey> keys) =>
        new() { ["keys"] = new JsonArray([.. keys.Values.Select(k => (JsonNode)k.ToJwk())]) };

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        var now = TimeProvider.System.GetUtcNow();
        using var ephemeral = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), password: null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }
}
