using System.Globalization;
using OrganBot.Cards;
using OrganBot.Cards.Welcome;

namespace OrganBot.Dialogs.Conversation;

/// <summary>
/// What the 管理 card lists: every admin-only command of the <see cref="CommandCatalog"/>, grouped by area
/// (提醒 / 反馈 / 公告 / 问答 …). A command added to a feature's declaration appears here without further edits.
/// </summary>
public static class AdminMenu
{
    public static IReadOnlyList<AdminMenuGroup> Groups(CommandCatalog catalog, UiLanguage language) =>
    [
        .. catalog.Commands
            .Where(c => c.AdminOnly && c != RouterCommands.Admin)
            .GroupBy(c => c.Group)
            .OrderBy(g => g.Key == CommandGroup.General ? int.MaxValue : (int)g.Key)
            .Select(g => new AdminMenuGroup(g.Key.Label(language), [.. g.Select(c => new AdminMenuCommand(Title(c, language), c.Name))])),
    ];

    /// <summary>The Chinese name, or in English the command's English word, capitalised (typing it works too).</summary>
    private static string Title(CommandDeclaration command, UiLanguage language) =>
        language == UiLanguage.English && command.EnglishWord is { Length: > 0 } word
            ? char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..]
            : command.Name;
}
