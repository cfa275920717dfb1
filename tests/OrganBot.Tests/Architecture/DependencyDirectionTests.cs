using System.Reflection;
using System.Xml.Linq;
using OrganBot.Cards.Welcome;
using OrganBot.Dialogs.Conversation;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Architecture;

/// <summary>The project graph is <c>Cards &lt;- Dialogs &lt;- Bot</c>; these tests keep it that way.</summary>
public sealed class DependencyDirectionTests
{
    private static readonly string[] s_infrastructure = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Quartz", "Npgsql", "Microsoft.Data.Sqlite"];

    [Fact]
    public void Cards_References_NoOrganBotAssembly()
    {
        var references = ReferencedNames(typeof(WelcomeCard).Assembly);

        Assert.DoesNotContain(references, name => name.StartsWith("OrganBot.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, IsInfrastructure);
    }

    [Fact]
    public void Dialogs_References_OnlyCardsOfOurs()
    {
        var references = ReferencedNames(typeof(DialogRouter).Assembly);

        Assert.Equal(["OrganBot.Cards"], references.Where(name => name.StartsWith("OrganBot.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Dialogs_References_NoAspNetEfOrQuartz()
    {
        var references = ReferencedNames(typeof(DialogRouter).Assembly);

        Assert.DoesNotContain(references, IsInfrastructure);
    }

    [Fact]
    public void Bot_ReferencedBy_NoProductionProject()
    {
        var offenders = ProductionProjects()
            .Where(p => ProjectReferences(p).Any(r => Path.GetFileName(r).Equals("Bot.csproj", StringComparison.OrdinalIgnoreCase)))
            .Select(p => Path.GetRelativePath(RepoPaths.Root, p))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void ProductionProjects_Graph_PointsTowardsCards()
    {
        var byName = ProductionProjects().ToDictionary(p => Path.GetFileNameWithoutExtension(p), p => ProjectReferences(p).Select(Path.GetFileNameWithoutExtension).Order().ToList());

        Assert.Empty(byName["Cards"]);
        Assert.Equal(["Cards"], byName["Dialogs"]);
        Assert.Equal(["Dialogs"], byName["Bot"]);
    }

    private static List<string> ReferencedNames(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name ?? "")];

    private static bool IsInfrastructure(string name) =>
        s_infrastructure.Any(prefix => name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal));

    /// <summary>Every csproj outside tests/ and bench/ (those may reference the host).</summary>
    private static IEnumerable<string> ProductionProjects() =>
        Directory.EnumerateFiles(RepoPaths.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => Path.GetRelativePath(RepoPaths.Root, p).Split(Path.DirectorySeparatorChar) is [var top, ..]
                && top is not ("tests" or "bench" or "tools" or "artifacts") && !top.StartsWith('.'));

    private static IEnumerable<string> ProjectReferences(string project) =>
        XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => r.Attribute("Include")?.Value ?? "")
            .Select(path => path.Replace('\\', '/'));
}
