using System.Diagnostics;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Playground;

/// <summary>
/// Issue 11 end to end in the real Agents Playground: a member's own wording is answered from the speech; a question
/// the engine refuses lands in 问答待办, the admin links it with one press, the member receives the answer, and the
/// same question in other words is answered from then on.
/// With <c>ORGANBOT_QA_SCREENSHOTS</c> set to a folder (and playwright-core, see tools/node/playground-screenshot.mjs)
/// the test also photographs the Playground's chat at each step.
/// </summary>
public sealed class QaLoopPlaygroundTests(PlaygroundFixture playground) : IClassFixture<PlaygroundFixture>
{
    private const string Paraphrase = "工会妇联得听党的话吗";
    private const string ParaphraseAnswer = "自觉服从党的领导";
    private const string Refused = "学习要持之以恒不能三天打鱼两天晒网";
    private const string RefusedAnswer = "持之以恒弘扬伟大建党精神";
    private const string SecondWording = "理论学习可不能三天打鱼两天晒网吧";

    [Fact]
    public async Task Playground_ParaphraseAnswered_RefusedQuestionLinkedByAdminThenAnswered()
    {
        Assert.SkipWhen(playground.SkipReason is not null, playground.SkipReason ?? "");
        var client = playground.Client;
        var ct = TestContext.Current.CancellationToken;

        await client.SendTextWithLocaleAsync(Paraphrase, "zh-CN", cancellationToken: ct);
        var answer = await client.WaitForCardAsync(card => card.Readable().Contains("讲话原文解答"), cancellationToken: ct);
        Assert.Contains(ParaphraseAnswer, answer.VisibleText(), StringComparison.Ordinal);
        Assert.Contains("出处：第五部分（把握群团规律）", answer.VisibleText(), StringComparison.Ordinal);
        await ScreenshotAsync("qa-paraphrase.png", Paraphrase, ParaphraseAnswer);

        client.MarkNow();
        await client.SendTextWithLocaleAsync(Refused, "zh-CN", cancellationToken: ct);
        var refusal = await client.WaitForCardAsync(card => card.Readable().Contains("讲话未涉及"), cancellationToken: ct);
        Assert.DoesNotContain(RefusedAnswer, refusal.VisibleText(), StringComparison.Ordinal);
        await ScreenshotAsync("qa-refused.png", Refused, "讲话未涉及");

        // The Playground user is an admin: 问答待办 lists the question with its best sentences as link buttons.
        client.MarkNow();
        await client.SendTextWithLocaleAsync("问答待办", "zh-CN", cancellationToken: ct);
        var queue = await client.WaitForCardAsync(card => card.Readable().Contains(Refused), cancellationToken: ct);
        var link = queue.VisibleText().Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("[关联：", StringComparison.Ordinal) && l.Contains(RefusedAnswer, StringComparison.Ordinal));
        await ScreenshotAsync("qa-queue.png", "问答待办", RefusedAnswer);

        client.MarkNow();
        var linked = await client.PressForCardAsync(queue, link[1..^1], cancellationToken: ct);
        // The Playground sends its invokes as en-US, but the admin last wrote Chinese, so the confirmation is Chinese.
        Assert.Contains($"已关联：“{Refused}”", linked.VisibleText(), StringComparison.Ordinal);

        // The member who asked receives the answer in the chat (through the delivery outbox).
        var delivered = await client.WaitForCardAsync(card => card.Readable().Contains(RefusedAnswer) && !card.Readable().Contains("问答待办"), TimeSpan.FromSeconds(30), ct);
        Assert.Contains("讲话原文解答", delivered.VisibleText(), StringComparison.Ordinal);

        // From now on the question in other words is answered from that sentence.
        client.MarkNow();
        await client.SendTextWithLocaleAsync(SecondWording, "zh-CN", cancellationToken: ct);
        var learned = await client.WaitForCardAsync(card => card.Readable().Contains("讲话原文解答"), cancellationToken: ct);
        Assert.Contains(RefusedAnswer, learned.VisibleText(), StringComparison.Ordinal);
        await ScreenshotAsync("qa-learned.png", SecondWording, RefusedAnswer);
    }

    /// <summary>
    /// When ORGANBOT_QA_SCREENSHOTS names a folder: types <paramref name="typed"/> into the Playground's own chat page
    /// (it shows only what happens while it is open) and photographs it once <paramref name="waitFor"/> appears.
    /// </summary>
    private async Task ScreenshotAsync(string file, string typed, string waitFor)
    {
        if (Environment.GetEnvironmentVariable("ORGANBOT_QA_SCREENSHOTS") is not { Length: > 0 } folder) return;
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { Path.Combine(RepoPaths.NodeTools, "playground-screenshot.mjs"), playground.Playground.BaseAddress.ToString(), Path.Combine(folder, file), waitFor, typed })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, error);
    }
}
