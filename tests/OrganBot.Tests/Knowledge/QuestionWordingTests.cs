using OrganBot.Dialogs.Knowledge;

namespace OrganBot.Tests.Knowledge;

/// <summary>
/// How members word questions (round 3 of issue 11): little filler words around the speech's own words, parts named by
/// their topic instead of their number, and questions about places the speech never names.
/// </summary>
public sealed class QuestionWordingTests
{
    private static KnowledgeBase Knowledge => KnowledgeFixture.Knowledge;

    [Theory]
    [InlineData("为啥说看人大先看政治", "必须时时处处讲政治")]
    [InlineData("机关里各个委办室也要抓政治建设吗", "持续推动政治建设向各委、办、室延伸")]
    public void Ask_SpeechWordsAmongFillerWords_IsAnsweredFromTheirSentence(string question, string expected)
    {
        var answer = Knowledge.Ask(question);

        Assert.True(answer.Covered, $"confidence {answer.Confidence:F2}");
        Assert.Contains(expected, answer.Citations[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_BigramAcrossAWordBoundary_WeighsLessThanTheWords()
    {
        var query = Knowledge.Index.Analyzer.Analyze("为啥说看人大先看政治");

        // 人大|先 → 大先 is an accident of the wording; 人大 and 政治 are what the member asks about.
        Assert.Equal(1.0, query.Terms["政治"]);
        Assert.True(query.Terms["大先"] < 0.5, $"大先 {query.Terms["大先"]}");
    }

    [Theory]
    [InlineData("思想引领那部分有几点要求", 2)]
    [InlineData("组织领导这部分的要点", 4)]
    public void Ask_PartNamedByItsTopic_ListsThatPartsPoints(string question, int part)
    {
        var answer = Knowledge.Ask(question);

        Assert.Equal(AnswerKind.List, answer.Kind);
        Assert.Equal(part, answer.Part!.Number);
        Assert.Equal(Knowledge.Document.Parts[part].Points.Select(p => Knowledge.Document.Sentences[p.FirstSentence].Text), answer.Citations.Select(c => c.Text));
    }

    [Fact]
    public void Ask_HowManyParts_ListsThePartHeadings()
    {
        var answer = Knowledge.Ask("讲话一共有几部分");

        Assert.Equal(AnswerKind.List, answer.Kind);
        Assert.Equal(Knowledge.Document.NumberedParts.Select(p => Knowledge.Document.Sentences[p.FirstSentence].Text), answer.Citations.Select(c => c.Text));
    }

    [Theory]
    [InlineData("主题教育读书班在哪个会议室开")]
    [InlineData("党员转组织关系要带什么材料")]
    public void Ask_PlaceOrPaperworkTheSpeechNeverNames_IsNotCovered(string question)
    {
        Assert.False(Knowledge.Ask(question).Covered);
    }
}
