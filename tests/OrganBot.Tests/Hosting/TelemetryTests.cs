using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OrganBot.Cards.Answers;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;
using OrganBot.Dialogs.Telemetry;
using OrganBot.Tests.Delivery;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Hosting;

/// <summary>The OrganBot meter and activity source, read through OpenTelemetry's in-memory exporter while the bot works over HTTP.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests
{
    [Fact]
    public async Task Turns_OverHttp_RecordKindOutcomeLatencyAnswersRatingsAndOneTracePerTurn()
    {
        var metrics = new List<MetricSnapshot>();
        var spans = new List<Activity>();
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = new BotApplication(configureServices: services => services.AddOpenTelemetry()
            .WithMetrics(m => m.AddInMemoryExporter(metrics))
            .WithTracing(t => t.AddInMemoryExporter(spans)));
        bot.Start();
        var ct = TestContext.Current.CancellationToken;

        await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, "主题党日要怎么搞"), ct);
        var answer = Assert.Single(await connector.WaitForSendsAsync(1));
        var answerCard = answer.Card!;
        await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, "党费交多少"), ct);
        var up = answerCard["actions"]!.AsArray().Single(a => a!["verb"]?.GetValue<string>() == AnswerVerbs.Vote && a["data"]![AnswerVerbs.VoteKey]!.GetValue<string>() == AnswerVerbs.Up)!["data"]!.AsObject();
        await bot.PostActivityAsync(Activities.Execute(connector.ServiceUrl, AnswerVerbs.Vote, (JsonObject)up.DeepClone()), ct);
        connector.Responder = _ => Results.StatusCode(StatusCodes.Status403Forbidden);
        await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, "你好"), ct);
        bot.Services.GetRequiredService<MeterProvider>().ForceFlush();
        bot.Services.GetRequiredService<TracerProvider>().ForceFlush();

        var turns = Latest(metrics, "organbot.turn.duration");
        Assert.Equal("s", turns.Unit);
        Assert.Equal(2, HistogramCount(turns, ("organbot.turn.kind", "message"), ("organbot.turn.outcome", "ok")));
        Assert.Equal(1, HistogramCount(turns, ("organbot.turn.kind", "invoke"), ("organbot.turn.outcome", "ok")));
        Assert.Equal(1, HistogramCount(turns, ("organbot.turn.kind", "message"), ("organbot.turn.outcome", "error")));
        Assert.True(HistogramSum(turns) > 0);
        Assert.Equal(1, Sum(Latest(metrics, "organbot.answers"), ("organbot.answer.outcome", "covered")));
        Assert.Equal(1, Sum(Latest(metrics, "organbot.answers"), ("organbot.answer.outcome", "refused")));
        Assert.Equal(1, Sum(Latest(metrics, "organbot.answer.ratings"), ("organbot.answer.rating", "up")));

        // Each turn is a span of its own under the request's server span; a message's reply is a connector call beneath it
        // (the vote's new card travels in the invoke response instead).
        var turnSpans = spans.Where(s => s.Source.Name == BotTelemetry.Name && s.OperationName == "organbot.turn").ToList();
        Assert.Equal(4, turnSpans.Count);
        Assert.All(turnSpans, t => Assert.Contains(spans, s => s.Kind == ActivityKind.Server && s.SpanId == t.ParentSpanId));
        Assert.All(
            turnSpans.Where(t => Equals(t.GetTagItem("organbot.turn.kind"), "message")),
            t => Assert.Contains(spans, s => s.Kind == ActivityKind.Client && s.ParentSpanId == t.SpanId));
        Assert.Single(turnSpans, t => t.Status == ActivityStatusCode.Error);
        // The connector sees the request's trace (W3C traceparent), so its own traces join the bot's.
        Assert.NotNull(answer.TraceParent);
        Assert.Contains(spans, s => s.Kind == ActivityKind.Server && answer.TraceParent.Contains(s.TraceId.ToHexString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Turn_WithNothingExportingTraces_StartsNoSpanAndSendsNoTraceparent()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = new BotApplication();
        bot.Start();

        await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, "主题党日要怎么搞"), TestContext.Current.CancellationToken);

        // No request span was started for nobody (it cost about a tenth of a turn), so none reaches the connector either.
        var reply = Assert.Single(await connector.WaitForSendsAsync(1));
        Assert.NotNull(reply.Card);
        Assert.Null(reply.TraceParent);
    }

    [Fact]
    public async Task Delivery_WithA429A503AndABlockedMember_CountsSentRetriedThrottledFailedAndQueueDepth()
    {
        var metrics = new List<MetricSnapshot>();
        using var reader = Sdk.CreateMeterProviderBuilder().AddMeter(BotTelemetry.Name).AddInMemoryExporter(metrics).Build();
        await using var h = await DeliveryHarness.StartAsync();
        await h.SeedMembersAsync(5);
        h.Simulator.Blocked[DeliveryHarness.ChatId(DeliveryHarness.MemberId(4))] = true;
        var faults = new Queue<int>([429, 503]);
        h.Connector.Responder = call =>
        {
            lock (faults)
            {
                if (call.IsSend && faults.TryDequeue(out var status)) return Results.StatusCode(status);
            }

            return h.Simulator.Respond(call);
        };

        await h.EnqueueAsync([.. Enumerable.Range(0, 5).Select(i => new DeliveryRequest(
            $"otel:{i}", new DeliveryTarget.User(DeliveryHarness.MemberId(i)), OutgoingMessage.FromText("通知"), "otel", "test"))]);
        await h.Completions.WaitForAsync("otel", 5);
        reader.ForceFlush();

        Assert.Equal(4, Sum(Latest(metrics, "organbot.delivery.sent")));
        Assert.Equal(1, Sum(Latest(metrics, "organbot.delivery.throttled")));
        Assert.Equal(1, Sum(Latest(metrics, "organbot.delivery.retries"), ("organbot.delivery.reason", "throttled")));
        Assert.Equal(1, Sum(Latest(metrics, "organbot.delivery.retries"), ("organbot.delivery.reason", "transient")));
        Assert.Equal(1, Sum(Latest(metrics, "organbot.delivery.failed"), ("error.type", "403")));
        Assert.True(GaugeValue(Latest(metrics, "organbot.delivery.effective_rate")) > 0);
        // The queue is sampled while a reader listens: after the sampler's next pass it reads 0 rows left.
        var deadline = Stopwatch.StartNew();
        while (LatestOrNull(metrics, "organbot.delivery.queue_depth") is not { } depth || GaugeValue(depth) != 0)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "organbot.delivery.queue_depth was never reported as 0");
            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
            reader.ForceFlush();
        }
    }

    private static MetricSnapshot Latest(List<MetricSnapshot> metrics, string name) =>
        LatestOrNull(metrics, name) ?? throw new Xunit.Sdk.XunitException($"No {name} was exported; got {string.Join(", ", metrics.Select(m => m.Name).Distinct())}");

    /// <summary>Cumulative temporality: the last export holds the totals.</summary>
    private static MetricSnapshot? LatestOrNull(List<MetricSnapshot> metrics, string name) => metrics.LastOrDefault(m => m.Name == name);

    private static IEnumerable<MetricPoint> Points(MetricSnapshot metric, (string Key, string Value)[] tags)
    {
        foreach (var point in metric.MetricPoints)
        {
            var pointTags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags) pointTags[tag.Key] = tag.Value;
            if (tags.All(t => Equals(pointTags.GetValueOrDefault(t.Key), t.Value))) yield return point;
        }
    }

    private static long Sum(MetricSnapshot metric, params (string Key, string Value)[] tags) => Points(metric, tags).Sum(p => p.GetSumLong());

    private static long HistogramCount(MetricSnapshot metric, params (string Key, string Value)[] tags) => Points(metric, tags).Sum(p => p.GetHistogramCount());

    private static double HistogramSum(MetricSnapshot metric) => Points(metric, []).Sum(p => p.GetHistogramSum());

    private static double GaugeValue(MetricSnapshot metric) =>
        Points(metric, []).Select(p => metric.MetricType == MetricType.DoubleGauge ? p.GetGaugeLastValueDouble() : p.GetGaugeLastValueLong()).Single();
}
