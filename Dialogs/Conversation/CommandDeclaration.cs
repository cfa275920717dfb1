using OrganBot.Cards;

namespace OrganBot.Dialogs.Conversation;

/// <summary>
/// One typed command, declared once by its feature: the words that trigger it (Chinese first, then English), its help
/// text, group, whether only admins may use it, and where else it shows (the Teams command menu, a welcome-card button).
/// The router, the help and welcome cards and the manifest test all read these declarations.
/// </summary>
public sealed record CommandDeclaration(string Key, CommandGroup Group, IReadOnlyList<string> Words, string HelpChinese, string HelpEnglish)
{
    public bool AdminOnly { get; init; }

    public ManifestCommand? Manifest { get; init; }

    /// <summary>Title (Chinese, English) of the welcome card's button that sends <see cref="Name"/>; null for no button.</summary>
    public (string Chinese, string English)? WelcomeButton { get; init; }

    /// <summary>The command's Chinese name, as help lists it.</summary>
    public string Name => Words[0];

    /// <summary>The first English word, if any (help shows it beside the Chinese name for English speakers).</summary>
    public string? EnglishWord => Words.FirstOrDefault(w => w.All(char.IsAscii));

    public string Help(UiLanguage language) => language.Pick(HelpChinese, HelpEnglish);
}
