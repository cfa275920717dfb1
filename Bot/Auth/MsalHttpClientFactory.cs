using Microsoft.Identity.Client;

namespace OrganBot.Bot.Auth;

/// <summary>Gives MSAL its HttpClient from IHttpClientFactory (named client <see cref="ClientName"/>).</summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
{
    public const string ClientName = "OrganBot.Msal";

    public HttpClient GetHttpClient() => factory.CreateClient(ClientName);
}
