namespace OrganBot.Tests.Fakes;

/// <summary>A test class with the real bot on Kestrel and a fake Bot Connector, both on loopback, fresh per test.</summary>
public abstract class BotTestBase : IAsyncLifetime
{
    protected FakeConnector Connector { get; private set; } = null!;

    protected BotApplication Bot { get; private set; } = null!;

    /// <summary>A client for the bot's own HTTP endpoints.</summary>
    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Override to start the bot with other settings or services.</summary>
    protected virtual BotApplication CreateBot() => new();

    public async ValueTask InitializeAsync()
    {
        Connector = await FakeConnector.StartAsync();
        Bot = CreateBot();
        Client = Bot.Start();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
