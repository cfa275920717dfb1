using System.Diagnostics;
using System.Text.Json.Nodes;
using OrganBot.Tests.Fakes;
using OrganBot.Tests.Feedback;

namespace OrganBot.Tests.AdminConsole;

/// <summary>
/// The console in a real browser: Debian's headless chromium driven by npm playwright-core (tools/node/console-browser.mjs)
/// signs in by link, opens each page in both themes (Fluent UI controls in the Teams tokens, or the system's scheme), reads
/// the charts' figures, runs axe-core, measures each first load, checks the Teams tab width, saves
/// docs/screenshots/console-*.png, accepts a ticket and sees the member notified at the fake connector.
/// </summary>
public sealed class ConsoleBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    private static string? SkipReason =>
        RepoPaths.NodeSkipReason("playwright-core") ?? RepoPaths.NpmPackageSkipReason("axe-core")
        ?? (File.Exists(Environment.GetEnvironmentVariable("CHROMIUM") ?? Chromium) ? null : "chromium is not installed (apt-get install chromium; .ci/run does).");

    [Fact]
    public async Task EveryPage_RendersSeededFigures_IsAccessibleAndSmall_AndATriageReachesTheMember()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");
        var ct = TestContext.Current.CancellationToken;
        await using var host = await FeedbackHost.StartAsync(ConsoleSeed.Settings);
        var anonymous = await ConsoleSeed.TicketAsync(host, "匿名：希望改善加班安排。", anonymous: true);
        var named = await ConsoleSeed.TicketAsync(host, "希望食堂延长供餐时间。", anonymous: false);
        var attendance = await ConsoleSeed.AttendanceAsync(host, ct);
        string[] questions = ["主题党日要怎么搞", "主题党日要怎么搞", "心往一处想劲往一处使"];
        int Answers(IEnumerable<ConnectorCall> calls) => calls.Count(c => c.IsSend && c.ConversationId == Activities.ConversationId);
        var before = Answers(host.Connector.Sends);
        foreach (var question in questions) await host.MemberSaysAsync(question);
        await host.Connector.WaitForAsync(cs => Answers(cs) >= before + questions.Length);
        var link = await ConsoleBrowserSession.AskForLinkAsync(host);
        host.Connector.Clear();

        var shots = Path.Combine(RepoPaths.Root, "docs", "screenshots");
        Directory.CreateDirectory(shots);
        var result = await RunAsync(host.Bot.BaseAddress.ToString().TrimEnd('/'), link.PathAndQuery, shots, named, ct);
        var notice = await host.WaitForTextAsync(Activities.ConversationId, named);

        foreach (var (name, page) in result["pages"]!.AsObject())
        {
            Assert.True(page!["error"] is null, $"{name}: {page["error"]}");
            TestContext.Current.TestOutputHelper?.WriteLine($"{name}: {page["bytes"]} bytes on first load");
            Assert.True(page["bytes"]!.GetValue<int>() is > 10_000 and < 500_000, $"{name}: {page["bytes"]} bytes on first load");
            var fluent = page["fluent"]!;
            Assert.True(fluent["defined"]!.GetValue<int>() == 6 && fluent["buttons"]!.GetValue<int>() >= 5 && fluent["nativeButtons"]!.GetValue<int>() == 0,
                $"{name}: Fluent UI controls {fluent.ToJsonString()}");
            Assert.Equal(name.EndsWith("-dark", StringComparison.Ordinal) ? "dark" : "light", fluent["theme"]!.GetValue<string>());
            var serious = page["axe"]!.AsArray().Where(v => v!["impact"]!.GetValue<string>() is "serious" or "critical").Select(v => v!["id"] + ": " + v["help"] + " at " + v["where"]).ToList();
            Assert.True(serious.Count == 0, $"{name}: {string.Join("; ", serious)}");
            Assert.All(page["figures"]!.AsObject(), chart => Assert.True(chart.Value!["drawn"]!.GetValue<bool>(), $"{name} {chart.Key} not drawn"));
        }

        // The trend chart's month of the occurrence holds the seeded answers; the status chart counts both tickets as new.
        var months = result["pages"]!["attendance-light"]!["figures"]!["chart-months"]!;
        var month = months["labels"]!.AsArray().Select(l => l!.GetValue<string>()).ToList().IndexOf(ConsoleSeed.Month(attendance));
        // 参加 / 请假（已批准）/ 请假（未批准）/ 请假（未审批）/ 缺席 / 未答复 / 未送达, as the 出勤统计 card splits them.
        Assert.Equal([attendance.Attending, attendance.LeaveApproved, attendance.LeaveRejected, 0, attendance.Absent, 0, 0],
            months["datasets"]!.AsArray().Select(d => d!["data"]![month]!.GetValue<int>()));
        Assert.Equal(["参加", "请假（已批准）", "请假（未批准）", "请假（未审批）", "缺席", "未答复", "未送达"], months["datasets"]!.AsArray().Select(d => d!["label"]!.GetValue<string>()));
        // Every question asked counts in the topics, 讲话未涉及 included.
        var topics = result["pages"]!["qa-light"]!["figures"]!["chart-topics"]!;
        Assert.Equal(questions.Length, topics["datasets"]![0]!["data"]!.AsArray().Sum(n => n!.GetValue<int>()));
        Assert.Contains("讲话未涉及", topics["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        var status = result["pages"]!["feedback-light"]!["figures"]!["chart-status"]!;
        Assert.Equal(2, status["datasets"]![0]!["data"]![0]!.GetValue<int>());
        Assert.Contains("已受理", result["triage"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("已受理", notice.Body.Readable(), StringComparison.Ordinal);
        Assert.True(result["narrow"]!["scrollWidth"]!.GetValue<int>() <= result["narrow"]!["width"]!.GetValue<int>(), "horizontal scrolling at 360 px");
        Assert.All(result["teamsWidth"]!.AsObject(), p => Assert.True(p.Value!["scrollWidth"]!.GetValue<int>() <= 800, $"{p.Key} scrolls sideways at the Teams tab width: {p.Value}"));
        Assert.Equal("dark", result["systemTheme"]!["dark"]!.GetValue<string>());
        Assert.Equal("light", result["systemTheme"]!["light"]!.GetValue<string>());
        Assert.Empty(result["external"]!.AsArray());
        Assert.NotEmpty(anonymous);
        foreach (var file in new[] { "overview", "attendance", "feedback", "announcements", "qa" }.SelectMany(p => new[] { $"console-{p}-light.png", $"console-{p}-dark.png" }))
        {
            Assert.True(new FileInfo(Path.Combine(shots, file)).Length > 5_000, file);
        }
    }

    private static async Task<JsonNode> RunAsync(string baseUrl, string signIn, string shots, string ticket, CancellationToken ct)
    {
        var start = new ProcessStartInfo(RepoPaths.Node!) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.NodeTools };
        foreach (var arg in new[] { Path.Combine(RepoPaths.NodeTools, "console-browser.mjs"), baseUrl, signIn, shots, ticket }) start.ArgumentList.Add(arg);
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = node.StandardOutput.ReadToEndAsync(ct);
        var errors = node.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(4));
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(node.ExitCode == 0, $"console-browser.mjs exited {node.ExitCode}: {await errors}");
        return JsonNode.Parse((await output).Trim().Split('\n').Last())!;
    }
}
