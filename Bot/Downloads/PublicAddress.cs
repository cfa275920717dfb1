using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace OrganBot.Bot.Downloads;

/// <summary>
/// The base of every link the bot hands out: <c>Bot:PublicBaseUrl</c>, or (dev mode, not configured) the address the
/// server actually listens on, read from Kestrel after it has bound, so a <c>--urls</c> port shows in the links.
/// </summary>
internal sealed class PublicAddress(IOptionsMonitor<PublicAddressOptions> options, IServer server)
{
    private static readonly string[] s_wildcardHosts = ["+", "*", "0.0.0.0", "[::]"];

    public Uri BaseUri
    {
        get
        {
            var configured = options.CurrentValue.PublicBaseUrl;
            return new Uri(string.IsNullOrWhiteSpace(configured) ? Listening() : configured.TrimEnd('/'), UriKind.Absolute);
        }
    }

    /// <summary><see cref="BaseUri"/> joined with an absolute path and query (e.g. "/api/admin/downloads/feedback/all?token=…").</summary>
    public Uri Link(string pathAndQuery) => new(BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + pathAndQuery, UriKind.Absolute);

    private string Listening()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"The server has no listening address yet; set {PublicAddressOptions.Key}.");
        var uri = new Uri(s_wildcardHosts.Aggregate(address, (a, host) => a.Replace("://" + host + ":", "://localhost:", StringComparison.Ordinal)));
        return uri.GetLeftPart(UriPartial.Authority);
    }
}
