using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Dialogs.Conversation;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.TeamsApp;

/// <summary>
/// appPackage/manifest.json's command menus list exactly the commands whose declarations ask for a manifest entry, with
/// the same title, description and scopes; a title is always a word the router understands.
/// </summary>
public sealed class ManifestCommandTests
{
    private static readonly Dictionary<string, CommandScopes> s_scopes = new(StringComparer.Ordinal)
    {
        ["personal"] = CommandScopes.Personal,
        ["team"] = CommandScopes.Team,
        ["groupChat"] = CommandScopes.GroupChat,
    };

    [Fact]
    public async Task Manifest_CommandLists_EqualTheDeclarations()
    {
        await using var bot = new BotApplication();
        var catalog = bot.Services.GetRequiredService<CommandCatalog>();
        var declared = catalog.Commands.Where(c => c.Manifest is not null).ToList();
        var lists = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "appPackage", "manifest.json")))!["bots"]![0]!["commandLists"]!.AsArray();
        var covered = declared.ToDictionary(c => c.Key, _ => CommandScopes.None);

        foreach (var list in lists)
        {
            var scopes = list!["scopes"]!.AsArray().Aggregate(CommandScopes.None, (all, s) => all | s_scopes[s!.GetValue<string>()]);
            var inManifest = list["commands"]!.AsArray().Select(c => (Title: c!["title"]!.GetValue<string>(), Description: c["description"]!.GetValue<string>()));
            var expected = declared.Where(c => (c.Manifest!.Scopes & scopes) == scopes).ToList();

            Assert.Equal(expected.Select(c => (c.Manifest!.Title, c.Manifest.Description)).Order(), inManifest.Order());
            foreach (var command in expected) covered[command.Key] |= scopes;
        }

        Assert.All(declared, c => Assert.Equal(c.Manifest!.Scopes, covered[c.Key]));
    }

    [Fact]
    public async Task Declarations_ManifestEntries_AreWordsWithinTeamsLimits()
    {
        await using var bot = new BotApplication();
        var catalog = bot.Services.GetRequiredService<CommandCatalog>();

        Assert.All(catalog.Commands.Where(c => c.Manifest is not null), c =>
        {
            Assert.Contains(c.Manifest!.Title, c.Words);
            Assert.InRange(c.Manifest.Title.Length, 1, 32);
            Assert.InRange(c.Manifest.Description.Length, 1, 128);
        });
        Assert.All(Enum.GetValues<CommandScopes>().Where(s => s is CommandScopes.Personal or CommandScopes.Team or CommandScopes.GroupChat),
            scope => Assert.InRange(catalog.Commands.Count(c => c.Manifest is { } m && m.Scopes.HasFlag(scope)), 1, 10));
    }
}
