using OrganBot.Cards;
using OrganBot.Cards.Answers;
using OrganBot.Dialogs.Knowledge;
using OrganBot.Tests.Cards;

namespace OrganBot.Tests.Knowledge;

public sealed class AnswerCardSamples : ICardSamples
{
    public IEnumerable<CardSample> Samples()
    {
        var knowledge = KnowledgeFixture.Knowledge;
        var presenter = new AnswerPresenter(knowledge);
        var passage = knowledge.Ask("主题党日要怎么搞");
        var english = knowledge.Ask("What does the speech say about the warm-heart project?", UiLanguage.English);
        var generated = GeneratedAnswerValidator.Validate("要结合各支部“主题党日”活动[1]。", passage.Citations);
        return
        [
            new("answer-zh", presenter.AnswerCard(passage, UiLanguage.Chinese)),
            new("answer-en", presenter.AnswerCard(english, UiLanguage.English)),
            new("answer-zh-generated", presenter.AnswerCard(passage, UiLanguage.Chinese, generated)),
            new("answer-zh-voted", presenter.AnswerCard(passage, UiLanguage.Chinese, voteNote: "👍 感谢您的评价！")),
            new("answer-zh-list", presenter.AnswerCard(knowledge.Ask("这五点意见分别是什么"), UiLanguage.Chinese)),
            new("not-covered-zh", presenter.AnswerCard(knowledge.Ask("党费交多少"), UiLanguage.Chinese)),
            new("not-covered-en", presenter.AnswerCard(knowledge.Ask("How do I apply for annual leave?", UiLanguage.English), UiLanguage.English)),
            new("key-points-zh", presenter.KeyPointsOverview(UiLanguage.Chinese)),
            new("key-points-en", presenter.KeyPointsOverview(UiLanguage.English)),
            new("key-points-part-zh", presenter.KeyPointsPart(knowledge.Document.Parts[3], UiLanguage.Chinese)),
            new("answer-stats-zh", AnswerStatsCard.Build(new AnswerStatsView(3, 1, 2, [("第二部分（坚持思想引领）· 二是", "主题党日要怎么搞", 2, 1)]), UiLanguage.Chinese)),
            new("answer-stats-en-empty", AnswerStatsCard.Build(new AnswerStatsView(0, 0, 0, []), UiLanguage.English)),
        ];
    }
}
