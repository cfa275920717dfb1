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

    /// <summary>
    /// The welcome for a channel or group chat, seen by everyone: how to ask with an @mention, what to do in the 1:1
    /// chat, and no admin buttons.
    /// </summary>
    public static JsonObject BuildShared(UiLanguage language, string botName)
    {
        var en = language == UiLanguage.English;
        var mention = "@" + CardText.Plain(botName);
        var card = new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = en ? $"Welcome to OrganBot. Mention {mention} to ask me." : $"欢迎使用机关党建助手。请 {mention} 向我提问。",
            Body =
            [
                new TextBlock(en ? "Welcome to OrganBot" : "欢迎使用机关党建助手") { Size = TextSize.Large, Weight = TextWeight.Bolder },
                new TextBlock(en
                    ? "Hello everyone. I answer questions about the leadership speech, with the passage quoted, and bring the office's reminders and announcements."
                    : "大家好！我是机关党委、机关纪委、机关工会、机关妇联的工作助手，解答讲话提出的各项要求并注明原文出处，也负责活动提醒和通知公告。"),
                new TextBlock(en
                    ? $"In this chat, start your message with {mention}, for example \"{mention} What does the speech say about Theme Party Day?\" Messages without the mention do not reach me."
                    : $"在这里请先 {mention} 再输入问题，例如“{mention} 主题党日要怎么搞”。不 @ 我的消息我收不到。") { Weight = TextWeight.Bolder },
                new TextBlock(en
                    ? "For your own reminders and warm-heart project feedback, open a 1:1 chat with me."
                    : "个人提醒和暖心工程反馈，请在与我的私聊中使用。") { IsSubtle = true },
            ],
            Actions = [Command(en ? "Key points" : "讲话要点", "讲话要点")],
        };
        return card.ToJson();
    }

    /// <summary>A button that acts as if the member typed <paramref name="text"/>.</summary>
    public static ExecuteAction Command(string title, string text) =>
        new(CommandVerb) { Title = title, Data = new Dictionary<string, string> { ["text"] = text } };
}
