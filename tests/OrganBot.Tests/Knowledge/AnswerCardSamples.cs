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
            new("answer-zh-down-reasons", presenter.AnswerCard(passage, UiLanguage.Chinese, voteNote: "👎 感谢您的评价，我们会继续改进。", askReason: true)),
            new("answer-en-down-reasons", presenter.AnswerCard(english, UiLanguage.English, voteNote: "👎 Thank you.", askReason: true)),
            new("answer-zh-list", presenter.AnswerCard(knowledge.Ask("这五点意见分别是什么"), UiLanguage.Chinese)),
            new("not-covered-zh", presenter.AnswerCard(knowledge.Ask("党费交多少"), UiLanguage.Chinese)),
            new("not-covered-en", presenter.AnswerCard(knowledge.Ask("How do I apply for annual leave?", UiLanguage.English), UiLanguage.English)),
            new("not-covered-zh-request", new AnswerPresenter(knowledge, new KnowledgeSettings("机关党委办公室（分机 8001）")).AnswerCard(knowledge.Ask("食堂的饭太难吃了，建议换个承包商"), UiLanguage.Chinese)),
            new("qa-queue-zh", QaQueueCard.Build(
                [new QaQueueView(7, "咱们单位的人怎么才能越干越有劲头", "未涉及", 3,
                    [.. knowledge.Candidates("咱们单位的人怎么才能越干越有劲头", 3).Select(c => (c.Sentence.Id, c.Label, c.Sentence.Text))]),
                 new QaQueueView(8, "主题党日要怎么搞", "不完整", 1, [])],
                UiLanguage.Chinese, "已关联：“党建和业务两张皮咋解决”，答案已发给 1 位提问的成员。")),
            new("qa-queue-en-empty", QaQueueCard.Build([], UiLanguage.English)),
            new("key-points-zh", presenter.KeyPointsOverview(UiLanguage.Chinese)),
            new("key-points-en", presenter.KeyPointsOverview(UiLanguage.English)),
            new("key-points-part-zh", presenter.KeyPointsPart(knowledge.Document.Parts[3], UiLanguage.Chinese)),
            new("key-points-part-zh-point-open", presenter.KeyPointsPart(knowledge.Document.Parts[4], UiLanguage.Chinese, openPoint: 1)),
            new("key-points-part-en", presenter.KeyPointsPart(knowledge.Document.Parts[1], UiLanguage.English)),
            new("key-points-part-en-point-open", presenter.KeyPointsPart(knowledge.Document.Parts[4], UiLanguage.English, openPoint: 2)),
            new("answer-stats-zh", AnswerStatsCard.Build(new AnswerStatsView(3, 1, 2, [("第二部分（坚持思想引领）· 二是", "主题党日要怎么搞", 2, 1)]) { Unanswered = [("党费交多少", 4)] }, UiLanguage.Chinese)),
            new("answer-stats-en-empty", AnswerStatsCard.Build(new AnswerStatsView(0, 0, 0, []), UiLanguage.English)),
        ];
    }
}
