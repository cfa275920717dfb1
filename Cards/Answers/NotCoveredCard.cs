using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Answers;

/// <summary>
/// 讲话未涉及: says plainly that the speech does not address the question, names who to ask, suggests the parts that
/// are actually near, and offers 我要反馈 when the message reads as a request or complaint.
/// </summary>
public static class NotCoveredCard
{
    /// <param name="relatedParts">(part number, label) of the nearest parts, best first; empty when none is near.</param>
    /// <param name="officeContact">Who to ask instead (configured); empty for the generic wording.</param>
    /// <param name="offerFeedback">The message reads as a request or complaint: offer 我要反馈.</param>
    public static JsonObject Build(string question, IReadOnlyList<(int Number, string Label)> relatedParts, UiLanguage language, string officeContact = "", bool offerFeedback = false) =>
        Compose(question, relatedParts, language, officeContact, offerFeedback).ToJson();

    /// <summary>The card as a typed model, for callers that write it once and send the bytes (the Q&amp;A answer cache).</summary>
    public static AdaptiveCard Compose(string question, IReadOnlyList<(int Number, string Label)> relatedParts, UiLanguage language, string officeContact = "", bool offerFeedback = false)
    {
        var en = language == UiLanguage.English;
        var whom = officeContact.Length > 0 ? officeContact : en ? "the office" : "机关有关部门";
        var body = new List<CardElement>
        {
            new TextBlock(en ? "Not covered by the speech" : "讲话未涉及") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(en
                ? $"Sorry, the speech does not address “{question}”, so I can't answer it from the speech. Please ask {whom}."
                : $"抱歉，讲话中没有涉及“{question}”的内容，我无法根据讲话作答，建议您向{whom}咨询。"),
            new TextBlock(en ? "Your question has been passed on so the answers can improve." : "您的问题已转给管理员，用于改进问答。") { IsSubtle = true, Size = TextSize.Small },
        };
        if (offerFeedback)
        {
            body.Add(new TextBlock(en
                ? "If this is a request or a suggestion, you can send it as feedback and get an answer."
                : "如果这是意见建议或诉求，可以通过“我要反馈”提交，会有专人答复。") { Size = TextSize.Small });
        }
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
            Actions = offerFeedback
                ? [Welcome.WelcomeCard.Command(en ? "Give feedback" : "我要反馈", "我要反馈"), new ExecuteAction(AnswerVerbs.KeyPoints) { Title = en ? "Key points" : "讲话要点" }]
                : [new ExecuteAction(AnswerVerbs.KeyPoints) { Title = en ? "Key points" : "讲话要点" }],
        };
    }

    /// <param name="point">A point whose requirements the part's card shows open (0: none).</param>
    internal static ExecuteAction PartButton(int number, string label, int point = 0)
    {
        var data = new Dictionary<string, string> { [AnswerVerbs.PartKey] = number.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (point > 0) data[AnswerVerbs.PointKey] = point.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new(AnswerVerbs.Part) { Title = label, Data = data };
    }
}
