using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Answers;

/// <summary>讲话未涉及: says plainly that the speech does not address the question, and suggests the nearest parts.</summary>
public static class NotCoveredCard
{
    /// <param name="relatedParts">(part number, label) of the nearest parts, best first.</param>
    public static JsonObject Build(string question, IReadOnlyList<(int Number, string Label)> relatedParts, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        var body = new List<CardElement>
        {
            new TextBlock(en ? "Not covered by the speech" : "讲话未涉及") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(en
                ? $"Sorry, the speech does not address “{question}”, so I can't answer it from the speech. Please ask the office directly."
                : $"抱歉，讲话中没有涉及“{question}”的内容，我无法根据讲话作答，建议您向机关有关部门咨询。"),
        };
        if (relatedParts.Count > 0)
        {
            body.Add(new TextBlock(en ? "The nearest parts of the speech:" : "讲话中最相关的部分：") { IsSubtle = true, Size = TextSize.Small });
            body.Add(new ActionSet(relatedParts.Take(3).Select(p => PartButton(p.Number, p.Label))));
        }

        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = en ? "Not covered by the speech." : "讲话未涉及。",
            Body = body,
            Actions = [new ExecuteAction(AnswerVerbs.KeyPoints) { Title = en ? "Key points" : "讲话要点" }],
        }.ToJson();
    }

    internal static ExecuteAction PartButton(int number, string label) =>
        new(AnswerVerbs.Part) { Title = label, Data = new Dictionary<string, string> { [AnswerVerbs.PartKey] = number.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
}
