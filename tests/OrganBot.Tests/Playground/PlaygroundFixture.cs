using Microsoft.Extensions.DependencyInjection;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Playground;

/// <summary>
/// The real bot (Kestrel on loopback, dev mode, its own database) plus the real Agents Playground pointed at it, and a
/// connected <see cref="PlaygroundClient"/>. Use it as a class fixture; when node or the Playground package is missing
/// the fixture starts nothing and tests skip with <see cref="SkipReason"/>:
/// <code>
/// public sealed class FeedbackPlaygroundTests(PlaygroundFixture playground) : IClassFixture&lt;PlaygroundFixture&gt;
/// {
///     [Fact]
///     public async Task Feedback_TypedInPlayground_GetsTicket()
///     {
///         Assert.SkipWhen(playground.SkipReason is not null, playground.SkipReason ?? "");
///         await playground.Client.SendTextAsync("我要反馈");
///         var form = await playground.Client.WaitForCardAsync(card => card.Readable().Contains("反馈"));
///         ...
/// </code>
/// The current Playground user (<see cref="PlaygroundIdentity.UserAad"/>) is an admin unless a subclass overrides
/// <see cref="CurrentUserIsAdmin"/>; add bot settings by overriding <see cref="BotSettings"/>.
/// </summary>
public class PlaygroundFixture : IAsyncLifetime
{
    private BotApplication? _bot;
    private AgentsPlayground? _playground;
    private PlaygroundClient? _client;

    public string? SkipReason { get; private set; } = AgentsPlayground.SkipReason;

    public PlaygroundClient Client => _client ?? throw new InvalidOperationException(SkipReason ?? "The Playground fixture is not started.");

    public BotApplication Bot => _bot ?? throw new InvalidOperationException(SkipReason ?? "The Playground fixture is not started.");

    public AgentsPlayground Playground => _playground ?? throw new InvalidOperationException(SkipReason ?? "The Playground fixture is not started.");

    protected virtual bool CurrentUserIsAdmin => true;

    protected virtual Dictionary<string, string?> BotSettings() => [];

    /// <summary>Service overrides for the bot (e.g. a FakeTimeProvider), applied after its own registrations.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is not null) return;

        var settings = BotSettings();
        if (CurrentUserIsAdmin) settings["Admins:AadObjectIds:0"] = PlaygroundIdentity.UserAad;
        _bot = new BotApplication(settings, ConfigureServices);
        using (var http = _bot.Start())
        {
            var endpoint = new Uri(http.BaseAddress!, "/api/messages");
            // The Playground talks IPv4 loopback; Kestrel's "localhost" answers there too.
            endpoint = new UriBuilder(endpoint) { Host = "127.0.0.1" }.Uri;
            _playground = await AgentsPlayground.StartAsync(endpoint, TestContext.Current.CancellationToken);
        }

        _client = new PlaygroundClient(_playground.BaseAddress);
        await _client.ConnectAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null) await _client.DisposeAsync();
        if (_playground is not null) await _playground.DisposeAsync();
        if (_bot is not null) await _bot.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
