using OrganBot.Dialogs.Knowledge;

namespace OrganBot.Bot.Knowledge;

/// <summary>Builds the knowledge base from the speech file; shared by the bot and the command line.</summary>
internal static class KnowledgeLoader
{
    public static string ResolvePath(string path) => Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);

    public static KnowledgeBase Load(string path = "seeds/speech.txt") => KnowledgeBase.Load(File.ReadAllText(ResolvePath(path)), Lexicon.Load(AppContext.BaseDirectory));
}
