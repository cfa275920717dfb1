using OrganBot.Bot.Knowledge;
using OrganBot.Dialogs.Knowledge;

namespace OrganBot.Tests.Knowledge;

/// <summary>Round 4's ranking mechanisms, each shown against the same engine with it switched off.</summary>
public sealed class RankingFeatureTests
{
    private static readonly RankingWeights s_without = new() { ProximityWeight = 0, ActionCueWeight = 0 };

    /// <summary>An engine of its own: weights are changed here, never on the shared one other tests read.</summary>
    private static KnowledgeBase Fresh(RankingWeights weights)
    {
        var knowledge = KnowledgeLoader.Load();
        knowledge.Index.Weights = weights;
        return knowledge;
    }

    // 两个 and 大局 side by side (胸怀“两个大局”) beat a heading that holds 大局 alone (一是必须服务大局促发展);
    // a question asking what to do gets the requirement, not the quoted principle with the same words.
    [Theory]
    [InlineData("心里要装着哪两个大局", "两个大局")]
    [InlineData("党建和业务两张皮咋办", "找准党建与业务深度融合的突破口")]
    public void Ask_RoundFourRanking_PutsTheSentenceFirstThatTheOldWeightsDidNot(string question, string expected)
    {
        var with = Fresh(RankingWeights.Default).Ask(question);
        var without = Fresh(s_without).Ask(question);

        Assert.Contains(expected, with.Citations[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(expected, without.Citations[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("要始终把深入学习贯彻习近平总书记重要思想，作为党员教育管理的“第一课题”。", true)]
    [InlineData("党的百年奋斗历程和伟大成就是我们坚定理想信念的基础。", false)]
    [InlineData("这对我们很重要，也是组织的要求。", false)]
    public void IsRequirement_ModalYaoOrBixuAsAWord_NotInsideAnotherWord(string sentence, bool requirement)
    {
        Assert.Equal(requirement, SpeechIndex.IsRequirement(sentence, Lexicon.Load(AppContext.BaseDirectory)));
    }

    [Fact]
    public void Ask_EnglishInflectedWord_FindsTheSpeechWordOfItsBaseForm()
    {
        var answer = KnowledgeFixture.Knowledge.Ask("How should Party members be cared for?");

        Assert.True(answer.Covered);
        Assert.Contains("关心关爱党员干部", answer.Citations[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("主题教育读书班在哪个会议室开")]
    [InlineData("代表联络站地址在哪里")]
    public void Ask_VenueQuestion_IsNotCoveredEvenWhenTheSentenceNamesTheCity(string question)
    {
        Assert.False(KnowledgeFixture.Knowledge.Ask(question).Covered);
    }
}
