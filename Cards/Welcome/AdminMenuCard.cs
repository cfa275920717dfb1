using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Welcome;

/// <summary>One group of the 管理 card (提醒 / 反馈 / 公告 / 问答) and its commands as buttons.</summary>
public sealed record AdminMenuGroup(string Title, IReadOnlyList<AdminMenuCommand> Commands);

/// <summary>A command of the 管理 card: the button's title and the command it types.</summary>
public sealed record AdminMenuCommand(string Title, string Command);

/// <summary>管理: every admin command, grouped, each a button that acts as if the admin typed it.</summary>
public static class AdminMenuCard
{
    public static JsonObject Build(UiLanguage language, IReadOnlyList<AdminMenuGroup> groups)
    {
        var en = language == UiLanguage.English;
        var body = new List<CardElement>
        {
            new TextBlock(en ? "Admin" : "管理功能") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(en ? "Choose what to do. Each button works like typing the command." : "请选择要进行的操作，点击按钮与输入相应命令效果相同。") { IsSubtle = true },
        };
        foreach (var group in groups)
        {
            body.Add(new TextBlock(group.Title) { Weight = TextWeight.Bolder, Separator = true });
            body.Add(new ActionSet(group.Commands.Select(c => (CardAction)WelcomeCard.Command(c.Title, c.Command))) { Spacing = Spacing.Small });
        }

        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = en ? "Admin commands." : "管理功能。",
            Body = body,
        }.ToJson();
    }
}
