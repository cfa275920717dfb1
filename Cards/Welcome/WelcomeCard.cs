using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Welcome;

/// <summary>The first card a member sees, and the answer to 帮助/help.</summary>
public static class WelcomeCard
{
    /// <summary>Verb of the buttons that behave as if the member typed their <c>text</c> data.</summary>
    public const string CommandVerb = "command";

    /// <param name="buttons">(title, command text) of each button, from the commands' declarations.</param>
    public static JsonObject Build(UiLanguage language, IReadOnlyList<(string Title, string Text)> buttons)
    {
        var en = language == UiLanguage.English;
        var card = new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = en ? "Welcome to OrganBot." : "欢迎使用机关党建助手 OrganBot。",
            Body =
            [
                new TextBlock(en ? "Welcome to OrganBot" : "欢迎使用机关党建助手") { Size = TextSize.Large, Weight = TextWeight.Bolder },
                new TextBlock(en
                    ? "I help the Party committee, discipline committee, trade union and women's federation of the office put the leadership speech into practice. I can:"
                    : "您好！我是机关党委、机关纪委、机关工会、机关妇联的工作助手，帮助大家把讲话精神落到实处。我可以："),
                new FactSet(en
                    ?
                    [
                        ("Ask", "Questions about the speech's requirements, answered with the passage quoted"),
                        ("Remind", "Theme Party Day (主题党日) and other recurring events, with RSVP"),
                        ("Care", "Warm-heart project (暖心工程) needs and suggestions, and you hear back"),
                        ("Notices", "Announcements from the office"),
                    ]
                    :
                    [
                        ("问讲话", "解答讲话提出的各项要求，并注明原文出处"),
                        ("提醒", "“主题党日”等例行活动的提前提醒与报名"),
                        ("暖心工程", "反映诉求和建议，事事有回音"),
                        ("公告", "及时接收机关发布的通知公告"),
                    ]),
                new TextBlock(en
                    ? "Type a question, for example \"What does the speech say about the warm-heart project?\", or use the buttons below."
                    : "您可以直接输入问题，例如“主题党日要怎么搞”，也可以点击下方按钮。") { IsSubtle = true },
            ],
            Actions = [.. buttons.Select(b => Command(b.Title, b.Text))],
        };
        return card.ToJson();
    }

    /// <summary>A button that acts as if the member typed <paramref name="text"/>.</summary>
    public static ExecuteAction Command(string title, string text) =>
        new(CommandVerb) { Title = title, Data = new Dictionary<string, string> { ["text"] = text } };
}
