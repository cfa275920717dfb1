using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrganBot.Bot.Cli;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.AdminConsole;

/// <summary>
/// The console's committed bundle (Bot/wwwroot/console) is what tools/console builds from its sources, loads nothing
/// from the internet, stays under the size budget, and the Teams manifest opens it as a personal tab with SSO.
/// </summary>
public sealed partial class ConsoleAssetsTests
{
    private static string Output => Path.Combine(RepoPaths.Root, "Bot", "wwwroot", "console");

    [Fact]
    public void CommittedBundle_MatchesItsSources()
    {
        var sources = Path.Combine(RepoPaths.Root, "tools", "console");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.GetFiles(Path.Combine(sources, "src")).Select(f => ("src/" + Path.GetFileName(f), f)).OrderBy(f => f.Item1, StringComparer.Ordinal)
            .Append(("package-lock.json", Path.Combine(sources, "package-lock.json")));
        foreach (var (name, path) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            hash.AppendData(Encoding.UTF8.GetBytes(File.ReadAllText(path).ReplaceLineEndings("\n")));
        }

        var expected = Convert.ToHexStringLower(hash.GetHashAndReset());
        Assert.True(expected == File.ReadAllText(Path.Combine(Output, "SOURCE-HASH")).Trim(),
            "Bot/wwwroot/console is older than tools/console: run `cd tools/console && npm ci && node build.mjs` and commit the result.");
    }

    [Fact]
    public void Bundle_LoadsNothingFromOutside_AndTheFirstLoadIsUnder500KB()
    {
        var text = string.Concat(Directory.GetFiles(Output, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".css", StringComparison.Ordinal)).Select(File.ReadAllText));
        var shell = File.ReadAllText(Path.Combine(Output, "index.html"));
        var firstLoad = Encoding.UTF8.GetByteCount(shell) + ShellAssets().Matches(shell).Sum(m => new FileInfo(Path.Combine(Output, "assets", m.Groups[1].Value)).Length);

        Assert.DoesNotMatch(ExternalUrl(), shell);
        Assert.DoesNotContain("@import url(http", text, StringComparison.Ordinal);
        Assert.InRange(firstLoad, 50_000, 450_000); // the pages' JSON comes on top; ConsoleBrowserTests measures the whole load
    }

    [Fact]
    public void Manifest_HasTheConsoleTabAndTheSsoResourceOfTheBotsAddress()
    {
        var botId = Guid.Parse("6f1b2c3d-1111-2222-3333-444455556666");
        var manifest = JsonNode.Parse(AppPackage.Render(File.ReadAllText(Path.Combine(RepoPaths.Root, "appPackage", AppPackage.ManifestFile)),
            AppPackage.Values(botId, publicUrl: "https://organbot.example.gov.cn")))!;

        var tab = manifest["staticTabs"]!.AsArray().Single()!;
        Assert.Equal("https://organbot.example.gov.cn/console/?host=teams", tab["contentUrl"]!.GetValue<string>());
        Assert.Equal(["personal"], tab["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal($"api://organbot.example.gov.cn/{botId}", manifest["webApplicationInfo"]!["resource"]!.GetValue<string>());
        Assert.Contains("organbot.example.gov.cn", manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [GeneratedRegex("/console/assets/([A-Za-z0-9._-]+)")]
    private static partial Regex ShellAssets();

    [GeneratedRegex("(src|href)=\"https?://")]
    private static partial Regex ExternalUrl();
}
