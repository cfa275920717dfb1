using System.Diagnostics;
using OrganBot.Tests.Delivery;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Hosting;

/// <summary>With the standard OTEL_EXPORTER_OTLP_* variables the bot process sends its metrics and traces to a collector.</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task BotProcess_OtlpEndpointSet_SendsTurnMetricsAndTracesAsOrganbot()
    {
        await using var collector = await OtlpCollectorStandIn.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            ["Storage:Provider"] = "Sqlite",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), "organbot-tests", $"otlp-{Guid.NewGuid():N}.db")}",
            ["Delivery:WorkerEnabled"] = "false",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        };
        await using var bot = await BotProcess.StartAsync(settings, BotProcess.SlowStartTimeout);

        await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, "主题党日要怎么搞"), TestContext.Current.CancellationToken);

        // service.name = "organbot" (OTEL_SERVICE_NAME's default), as protobuf writes it: field 1, length 8, then the text.
        const string ServiceName = "\n\borganbot";
        var clock = Stopwatch.StartNew();
        while (!(collector.Received("/v1/metrics", "service.name", ServiceName, "organbot.turn.duration", "organbot.answers")
                 && collector.Received("/v1/traces", "service.name", ServiceName, "organbot.turn")))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"The collector got {collector.Posts.Count} posts ({string.Join(", ", collector.Posts.Select(p => p.Path).Distinct())}) but not the turn's metrics and trace.\n{bot.Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }

        Assert.All(collector.Posts, p => Assert.Equal("application/x-protobuf", p.ContentType));
    }
}
