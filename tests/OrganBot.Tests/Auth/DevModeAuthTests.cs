using System.Net;
using Microsoft.AspNetCore.Http;
using OrganBot.Bot.Auth;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Auth;

public sealed class DevModeAuthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DevMode_AnonymousFromLoopback_AcceptedAndRepliedWithoutToken()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = new BotApplication();
        bot.Start();

        var response = await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, "帮助"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await connector.WaitForSendsAsync(1));
        Assert.Null(reply.Authorization);
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("203.0.113.7")]
    [InlineData("::ffff:192.168.1.20")]
    public async Task DevModeAuthenticator_NonLoopbackCaller_Rejected(string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);

        var result = await new DevModeAuthenticator().AuthenticateAsync(context, Ct);

        Assert.False(result.Succeeded);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task DevModeAuthenticator_LoopbackCaller_Accepted(string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);

        var result = await new DevModeAuthenticator().AuthenticateAsync(context, Ct);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task DevModeAuthenticator_NoOutboundToken()
    {
        var token = await new DevModeAuthenticator().GetTokenAsync(new Uri("https://smba.trafficmanager.net/amer/v3/conversations"), Ct);

        Assert.Null(token);
    }
}
