using OrganBot.Cards;
using OrganBot.Dialogs.Knowledge;

namespace OrganBot.Tests.Knowledge;

public sealed class KnowledgeBaseTests
{
    private static KnowledgeBase Knowledge => KnowledgeFixture.Knowledge;

    [Fact]
    public void Parser_Speech_HasOpeningFivePartsAndTheirPoints()
    {
        var document = Knowledge.Document;

        Assert.Equal(6, document.Parts.Count);
        Assert.Equal(["强化政治引领", "坚持思想引领", "聚焦中心大局", "压实组织领导", "把握群团规律"], document.NumberedParts.Select(p => p.ShortTitle));
        Assert.Equal([2, 3, 3, 3, 3], document.NumberedParts.Select(p => p.Points.Count));
        Assert.Equal("夯实基层基础", document.Parts[4].Points[1].Title);
        Assert.Equal(KnowledgeFixture.Speech.Replace("\n", "", StringComparison.Ordinal), string.Concat(document.Sentences.Select(s => s.Text)));
    }

    [Fact]
    public void Label_PointSentence_ReadsPartHeadingAndPoint()
    {
        var sentence = Knowledge.Document.Sentences.First(s => s.Text.StartsWith("要牢固树立大抓基层", StringComparison.Ordinal));

        Assert.Equal("第四部分（压实组织领导）· 二是 夯实基层基础", Knowledge.Label(sentence, UiLanguage.Chinese));
        Assert.Equal("Part 4 (Organisational leadership) · Point 2", Knowledge.Label(sentence, UiLanguage.English));
    }

