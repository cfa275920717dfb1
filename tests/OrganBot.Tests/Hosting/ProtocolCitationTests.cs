using System.Text.RegularExpressions;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Hosting;

/// <summary>Every code comment that cites the protocol notes points at docs/protocol.md and at a section that exists there.</summary>
public sealed partial class ProtocolCitationTests
{
    [GeneratedRegex(@"(?<path>[\w/]*)protocol\.md(?:\]\([^)]*\))? §(?<section>\d+(?:\.\d+)?)")]
    private static partial Regex Citation();

    [Fact]
    public void Citations_InSourceFiles_ResolveToASectionOfDocsProtocol()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "protocol.md"));
        var sections = Regex.Matches(doc, @"^#{2,3} (\d+(?:\.\d+)?)[. ]", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var citations = new[] { "Bot", "Dialogs", "Cards", "tests" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, dir), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Citation().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(RepoPaths.Root, f), Path: m.Groups["path"].Value, Section: m.Groups["section"].Value)))
            .ToList();

        Assert.NotEmpty(citations);
        Assert.All(citations, c => Assert.True(c.Path == "docs/", $"{c.File} cites {c.Path}protocol.md; cite docs/protocol.md"));
        Assert.All(citations, c => Assert.True(sections.Contains(c.Section), $"{c.File} cites §{c.Section}, which docs/protocol.md does not have"));
    }
}
