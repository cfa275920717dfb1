using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Answers;

/// <summary>
/// The reply to a question about the speech: the direct answer (verbatim), where it stands, the quoted passage,
/// 查看原文 (the whole part), up to three follow-up questions and 👍/👎.
/// </summary>
public static class AnswerCard
{
    public static JsonObject Build(AnswerCardView view, UiLanguage language) => Compose(view, language).ToJson();

    /// <summary>The card as a typed model, for callers that write it once and send the bytes (the Q&amp;A answer cache).</summary>
    public static AdaptiveCard Compose(AnswerCardView view, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        var body = new List<CardElement>
        {
            new TextBlock(en ? "What the speech says" : "讲话原文解答") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
        };

        if (view.GeneratedAnswer is { Length: > 0 } generated)
        {
            body.Add(new TextBlock(generated));
            body.Add(new TextBlock(en ? "Summary written by Azure OpenAI from the numbered passages below." : "以上概述由 Azure OpenAI 根据下列编号原文生成。") { IsSubtle = true, Size = TextSize.Small });
            for (var i = 0; i < view.Sources.Count; i++)
            {
                body.Add(new TextBlock($"[{i + 1}] {view.Sources[i].Label}：“{view.Sources[i].Text}”") { Size = TextSize.Small, Spacing = Spacing.Small });
            }
        }
        else
        {
            body.Add(new TextBlock(Quote(view.Answer)) { Weight = TextWeight.Bolder });
        }

        body.Add(new TextBlock((en ? "Source: " : "出处：") + view.Label) { IsSubtle = true, Spacing = Spacing.Small });
        if (view.Passage != view.Answer || view.GeneratedAnswer is not null)
        {
            body.Add(new Container([new TextBlock(Quote(view.Passage)) { Size = TextSize.Small }]) { Style = ContainerStyle.Emphasis });
        }

        if (view.FollowUps.Count > 0)
        {
            body.Add(new TextBlock(en ? "You may also ask:" : "您还可以问：") { IsSubtle = true, Size = TextSize.Small, Separator = true });
            body.Add(new ActionSet(view.FollowUps.Take(3).Select(f => new ExecuteAction(AnswerVerbs.FollowUp)
            {
                Title = f.Title,
                Data = new Dictionary<string, string> { [AnswerVerbs.QuestionKey] = f.Question },
            })));
        }

        if (view.VoteNote is not null)
        {
            body.Add(new TextBlock(view.VoteNote) { IsSubtle = true, Size = TextSize.Small });
        }

        if (view.ReasonChoices.Count > 0)
        {
            body.Add(new TextBlock(en ? "What was wrong? (optional)" : "哪里不满意？（可选）") { IsSubtle = true, Size = TextSize.Small });
            body.Add(new ActionSet(view.ReasonChoices.Select(r => new ExecuteAction(AnswerVerbs.Reason)
            {
                Title = r.Title,
                Data = new Dictionary<string, string>
                {
                    [AnswerVerbs.AnswerIdKey] = view.AnswerId,
                    [AnswerVerbs.QuestionKey] = view.Question,
                    [AnswerVerbs.ReasonKey] = r.Reason,
                },
            })));
        }

        var actions = new List<CardAction> { OriginalText(view.PartLabel, view.PartText, language) };
        if (view.VoteNote is null)
        {
            actions.Add(Vote(view, AnswerVerbs.Up, "👍", en ? "Helpful" : "有帮助"));
            actions.Add(Vote(view, AnswerVerbs.Down, "👎", en ? "Not helpful" : "没帮助"));
        }

        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = view.Answer,
            Body = body,
            Actions = actions,
        };
    }

    /// <summary>查看原文: the whole part the answer comes from, in a card that opens in place.</summary>
    public static ShowCardAction OriginalText(string partLabel, IReadOnlyList<string> partText, UiLanguage language) =>
        new(new AdaptiveCard
        {
            Body =
            [
                new TextBlock(partLabel) { Weight = TextWeight.Bolder },
                .. partText.Select(p => (CardElement)new TextBlock(p) { Size = TextSize.Small }),
            ],
        })
        {
            Title = language.Pick("查看原文", "Read the original"),
        };

    private static ExecuteAction Vote(AnswerCardView view, string vote, string symbol, string words) =>
        new(AnswerVerbs.Vote)
        {
            Title = $"{symbol} {words}",
            Data = new Dictionary<string, string>
            {
                [AnswerVerbs.AnswerIdKey] = view.AnswerId,
                [AnswerVerbs.VoteKey] = vote,
                [AnswerVerbs.QuestionKey] = view.Question,
            },
        };

    private static string Quote(string text) => "“" + text.Replace("\n", "”\n\n“", StringComparison.Ordinal) + "”";
}
