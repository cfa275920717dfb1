using System.Globalization;
using System.Text.Json.Nodes;
using OrganBot.Tests.Fakes;
using OrganBot.Tests.Feedback;

namespace OrganBot.Tests.AdminConsole;

/// <summary>The 问答 page and the 问答统计 card count every question asked, by topic, with the same query.</summary>
public sealed class ConsoleQaTests
{
    private const string Missed = "心往一处想劲往一处使";

    [Fact]
    public async Task QaPage_CountsEveryQuestionAsked_AsTheStatsCardDoes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await FeedbackHost.StartAsync();
        // Three questions and no rating: the same one from the speech twice, and one it does not cover.
        string[] questions = ["主题党日要怎么搞", "主题党日要怎么搞", Missed];
        foreach (var question in questions) await host.MemberSaysAsync(question);
        await host.Connector.WaitForAsync(cs => cs.Count(c => c.IsSend && c.ConversationId == Activities.ConversationId) >= questions.Length);

        await host.AdminSaysAsync("问答统计");
        var card = (await host.WaitForSendAsync(FeedbackHost.AdminConversation, c => c.Card.Readable().Contains("问答统计", StringComparison.Ordinal))).Card!;
        var body = card["body"]!.AsArray();
        var heading = body.IndexOf(body.First(e => e!["text"]?.GetValue<string>().StartsWith("最常问到的内容", StringComparison.Ordinal) == true));
        var cardTopics = body[heading + 1]!["facts"]!.AsArray()
            .Select(f => (Label: f!["value"]!.GetValue<string>(), Asked: int.Parse(f["title"]!.GetValue<string>().TrimStart('×'), CultureInfo.InvariantCulture))).ToList();

        using var browser = await ConsoleBrowserSession.SignInAsync(host);
        var page = JsonNode.Parse(await browser.Client.GetStringAsync("/console/api/qa", ct))!;
        var pageTopics = page["topics"]!.AsArray().Select(t => (Label: t!["label"]!.GetValue<string>(), Asked: t["asked"]!.GetValue<int>())).ToList();

        Assert.Equal(cardTopics, pageTopics);
        Assert.Equal(questions.Length, pageTopics.Sum(t => t.Asked));
        Assert.Contains(("讲话未涉及", 1), pageTopics);
        Assert.Equal(2, pageTopics.Max(t => t.Asked));
        Assert.Equal((0, 0), (page["up"]!.GetValue<int>(), page["down"]!.GetValue<int>()));
        var month = page["months"]!.AsArray().Last()!;
        Assert.Equal((questions.Length, 1), (month["asked"]!.GetValue<int>(), month["refused"]!.GetValue<int>()));
        Assert.Contains(page["queue"]!.AsArray(), q => q!["question"]!.GetValue<string>() == Missed && q["candidates"]!.AsArray().Count > 0);
    }
}
