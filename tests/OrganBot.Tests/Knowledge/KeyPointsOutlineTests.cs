using System.Text.Json.Nodes;
using OrganBot.Cards.Answers;
using OrganBot.Tests.Conversation;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Knowledge;

/// <summary>Issue 13: 讲话要点 is an outline (parts → numbered points, one line each); a point's requirements on demand.</summary>
public sealed class KeyPointsOutlineTests : BotTestBase
{
    private const string PointHeading = "一是必须压紧责任链条。";
    private const string RequirementUnderIt = "机关各级党组织书记要全神贯注抓好主责主业";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Overview_ListsEveryPointsHeading_OneLineEach_WithoutRequirements()
    {
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "讲话要点"), Ct);

        var card = Assert.Single(await Connector.WaitForSendsAsync(1)).Card!;
        var lines = Texts(card).ToList();
        Assert.Contains(PointHeading, lines);
        Assert.Contains("二是必须夯实基层基础。", lines);
        Assert.Contains("一是要提高站位强化政治引领。", lines);
        Assert.DoesNotContain(lines, l => l.Contains(RequirementUnderIt, StringComparison.Ordinal));
        var pointButton = card["body"]!.AsArray().Select(e => e!["selectAction"]).Single(a => a?["title"]?.GetValue<string>() == PointHeading)!;
        Assert.Equal("4", pointButton["data"]![AnswerVerbs.PartKey]!.GetValue<string>());
        Assert.Equal("1", pointButton["data"]![AnswerVerbs.PointKey]!.GetValue<string>());
    }

    [Fact]
    public async Task Point_OpensThePartWithItsRequirementsShown_HeadingNotCounted()
    {
        var response = await Bot.PostActivityAsync(Activities.Execute(Connector.ServiceUrl, AnswerVerbs.Part,
            new JsonObject { [AnswerVerbs.PartKey] = "4", [AnswerVerbs.PointKey] = "1" }), Ct);

        var card = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["value"]!;
        var containers = Descendants(card).Where(n => n["type"]?.GetValue<string>() == "Container" && n["id"] is not null).ToDictionary(n => n["id"]!.GetValue<string>());
        var first = containers["p1"];
        var requirements = Texts(first).ToList();
        Assert.Null(first["isVisible"]);
        Assert.False(containers["p2"]["isVisible"]!.GetValue<bool>());
        Assert.Contains(requirements, r => r.Contains(RequirementUnderIt, StringComparison.Ordinal));
        Assert.DoesNotContain(requirements, r => r.Contains("压紧责任链条", StringComparison.Ordinal));
        var toggle = Descendants(card).Single(n => n["type"]?.GetValue<string>() == "Action.ToggleVisibility" && n["targetElements"]![0]!.GetValue<string>() == "p1");
        Assert.Equal($"要求（{requirements.Count}）", toggle["title"]!.GetValue<string>());
        // The location line is no longer repeated under every requirement.
        Assert.Single(Texts(card), t => t.StartsWith("第四部分（压实组织领导）", StringComparison.Ordinal));
    }

    [Fact]
    public async Task English_OutlineShowsTopics_ChineseQuotesKept_HalfWidthPunctuation()
    {
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "key points"), Ct);
        var overview = Assert.Single(await Connector.WaitForSendsAsync(1)).Card!;
        var response = await Bot.PostActivityAsync(Activities.Execute(Connector.ServiceUrl, AnswerVerbs.Part, new JsonObject { [AnswerVerbs.PartKey] = "4" }), Ct);
        var part = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["value"]!;

        Assert.Contains("1. Tighten the chain of responsibility", Texts(overview));
        Assert.Contains("1. Tighten the chain of responsibility", Texts(part));
        Assert.Contains(PointHeading, Texts(part));
        Assert.Contains(Descendants(part), n => n["title"]?.GetValue<string>() is { } t && t.StartsWith("Requirements (", StringComparison.Ordinal));
        Assert.Empty(EnglishText.FullWidthBesideLatin(overview));
        Assert.Empty(EnglishText.FullWidthBesideLatin(part));
    }

    private static IEnumerable<string> Texts(JsonNode node) =>
        Descendants(node).Where(n => n["type"]?.GetValue<string>() == "TextBlock").Select(n => n["text"]!.GetValue<string>().Trim('“', '”'));

    // The 查看原文 card repeats the whole part; the outline is what is checked here.
    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => CardTree.Descendants(node, "card");
}
