using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrganBot.Bot.Auth;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Auth;

/// <summary>Whatever MSAL throws when the reply needs a token, the channel's request is answered, never with a 500.</summary>
public sealed class MsalFailureTests : IAsyncLifetime
{
    private readonly TestSigningKey _key = TestSigningKey.Create("teams-key", "msteams");
    private FakeIdentityServer _identity = null!;
    private FakeConnector _connector = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _identity = await FakeIdentityServer.StartAsync();
        _identity.PublishChannelKeys(_key);
        _connector = await FakeConnector.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
        _key.Dispose();
    }

    [Fact]
    public async Task AuthorityMsalRefuses_InboundStillAnswered200_NoTokenlessReply()
    {
        // The start-up check is taken out, as if MSAL refused something the validator did not foresee: MSAL then throws
        // ArgumentException (not an MsalException) at the first token request, inside the reply.
        await using var bot = AuthenticatedBot.Create(_identity,
            new() { ["ToChannelFromBotLoginUrl"] = _identity.HttpBase + "botframework.com" },
            services: s => s.RemoveAll<IValidateOptions<BotAuthOptions>>());
        bot.Start();

        var response = await bot.PostWithTokenAsync(Activities.Message(_connector.ServiceUrl, "帮助"), TestTokens.Create(_key, _connector.ServiceUrl), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Sends);
    }
}
