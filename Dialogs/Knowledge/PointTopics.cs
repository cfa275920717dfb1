using System.Reflection;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>
/// English topics of the speech's points (<c>point-topics.txt</c>), so an English member sees what a point is about
/// rather than “Part 2 · Point 1”. A point is found by words of its opening sentence; the speech itself stays Chinese.
/// </summary>
public sealed class PointTopics
{
    private readonly IReadOnlyList<(string Words, string Topic)> _entries;

    private PointTopics(IReadOnlyList<(string Words, string Topic)> entries) => _entries = entries;

    public IReadOnlyList<(string Words, string Topic)> Entries => _entries;

    public static PointTopics LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("OrganBot.Dialogs.Knowledge.point-topics.txt")
            ?? throw new InvalidOperationException("point-topics.txt is not embedded.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static PointTopics Parse(string text)
    {
        var entries = new List<(string, string)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var eq = line.IndexOf(" = ", StringComparison.Ordinal);
            if (eq <= 0) continue;
            entries.Add((line[..eq].Trim(), line[(eq + 3)..].Trim()));
        }

        return new PointTopics(entries);
    }

    /// <summary>The English topic of the point that opens with <paramref name="openingSentence"/>, or null.</summary>
    public string? EnglishFor(string openingSentence)
    {
        foreach (var (words, topic) in _entries)
        {
            if (openingSentence.Contains(words, StringComparison.Ordinal)) return topic;
        }

        return null;
    }
}
