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
        var entry = File.ReadAllText(Path.Combine(Output, "assets", "app.js"));
        // What the first load of a page fetches: the shell, its stylesheet and script, the script's static imports; in Teams also the SDK chunk.
        var files = ShellAssets().Matches(shell).Select(m => m.Groups[1].Value).Concat(StaticImports().Matches(entry).Select(m => m.Groups[1].Value)).Distinct().ToList();
        var teams = DynamicImports().Matches(entry).Select(m => m.Groups[1].Value).ToList();
        long Size(IEnumerable<string> names, string suffix = "") => names.Sum(n => new FileInfo(Path.Combine(Output, "assets", n + suffix)).Length);
        var shellBytes = Encoding.UTF8.GetByteCount(shell);
        var (raw, brotli, gzip) = (shellBytes + Size(files), shellBytes + Size(files, ".br"), shellBytes + Size(files, ".gz"));
        var (teamsRaw, teamsBrotli) = (raw + Size(teams), brotli + Size(teams, ".br"));
        TestContext.Current.TestOutputHelper?.WriteLine($"first load before the page's JSON: browser {raw:N0} B raw / {brotli:N0} B br / {gzip:N0} B gzip; Teams tab {teamsRaw:N0} B raw / {teamsBrotli:N0} B br");

        Assert.DoesNotMatch(ExternalUrl(), shell);
        Assert.DoesNotContain("@import url(http", text, StringComparison.Ordinal);
        Assert.Contains("fluent-button", entry, StringComparison.Ordinal);
        Assert.InRange(raw, 50_000, 450_000); // the pages' JSON comes on top; ConsoleBrowserTests measures the whole load
        Assert.InRange(gzip, 10_000, raw / 2);
        Assert.InRange(teamsBrotli, 10_000, 450_000); // in Teams (https) the bundle goes out Brotli-compressed
    }

    [Fact]
    public async Task Assets_GoOutCompressed_WhenTheBrowserAcceptsIt()
    {
        await using var bot = new BotApplication();
        bot.Start();
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = bot.BaseAddress };
        var ct = TestContext.Current.CancellationToken;
        var plain = await client.GetByteArrayAsync("/console/assets/app.js", ct);
        foreach (var encoding in new[] { "br", "gzip" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/console/assets/app.js");
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
            using var response = await client.SendAsync(request, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            await using var decoded = encoding == "br" ? (Stream)new System.IO.Compression.BrotliStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress)
                : new System.IO.Compression.GZipStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress);
            using var copy = new MemoryStream();
            await decoded.CopyToAsync(copy, ct);

            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            Assert.StartsWith("text/javascript", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
            Assert.True(body.Length < plain.Length / 3, $"{encoding}: {body.Length} of {plain.Length} bytes");
            Assert.Equal(plain, copy.ToArray());
        }

        using var other = new HttpRequestMessage(HttpMethod.Get, "/console/assets/app.js.LEGAL.txt");
        other.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        using var legal = await client.SendAsync(other, ct);
        Assert.Empty(legal.Content.Headers.ContentEncoding);
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

    [GeneratedRegex("from\"\\./(chunk-[A-Za-z0-9]+\\.js)\"")]
    private static partial Regex StaticImports();

    [GeneratedRegex("import\\(\"\\./(chunk-[A-Za-z0-9]+\\.js)\"\\)")]
    private static partial Regex DynamicImports();

    [GeneratedRegex("(src|href)=\"https?://")]
    private static partial Regex ExternalUrl();
}
