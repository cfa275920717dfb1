using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Dialogs.Conversation;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Routing;

/// <summary>
/// The router builds only the feature a turn is for (issue 15): every feature and every store registration is wrapped
/// in a counting factory, and only what a request's scope builds is counted (background workers are not).
/// </summary>
public sealed class FeatureResolutionTests : BotTestBase
{
    private readonly ConcurrentDictionary<string, int> _built = new();
    private int _wrappedFeatures;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override BotApplication CreateBot() => new(configureServices: services =>
    {
        services.AddHttpContextAccessor();
        _wrappedFeatures = CountingFactories.Wrap(services, _built);
    });

    [Fact]
    public async Task Question_BuildsNoFeatureAndNoFeatureStore()
    {
        Assert.True(_wrappedFeatures >= 5, $"only {_wrappedFeatures} features were registered by AddFeature");

        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "主题党日要怎么搞"), Ct);

        var answer = Assert.Single(await Connector.WaitForSendsAsync(1));
        Assert.NotNull(answer.Card);
        Assert.DoesNotContain(_built.Keys, k => k.StartsWith("feature:", StringComparison.Ordinal));
        Assert.DoesNotContain(_built.Keys, k => k is "store:IFeedbackStore" or "store:IAnnouncementStore" or "store:IReminderStore" or "store:IDialogStateStore");
    }

    [Fact]
    public async Task Command_BuildsOnlyItsOwnFeature()
    {
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "我的反馈"), Ct);

        await Connector.WaitForSendsAsync(1);
        Assert.Equal(["feature:feedback"], _built.Keys.Where(k => k.StartsWith("feature:", StringComparison.Ordinal)));
        Assert.Contains("store:IFeedbackStore", _built.Keys);
        Assert.DoesNotContain(_built.Keys, k => k is "store:IAnnouncementStore" or "store:IReminderStore");
    }

    [Fact]
    public async Task CardAction_BuildsOnlyTheFeatureOfItsVerb()
    {
        using var response = await Bot.PostActivityAsync(Activities.Execute(Connector.ServiceUrl, "remind.my", []), Ct);

        // The reminder feature answered by replacing the card with its 我的提醒 card.
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Contains("我的提醒", body["value"].Readable(), StringComparison.Ordinal);
        Assert.Equal(["feature:reminders"], _built.Keys.Where(k => k.StartsWith("feature:", StringComparison.Ordinal)));
    }

    /// <summary>Wraps registrations so that each build inside an HTTP request is counted under a readable key.</summary>
    private static class CountingFactories
    {
        public static int Wrap(IServiceCollection services, ConcurrentDictionary<string, int> built)
        {
            var features = 0;
            for (var i = 0; i < services.Count; i++)
            {
                var d = services[i];
                if (d.IsKeyedService && d.ServiceType == typeof(IFeature) && d.KeyedImplementationFactory is { } factory)
                {
                    services[i] = new ServiceDescriptor(typeof(IFeature), d.ServiceKey, (sp, key) => Counted(sp, built, "feature:" + key, () => factory(sp, key)), d.Lifetime);
                    features++;
                }
                else if (!d.IsKeyedService && d.ServiceType.IsInterface && d.ServiceType.Name.EndsWith("Store", StringComparison.Ordinal))
                {
                    var type = d.ServiceType;
                    Func<IServiceProvider, object> create = d.ImplementationFactory
                        ?? (d.ImplementationType is { } implementation ? sp => ActivatorUtilities.CreateInstance(sp, implementation) : _ => d.ImplementationInstance!);
                    services[i] = new ServiceDescriptor(type, sp => Counted(sp, built, "store:" + type.Name, () => create(sp)), d.Lifetime);
                }
            }

            return features;
        }

        private static object Counted(IServiceProvider sp, ConcurrentDictionary<string, int> built, string key, Func<object> create)
        {
            if (sp.GetService<IHttpContextAccessor>()?.HttpContext is not null) built.AddOrUpdate(key, 1, (_, n) => n + 1);
            return create();
        }
    }
}
