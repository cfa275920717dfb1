using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Answers;

/// <summary>问答统计 (admins): how members rated the answers.</summary>
public static class AnswerStatsCard
{
    public static JsonObject Build(AnswerStatsView stats, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        var body = new List<CardElement>
        {
            new TextBlock(en ? "Q&A ratings" : "问答统计") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new FactSet(
            [
                (en ? "👍 Helpful" : "👍 有帮助", stats.Up.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (en ? "👎 Not helpful" : "👎 没帮助", stats.Down.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (en ? "Answers rated" : "被评价的回答", stats.Answers.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ]),
        };
        if (stats.Rated.Count == 0)
        {
            body.Add(new TextBlock(en ? "No ratings yet." : "暂无评价。") { IsSubtle = true });
        }
        else
        {
            body.Add(new TextBlock(en ? "Most rated answers (least helpful first):" : "评价最多的回答（没帮助较多的在前）：") { IsSubtle = true, Size = TextSize.Small });
            body.Add(new FactSet(stats.Rated.Select(r => ($"👍{r.Up} 👎{r.Down}", $"{r.Question} — {r.Label}"))));
        }

        if (stats.Topics.Count > 0)
        {
            body.Add(new TextBlock(en ? "Most asked topics (all questions):" : "最常问到的内容（全部提问）：") { IsSubtle = true, Size = TextSize.Small, Separator = true });
            body.Add(new FactSet(stats.Topics.Select(t => ($"×{t.Asked.ToString(System.Globalization.CultureInfo.InvariantCulture)}", t.Label))));
        }

        body.Add(new TextBlock(en ? "Most frequent unanswered questions:" : "最常见的未答问题：") { IsSubtle = true, Size = TextSize.Small, Separator = true });
        body.Add(stats.Unanswered.Count == 0
            ? new TextBlock(en ? "None open." : "暂无待处理。") { IsSubtle = true }
            : new FactSet(stats.Unanswered.Select(u => ($"×{u.Count}", u.Question))));
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = en ? "Q&A ratings." : "问答统计。",
            Body = body,
            Actions = [Welcome.WelcomeCard.Command(en ? "Q&A to-do" : "问答待办", QaQueueCard.Command)],
        }.ToJson();
    }
}
