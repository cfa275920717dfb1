using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Auth;

/// <summary>One identity server, connector and authenticated bot shared by the inbound-auth tests of a class.</summary>
public sealed class ChannelAuthFixture : IAsyncLifetime
{
    public FakeIdentityServer Identity { get; private set; } = null!;
    public FakeConnector Connector { get; private set; } = null!;
    public BotApplication Bot { get; private set; } = null!;

    /// <summary>Published, endorsed for msteams.</summary>
    public TestSigningKey TeamsKey { get; } = TestSigningKey.Create("teams-key", "msteams", "skype");

    /// <summary>Published, endorsed for another channel only.</summary>
    public TestSigningKey WebChatKey { get; } = TestSigningKey.Create("webchat-key", "webchat");

    /// <summary>Published without any endorsements.</summary>
    public TestSigningKey BareKey { get; } = TestSigningKey.Create("bare-key", null);

    /// <summary>Never published.</summary>
    public TestSigningKey StrangerKey { get; } = TestSigningKey.Create("stranger-key", "msteams");

    public async ValueTask InitializeAsync()
    {
        Identity = await FakeIdentityServer.StartAsync();
        Identity.PublishChannelKeys(TeamsKey, WebChatKey, BareKey);
        Connector = await FakeConnector.StartAsync();
        Bot = AuthenticatedBot.Create(Identity);
        Bot.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await Identity.DisposeAsync();
        foreach (var key in new[] { TeamsKey, WebChatKey, BareKey, StrangerKey }) key.Dispose();
    }
}
