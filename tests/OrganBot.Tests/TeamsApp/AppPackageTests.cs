using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;
using OrganBot.Bot.Cli;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.TeamsApp;

/// <summary>The Teams app package: a schema-valid 1.29 manifest, the right icons, and a flat zip from the CLI.</summary>
public sealed class AppPackageTests
{
    private static readonly Guid s_botId = Guid.Parse("6f1b2c3d-1111-2222-3333-444455556666");
    private static string TemplateDirectory => Path.Combine(RepoPaths.Root, "appPackage");

    [Fact]
    public async Task Manifest_AfterSubstitution_ValidatesAgainstTeams129Schema()
    {
        var skip = RepoPaths.NpmPackageSkipReason(RepoPaths.AppManifestPackage);
        Assert.SkipWhen(skip is not null, skip ?? "");
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(RepoPaths.TeamsManifestSchema, TestContext.Current.CancellationToken);

        var errors = schema.Validate(RenderedManifest());

        Assert.True(errors.Count == 0, "manifest.json does not match the 1.29 schema:\n" + string.Join('\n', errors.Select(e => e.ToString())));
    }

    [Fact]
    public void Manifest_Version_Is129WithMatchingSchemaUrl()
    {
        // "const" is not a draft-04 keyword, so the schema validator above does not check manifestVersion: do it here.
        var manifest = JsonNode.Parse(RenderedManifest())!;

        Assert.Equal("1.29", manifest["manifestVersion"]!.GetValue<string>());
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json", manifest["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void Manifest_Bot_HasAllScopesAndChineseCommands()
    {
        var bot = JsonNode.Parse(RenderedManifest())!["bots"]![0]!;
        var commands = bot["commandLists"]!.AsArray().SelectMany(l => l!["commands"]!.AsArray()).Select(c => c!["title"]!.GetValue<string>()).ToList();

        Assert.Equal(s_botId.ToString(), bot["botId"]!.GetValue<string>());
        Assert.Equal(["groupChat", "personal", "team"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Contains("帮助", commands);
        Assert.Contains("讲话要点", commands);
        Assert.Contains("我要反馈", commands);
        Assert.Contains("我的提醒", commands);
    }

    [Fact]
    public void Render_UnknownPlaceholder_Throws()
    {
        var values = AppPackage.Values(s_botId);

        var error = Assert.Throws<InvalidOperationException>(() => AppPackage.Render("""{"x":"${{MISSING}}"}""", values));

        Assert.Contains("${{MISSING}}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AppId_Default_IsStablePerBotAndDiffersFromIt()
    {
        var first = AppPackage.Values(s_botId)["TEAMS_APP_ID"];
        var again = AppPackage.Values(s_botId)["TEAMS_APP_ID"];

        Assert.Equal(first, again);
        Assert.NotEqual(s_botId.ToString(), first);
        Assert.True(Guid.TryParse(first, out _));
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icon_Size_MatchesTeamsRequirement(string file, int size)
    {
        var (width, height, _) = ReadPng(Path.Combine(TemplateDirectory, file));

        Assert.Equal((size, size), (width, height));
    }

    [Fact]
    public void OutlineIcon_Pixels_AreWhiteOrTransparent()
    {
        var (_, _, pixels) = ReadPng(Path.Combine(TemplateDirectory, "outline.png"));

        Assert.All(pixels, p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255), $"pixel {p} is neither white nor transparent"));
        Assert.Contains(pixels, p => p.A == 255);
        Assert.Contains(pixels, p => p.A == 0);
    }

    [Fact]
    public async Task PackageCommand_BotId_WritesZipWithExactlyManifestAndIcons()
    {
        var zipPath = Path.Combine(Path.GetTempPath(), $"organbot-{Guid.NewGuid():N}.zip");
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            var exitCode = await CliCommands.TryRunAsync(["package", "--bot-id", s_botId.ToString(), "--out", zipPath], TextReader.Null, output, error, TestContext.Current.CancellationToken);

            Assert.Equal(0, exitCode);
            Assert.Contains(zipPath, output.ToString(), StringComparison.Ordinal);
            await using var zip = await ZipFile.OpenReadAsync(zipPath, TestContext.Current.CancellationToken);
            Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            await using var manifestStream = await zip.GetEntry("manifest.json")!.OpenAsync(TestContext.Current.CancellationToken);
            var manifest = await new StreamReader(manifestStream).ReadToEndAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain("${{", manifest, StringComparison.Ordinal);
            Assert.Equal(s_botId.ToString(), JsonNode.Parse(manifest)!["bots"]![0]!["botId"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(zipPath);
        }
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task PackageCommand_BadBotId_ExitsWith2AndExplains(string botId)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliCommands.TryRunAsync(["package", "--bot-id", botId], TextReader.Null, output, error, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Contains("--bot-id must be a GUID", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatcher_HostArguments_StartTheBotInstead()
    {
        using var output = new StringWriter();

        var exitCode = await CliCommands.TryRunAsync(["--urls", "http://localhost:5000"], TextReader.Null, output, output, TestContext.Current.CancellationToken);

        Assert.Null(exitCode);
        Assert.Empty(output.ToString());
    }

    private static string RenderedManifest() =>
        AppPackage.Render(File.ReadAllText(Path.Combine(TemplateDirectory, AppPackage.ManifestFile)), AppPackage.Values(s_botId));

    /// <summary>Decodes an 8-bit RGBA, non-interlaced PNG (what make-icons.py writes).</summary>
    private static (int Width, int Height, List<(byte R, byte G, byte B, byte A)> Pixels) ReadPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        for (var offset = 8; offset < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
            var data = bytes.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal((8, 6, 0), (data[8], data[9], data[12]));
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            offset += 12 + length;
        }

        idat.Position = 0;
        using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflate.CopyTo(raw);
        var scanlines = raw.ToArray();
        var pixels = new List<(byte, byte, byte, byte)>(width * height);
        var stride = 1 + (width * 4);
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, scanlines[y * stride]); // filter "none"
            for (var x = 0; x < width; x++)
            {
                var i = (y * stride) + 1 + (x * 4);
                pixels.Add((scanlines[i], scanlines[i + 1], scanlines[i + 2], scanlines[i + 3]));
            }
        }

        return (width, height, pixels);
    }
}
