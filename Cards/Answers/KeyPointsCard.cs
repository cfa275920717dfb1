using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Answers;

/// <summary>讲话要点: the parts of the speech to browse, and the requirements list of one part.</summary>
public static class KeyPointsCard
{
    public static JsonObject Overview(IReadOnlyList<KeyPointsView> parts, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        var body = new List<CardElement>
        {
            new TextBlock(en ? "Key points of the speech" : "讲话要点") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(en ? "The speech makes five points. Choose a part to see what it requires." : "讲话围绕机关党的建设及群团工作讲了五点意见。请选择一部分查看具体要求。") { IsSubtle = true },
        };
        foreach (var part in parts)
        {
            body.Add(new Container(
            [
                new TextBlock(part.Heading) { Weight = TextWeight.Bolder, Size = TextSize.Small },
                new TextBlock(en ? $"{part.Label} · {part.Requirements.Count} requirements" : $"{part.Label} · {part.Requirements.Count} 项要求") { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
            ])
            {
                Separator = true,
                SelectAction = NotCoveredCard.PartButton(part.Number, part.Label),
            });
        }

        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = en ? "Key points of the speech." : "讲话要点。",
            Body = body,
            Actions = [.. parts.Take(5).Select(p => NotCoveredCard.PartButton(p.Number, en ? $"Part {p.Number}" : $"第{Digits[p.Number]}部分"))],
        }.ToJson();
    }

    public static JsonObject Part(KeyPointsView part, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        var body = new List<CardElement>
        {
            new TextBlock(part.Label) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(part.Heading) { IsSubtle = true },
            new TextBlock(en ? "Requirements (quoted from the speech):" : "具体要求（讲话原文）：") { Weight = TextWeight.Bolder, Size = TextSize.Small },
        };
        foreach (var (label, text) in part.Requirements)
        {
            body.Add(new TextBlock($"“{text}”") { Size = TextSize.Small, Spacing = Spacing.Small });
            body.Add(new TextBlock(label) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
        }

        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = part.Heading,
            Body = body,
            Actions =
            [
                AnswerCard.OriginalText(part.Label, part.PartText, language),
                new ExecuteAction(AnswerVerbs.KeyPoints) { Title = en ? "All parts" : "返回讲话要点" },
            ],
        }.ToJson();
    }

    private const string Digits = "〇一二三四五六七八九十";
}
