using Microsoft.Extensions.DependencyInjection;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Delivery;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Delivery;

/// <summary>A bot with a fast-paced delivery pipeline, a <see cref="FakeConnector"/> driven by a <see cref="TeamsSimulator"/>, and seeded members.</summary>
public sealed class DeliveryHarness : IAsyncDisposable
{
    private DeliveryHarness(FakeConnector connector, TeamsSimulator simulator, BotApplication bot, CompletionRecorder completions)
    {
        Connector = connector;
        Simulator = simulator;
        Bot = bot;
        Completions = completions;
    }

    public FakeConnector Connector { get; }
    public TeamsSimulator Simulator { get; }
    public BotApplication Bot { get; }
    public CompletionRecorder Completions { get; }

    /// <summary>Pipeline settings that make tests run in seconds: short timeouts and back-offs, Teams' per-conversation limits.</summary>
    public static Dictionary<string, string?> FastSettings(double tenantRate = 50) => new()
    {
        ["Delivery:PollInterval"] = "00:00:00.100",
        ["Delivery:TenantRatePerSecond"] = tenantRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // Long enough that a slow but successful answer on a busy machine is never mistaken for a timeout (that would
        // re-send a delivered message); injected timeouts never answer, so they still hit it.
        ["Delivery:AttemptTimeout"] = "00:00:03",
        ["Delivery:BaseBackoff"] = "00:00:00.050",
        ["Delivery:MaxBackoff"] = "00:00:00.400",
        ["Delivery:MaxAttempts"] = "8",
        ["Delivery:DefaultRetryAfter"] = "00:00:00.200",
    };

    public static async Task<DeliveryHarness> StartAsync(double faultRate = 0, Dictionary<string, string?>? settings = null, double tenantRate = 50)
    {
        var connector = await FakeConnector.StartAsync();
        var simulator = new TeamsSimulator(tenantRate, faultRate);
        connector.Responder = simulator.Respond;
        var completions = new CompletionRecorder();
        var all = FastSettings(tenantRate);
        foreach (var (key, value) in settings ?? []) all[key] = value;
        var bot = new BotApplication(all, services => services.AddSingleton<IDeliveryObserver>(completions));
        bot.Start();
        return new DeliveryHarness(connector, simulator, bot, completions);
    }

    public static string MemberId(int i) => $"29:member-{i:D5}";

    public static string ChatId(string memberId) => "a:dm-" + memberId;

    /// <summary>Members 0..count-1 of the test tenant; those with <paramref name="withChat"/> already have a 1:1 chat with the bot.</summary>
    public Task SeedMembersAsync(int count, Func<int, bool>? withChat = null) => SeedMembersAsync(Bot.Services, Connector.ServiceUrl, count, withChat);

    public static async Task SeedMembersAsync(IServiceProvider services, string serviceUrl, int count, Func<int, bool>? withChat = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var now = DateTimeOffset.UnixEpoch.AddYears(56);
        for (var i = 0; i < count; i++)
        {
            var id = MemberId(i);
            var hasChat = withChat?.Invoke(i) ?? true;
            db.Members.Add(new MemberRecord
            {
                Id = id,
                AadObjectId = $"aaaaaaaa-0000-0000-0000-{i:D12}",
                Name = $"成员{i}",
                TenantId = Activities.TenantId,
                ServiceUrl = serviceUrl,
                PersonalConversationId = hasChat ? ChatId(id) : null,
                FirstSeenAt = now,
                LastSeenAt = now,
            });
            if (hasChat || i == 0)
            {
                db.Conversations.Add(new ConversationRecord
                {
                    Id = ChatId(id),
                    ServiceUrl = serviceUrl,
                    ChannelId = "msteams",
                    ConversationType = "personal",
                    TenantId = Activities.TenantId,
                    BotId = Activities.BotId,
                    BotName = "OrganBot",
                    UserId = id,
                    Locale = "zh-CN",
                    FirstSeenAt = now,
                    LastSeenAt = now,
                });
            }

            if (i % 500 == 499) await db.SaveChangesAsync();
        }

        await db.SaveChangesAsync();
    }

    public async Task<int> EnqueueAsync(IReadOnlyList<DeliveryRequest> requests)
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDeliveryQueue>().EnqueueAsync(requests, TestContext.Current.CancellationToken);
    }

    public async Task<IReadOnlyList<DeliveryStatus>> GetBatchAsync(string batchId)
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDeliveryQueue>().GetBatchAsync(batchId, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }
}

/// <summary>Records completions the pipeline reports, so tests can wait for them instead of sleeping.</summary>
public sealed class CompletionRecorder : IDeliveryObserver
{
    private readonly Lock _gate = new();
    private readonly List<DeliveryCompletion> _completions = [];
    private readonly SemaphoreSlim _signal = new(0);

    public IReadOnlyList<DeliveryCompletion> All
    {
        get
        {
            lock (_gate) return [.. _completions];
        }
    }

    public void OnCompleted(DeliveryCompletion completion)
    {
        lock (_gate) _completions.Add(completion);
        _signal.Release();
    }

    public async Task<IReadOnlyList<DeliveryCompletion>> WaitForAsync(string batchId, int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var done = All.Where(c => c.BatchId == batchId).ToList();
            if (done.Count >= count) return done;
            try
            {
                await _signal.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Only {done.Count} of {count} deliveries of {batchId} completed.");
            }
        }
    }
}
