using System.Text.Json.Nodes;
using OrganBot.Bot.Knowledge;
using OrganBot.Dialogs.Knowledge;

namespace OrganBot.Tests.Knowledge;

public sealed class KnowledgeCliTests
{
    [Fact]
    public async Task AskJsonl_ThreeQuestions_WritesOneContractObjectPerLineInOrder()
    {
        var input = new StringReader("主题党日要怎么搞\n党费交多少\nWhat does the speech say about the Two Establishments?\n");
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await KnowledgeCli.RunAsync(["ask", "--jsonl"], input, output, error);

        Assert.Equal(0, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("主题党日要怎么搞", lines[0], StringComparison.Ordinal);
        var speech = KnowledgeFixture.Speech;
        var objects = lines.Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(["主题党日要怎么搞", "党费交多少", "What does the speech say about the Two Establishments?"], objects.Select(o => o["question"]!.GetValue<string>()));
        Assert.Equal([true, false, true], objects.Select(o => o["covered"]!.GetValue<bool>()));
        Assert.All(objects, o =>
        {
            Assert.Equal(["question", "covered", "answer", "citations"], o.Select(p => p.Key));
            var citations = o["citations"]!.AsArray();
            Assert.True(citations.Count <= 5);
            Assert.All(citations, c =>
            {
                var text = c!["text"]!.GetValue<string>();
                Assert.True(text.Length <= 300 && speech.Contains(text, StringComparison.Ordinal));
                Assert.False(string.IsNullOrEmpty(c["label"]!.GetValue<string>()));
                _ = c["score"]!.GetValue<double>();
            });
            var scores = citations.Select(c => c!["score"]!.GetValue<double>()).ToList();
            Assert.Equal(scores.OrderDescending(), scores);
        });
        Assert.Contains("两个确立", objects[2]["citations"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task Ask_SingleQuestion_PrintsAnswerAndCitations()
    {
        var output = new StringWriter();

        await KnowledgeCli.RunAsync(["ask", "群团组织的灵魂是什么"], new StringReader(""), output, new StringWriter());

        Assert.Contains("政治性则是群团组织的灵魂", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("第五部分（把握群团规律）", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_DevSet_PrintsRecallAndMrr()
    {
        var output = new StringWriter();

        await KnowledgeCli.RunAsync(["eval", KnowledgeFixture.DevSetPath()], new StringReader(""), output, new StringWriter());

        Assert.Contains("Recall@1:", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Recall@3:", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("MRR:", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("english", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_NoFile_PrintsTargetsOnTheFrozenTestSplitBesideDevAndTuning_WithoutItsMisses()
    {
        var output = new StringWriter();

        var code = await KnowledgeCli.RunAsync(["eval"], new StringReader(""), output, new StringWriter());

        var text = output.ToString();
        Assert.Equal(0, code);
        Assert.Contains("test (frozen)", text, StringComparison.Ordinal);
        Assert.Contains("English Recall@3", text, StringComparison.Ordinal);
        Assert.Contains("not covered recognised", text, StringComparison.Ordinal);
        Assert.Contains("answerable refused", text, StringComparison.Ordinal);
        Assert.Contains("0.35*", text, StringComparison.Ordinal);
        var testIds = KnowledgeEvaluator.ReadJsonl(File.ReadAllText(KnowledgeFixture.DataPath("members-test.jsonl"))).Select(q => q.Id);
        Assert.DoesNotContain(testIds, id => text.Contains(id + " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TuneQa_PrintsTheChosenWeightsWithDevAndHeldOutLike_WithoutTheTestSplit()
    {
        var output = new StringWriter();

        var code = await KnowledgeCli.RunAsync(["tune-qa"], new StringReader(""), output, new StringWriter());

        var text = output.ToString();
        Assert.Equal(0, code);
        Assert.Contains("Chosen: RankingWeights", text, StringComparison.Ordinal);
        Assert.Contains("held-out-like", text, StringComparison.Ordinal);
        Assert.Contains("no proximity", text, StringComparison.Ordinal);
        Assert.DoesNotContain("test", text, StringComparison.OrdinalIgnoreCase);
    }
}