    [Fact]
    public void Thesaurus_EveryTerm_OccursInTheSpeech()
    {
        var speech = KnowledgeFixture.Speech;

        var missing = Knowledge.Thesaurus.Entries.Where(e => !speech.Contains(e.Term, StringComparison.Ordinal)).Select(e => e.Term).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Evaluation_DevSet_StaysAboveFloor()
    {
        var questions = KnowledgeEvaluator.ReadJsonl(File.ReadAllText(KnowledgeFixture.DevSetPath()));

        var report = KnowledgeEvaluator.Evaluate(Knowledge, questions);

        // Measured 1.000 / 1.000 / 1.000 with round 4's weights (0.975 / 1.000 / 0.988 in round 3).
        Assert.True(report.RecallAt1 >= 0.925, $"Recall@1 {report.RecallAt1:F3}");
        Assert.True(report.RecallAt3 >= 0.975, $"Recall@3 {report.RecallAt3:F3}");
        Assert.True(report.Mrr >= 0.95, $"MRR {report.Mrr:F3}");
        Assert.True(report.Refused <= 0.05, $"answerable refused {report.Refused:F3}");
    }

    [Fact]
    public void Evaluation_HeldOutLikeSet_MeetsTheIssueTargets()
    {
        // Written before the engine was scored on it (colloquial, keyword, list, English and unanswerable questions).
        var questions = KnowledgeEvaluator.ReadJsonl(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Knowledge", "Data", "heldout-like.jsonl")));

        var report = KnowledgeEvaluator.Evaluate(Knowledge, questions);

        // Measured 0.921 / 0.984, 1.6 % refused, 24/27 unanswerable recognised (one threshold for every set now).
        Assert.True(report.Count >= 60 && report.UnanswerableCount >= 25, $"{report.Count} answerable, {report.UnanswerableCount} unanswerable");
        Assert.True(report.RecallAt1 >= 0.88, $"Recall@1 {report.RecallAt1:F3}");
        Assert.True(report.RecallAt3 >= 0.95, $"Recall@3 {report.RecallAt3:F3}");
        Assert.True(report.Refused <= 0.05, $"answerable refused {report.Refused:F3}");
        Assert.True(report.UnanswerableRecognised >= 0.8, $"unanswerable recognised {report.UnanswerableRecognised:F3}");
    }

    [Fact]
    public void Evaluation_MembersTestSplit_StaysAboveFloor()
    {
        // The frozen two-thirds of the members' set (tests/…/Data/members-test.jsonl): never tuned on, only measured.
        var questions = KnowledgeEvaluator.ReadJsonl(File.ReadAllText(KnowledgeFixture.DataPath("members-test.jsonl")));

        var report = KnowledgeEvaluator.Evaluate(Knowledge, questions);

        // Measured 0.876 / 0.952, 2.9 % refused, 23/24 not covered recognised, English R@3 0.889 with round 4's weights
        // from tune-qa (round 3: 0.810 / 0.952; issue 11 close: 0.790 / 0.924, 6.7 %; before it: 0.743 / 0.886, 9.5 %, 24/24, 0.778).
        Assert.True(report.Count >= 100 && report.UnanswerableCount >= 20, $"{report.Count} answerable, {report.UnanswerableCount} not covered");
        Assert.True(report.RecallAt1 >= 0.85, $"Recall@1 {report.RecallAt1:F3}");
        Assert.True(report.RecallAt3 >= 0.94, $"Recall@3 {report.RecallAt3:F3}");
        Assert.True(report.Refused <= 0.04, $"answerable refused {report.Refused:F3}");
        Assert.True(report.UnanswerableRecognised >= 0.9, $"not covered recognised {report.UnanswerableRecognised:F3}");
        Assert.True(report.PerKind["english"].RecallAt3 >= 0.85, $"English Recall@3 {report.PerKind["english"].RecallAt3:F3}");
    }

    [Theory]
    [InlineData("预备党员多久能转正")]
    [InlineData("暖心工程的慰问金标准是多少")]
    [InlineData("民主评议党员的流程是啥")]
    [InlineData("How do I join the trade union?")]
    public void Ask_QuestionForAFactTheSpeechDoesNotState_IsNotCovered(string question)
    {
        var answer = Knowledge.Ask(question);

        Assert.False(answer.Covered);
    }

    [Theory]
    [InlineData("近几年机关都搞过哪些学习教育活动")]
    [InlineData("重大事项决定的流程要怎么优化")]
    [InlineData("讲话讲了多少点意见")]
    public void Ask_QuestionWhoseAnswerTypeTheSpeechHolds_IsAnswered(string question)
    {
        var answer = Knowledge.Ask(question);

        Assert.True(answer.Covered);
    }

    [Fact]
    public void Ask_PartWithoutListWords_StartsWithThePartHeading()
    {
        var answer = Knowledge.Ask("第五部分讲的是啥");

        Assert.StartsWith("五、把握群团规律", answer.Citations[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("做好新时代机关群团工作，一是", Knowledge.Ask("第五部分有哪几个要求").Citations[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_UnanswerableQuestions_AreRecognisedAsNotCovered()
    {
        var all = KnowledgeFixture.Unanswerable.Concat(KnowledgeFixture.UnanswerableFresh).ToList();

        var answered = all.Where(q => Knowledge.Ask(q).Covered).ToList();

        Assert.True(answered.Count <= all.Count / 4, "Answered although not covered: " + string.Join("、", answered));
    }

    [Fact]
    public void Ask_FreshAnswerableQuestions_FindTheirPassageInTopThree()
    {
        var misses = KnowledgeFixture.AnswerableFresh
            .Where(q => !Knowledge.Ask(q.Question).Citations.Take(3).Any(c => q.Gold.Any(g => c.Text.Contains(g, StringComparison.Ordinal))))
            .Select(q => q.Question).ToList();

        Assert.True(misses.Count <= 1, "Missed: " + string.Join(" | ", misses));
    }

    [Theory]
    [InlineData("主题党日要怎么搞")]
    [InlineData("主題黨日要怎麼搞")]
    [InlineData("ｗｈａｔ ａｂｏｕｔ ｔｈｅｍｅ ｐａｒｔｙ ｄａｙ？")]
    public void Ask_ScriptAndWidthVariants_FindTheSamePassage(string question)
    {
        var answer = Knowledge.Ask(question);

        Assert.True(answer.Covered);
        Assert.Contains("各支部“主题党日”活动", answer.Citations[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_FivePointsQuestion_ListsThePartHeadingsFromTheStructure()
    {
        var answer = Knowledge.Ask("这五点意见分别是什么");

        Assert.Equal(AnswerKind.List, answer.Kind);
        Assert.Equal(5, answer.Citations.Count);
        Assert.StartsWith("一、强化政治引领", answer.Citations[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_PartReference_ListsThePointsOfThatPart()
    {
        var answer = Knowledge.Ask("第一部分讲了什么");

        // The part's heading states what it is about; its points follow.
        Assert.Equal(AnswerKind.List, answer.Kind);
        Assert.StartsWith("一、强化政治引领", answer.Citations[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("一方面", answer.Citations[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("另一方面", answer.Citations[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_AnyQuestion_CitesAtMostFiveVerbatimExcerpts()
    {
        var speech = KnowledgeFixture.Speech;

        var answer = Knowledge.Ask("支部建设有什么要求");

        Assert.InRange(answer.Citations.Count, 1, KnowledgeBase.MaxCitations);
        Assert.All(answer.Citations, c => Assert.True(c.Text.Length <= 300 && speech.Contains(c.Text, StringComparison.Ordinal)));
        Assert.InRange(answer.FollowUps.Count, 1, 3);
        Assert.All(answer.FollowUps, f => Assert.True(Knowledge.Ask(f.Question).Covered, f.Question));
    }
}
