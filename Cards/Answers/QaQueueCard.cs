using System.Globalization;
using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Answers;

/// <summary>
/// 问答待办 (admins): the questions the bot missed or members marked 👎, each with its best candidate passages as
/// one-click “link” buttons and 确认未涉及.
/// </summary>
public static class QaQueueCard
{
    public const string Command = "问答待办";

    private const int ExcerptLength = 40;

    public static JsonObject Build(IReadOnlyList<QaQueueView> items, UiLanguage language, string? note = null)
    {
        var en = language == UiLanguage.English;
        var body = new List<CardElement>
        {
            new TextBlock(en ? "Q&A to-do" : "问答待办") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(en
                ? "Link a question to the sentence that answers it (it is then answered that way at once, and the member gets the answer), or confirm the speech does not cover it."
                : "把问题关联到能回答它的原文句子（立即生效，并把答案发给提问的成员），或确认讲话未涉及。") { IsSubtle = true, Size = TextSize.Small },
        };
        if (note is not null) body.Add(new TextBlock(note) { Weight = TextWeight.Bolder });
        if (items.Count == 0) body.Add(new TextBlock(en ? "Nothing to do." : "暂无待办。") { IsSubtle = true });
        foreach (var item in items)
        {
            var id = item.Id.ToString(CultureInfo.InvariantCulture);
            body.Add(new TextBlock($"“{item.Question}”") { Weight = TextWeight.Bolder, Separator = true });
            body.Add(new TextBlock(en ? $"{ReasonText(item.Reason, en)} · asked {item.Count}×" : $"{ReasonText(item.Reason, en)} · {item.Count} 人次") { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Small });
            var actions = item.Candidates.Select(c => (CardAction)new ExecuteAction(AnswerVerbs.Link)
            {
                Title = (en ? "Link: " : "关联：") + c.Label + " “" + (c.Text.Length <= ExcerptLength ? c.Text : c.Text[..ExcerptLength] + "…") + "”",
                Data = new Dictionary<string, string> { [AnswerVerbs.ItemKey] = id, [AnswerVerbs.SentenceKey] = c.SentenceId },
            }).ToList();
            actions.Add(new ExecuteAction(AnswerVerbs.Dismiss)
            {
                Title = en ? "Confirm: not covered" : "确认讲话未涉及",
                Data = new Dictionary<string, string> { [AnswerVerbs.ItemKey] = id },
            });
            body.Add(new ActionSet(actions));
        }

        return new AdaptiveCard { Lang = language.CardLang(), FallbackText = en ? "Q&A to-do." : "问答待办。", Body = body }.ToJson();
    }

    private static string ReasonText(string reason, bool en) => !en ? reason : reason switch
    {
        "未涉及" => "Answered “not covered”",
        "👎" => "👎",
        "答非所问" => "👎 off the point",
        "不完整" => "👎 incomplete",
        _ => "👎 other",
    };
}
