using System.Globalization;
using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Answers;

/// <summary>
/// 讲话要点 as an outline: every part with its numbered points, one line each; a part's card shows the requirements
/// under a point on demand (a toggle, no round trip).
/// </summary>
public static class KeyPointsCard
{
    public static JsonObject Overview(IReadOnlyList<KeyPointsView> parts, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        var body = new List<CardElement>
        {
            new TextBlock(en ? "Key points of the speech" : "讲话要点") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(en
                ? "Five parts and their points. Choose a part to see the requirements under each point."
                : "讲话围绕机关党的建设及群团工作讲了五点意见。点击某一部分，可查看各要点下的具体要求。") { IsSubtle = true },
        };
        foreach (var part in parts)
        {
            body.Add(new Container([new TextBlock(part.Heading) { Weight = TextWeight.Bolder, Size = TextSize.Small }])
            {
                Separator = true,
                SelectAction = NotCoveredCard.PartButton(part.Number, part.Label),
            });
            // One line per point; choosing it opens the part with that point's requirements shown.
            body.AddRange(part.Points.Select(p => (CardElement)new Container([new TextBlock(PointLine(p, language)) { Size = TextSize.Small }])
            {
                Spacing = Spacing.None,
                SelectAction = NotCoveredCard.PartButton(part.Number, PointLine(p, language), p.Number),
            }));
        }

        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = en ? "Key points of the speech." : "讲话要点。",
            Body = body,
            Actions = [.. parts.Take(5).Select(p => NotCoveredCard.PartButton(p.Number, en ? $"Part {p.Number}" : $"第{Digits[p.Number]}部分"))],
        }.ToJson();
    }

    /// <param name="openPoint">The point whose requirements start shown (0: none).</param>
    public static JsonObject Part(KeyPointsView part, UiLanguage language, int openPoint = 0)
    {
        var en = language == UiLanguage.English;
        var body = new List<CardElement>
        {
            new TextBlock(part.Label) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(part.Heading) { IsSubtle = true, Spacing = Spacing.None },
        };
        if (part.Opening.Count > 0)
        {
            body.AddRange(Outline("p0", en ? "Overall requirements" : "总体要求", null, part.Opening, openPoint == -1, language));
        }

        foreach (var point in part.Points)
        {
            body.AddRange(Outline("p" + point.Number.ToString(CultureInfo.InvariantCulture), PointLine(point, language),
                en && point.Topic is not null ? point.Heading : null, point.Requirements, openPoint == point.Number, language));
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

    /// <summary>A point's line: the heading as written in Chinese; in English its topic, numbered.</summary>
    private static string PointLine(KeyPointView point, UiLanguage language) =>
        language == UiLanguage.English && point.Topic is not null ? $"{point.Number}. {point.Topic}" : point.Heading;

    /// <summary>One outline entry: its line, the Chinese heading under an English topic, the toggle, the hidden requirements.</summary>
    private static IEnumerable<CardElement> Outline(string id, string line, string? chinese, IReadOnlyList<string> requirements, bool open, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        var count = requirements.Count.ToString(CultureInfo.InvariantCulture);
        var left = new List<CardElement> { new TextBlock(line) { Weight = TextWeight.Bolder, Size = TextSize.Small } };
        if (chinese is not null) left.Add(new TextBlock(chinese) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
        var columns = new List<Column> { new(left) };
        if (requirements.Count > 0)
        {
            columns.Add(new Column([new ActionSet([new ToggleVisibilityAction([id]) { Title = en ? $"Requirements ({count})" : $"要求（{count}）" }])]) { Width = "auto" });
        }

        yield return new ColumnSet(columns) { Separator = true };
        if (requirements.Count == 0) yield break;
        yield return new Container([.. requirements.Select(r => (CardElement)new TextBlock($"“{r}”") { Size = TextSize.Small, Spacing = Spacing.Small })])
        {
            Id = id,
            IsVisible = open ? null : false,
        };
    }

    private const string Digits = "〇一二三四五六七八九十";
}
