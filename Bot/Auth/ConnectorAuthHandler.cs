using System.Net.Http.Headers;

namespace OrganBot.Bot.Auth;

/// <summary>Attaches the bot's token to outbound connector calls.</summary>
internal sealed class ConnectorAuthHandler(IConnectorTokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && await tokens.GetTokenAsync(uri, cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
