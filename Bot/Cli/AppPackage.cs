using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace OrganBot.Bot.Cli;

/// <summary>
/// The Teams app package: <c>appPackage/manifest.json</c> (with <c>${{NAME}}</c> placeholders) plus the two icons,
/// zipped flat as Teams expects for sideloading.
/// </summary>
internal static partial class AppPackage
{
    public const string ManifestFile = "manifest.json";
    public static readonly string[] Files = [ManifestFile, "color.png", "outline.png"];

    /// <summary>Shown in the manifest's developer links until the office sets its own site with --site-url.</summary>
    public const string DefaultSiteUrl = "https://example.org/organbot";

    /// <summary>Where the 管理后台 tab and Teams SSO point until the office passes --public-url (its Bot:PublicBaseUrl).</summary>
    public const string DefaultPublicUrl = "https://organbot.example.org";

    /// <summary>The template folder copied next to the executable.</summary>
    public static string TemplateDirectory => Path.Combine(AppContext.BaseDirectory, "appPackage");

    /// <summary>Replaces every <c>${{NAME}}</c>; a placeholder without a value is an error, never left in the package.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"No value for placeholder {match.Value} in {ManifestFile}."));

    /// <summary>The placeholder values for a bot; the app id defaults to one derived from the bot id, so re-packaging upgrades the same app.</summary>
    /// <param name="publicUrl">The bot's https address (Bot:PublicBaseUrl): the console tab's page, and the SSO resource api://host/botId.</param>
    public static Dictionary<string, string> Values(Guid botId, Guid? appId = null, string? siteUrl = null, string? publicUrl = null) => new(StringComparer.Ordinal)
    {
        ["PUBLIC_URL"] = (publicUrl ?? DefaultPublicUrl).TrimEnd('/'),
        ["PUBLIC_HOST"] = new Uri(publicUrl ?? DefaultPublicUrl).Authority,
        ["BOT_ID"] = botId.ToString("D"),
        ["TEAMS_APP_ID"] = (appId ?? DeriveAppId(botId)).ToString("D"),
        ["SITE_URL"] = (siteUrl ?? DefaultSiteUrl).TrimEnd('/'),
    };

    /// <summary>Writes the zip: the rendered manifest and the icons, at the root of the archive.</summary>
    public static void WriteZip(string templateDirectory, IReadOnlyDictionary<string, string> values, Stream destination)
    {
        var manifest = Render(File.ReadAllText(Path.Combine(templateDirectory, ManifestFile)), values);
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        using (var writer = new StreamWriter(zip.CreateEntry(ManifestFile).Open(), new UTF8Encoding(false)))
        {
            writer.Write(manifest);
        }

        foreach (var icon in Files.Skip(1))
        {
            zip.CreateEntryFromFile(Path.Combine(templateDirectory, icon), icon);
        }
    }

    /// <summary>A stable name-based GUID from the bot id (SHA-256, with the RFC 9562 version 8 and variant bits).</summary>
    internal static Guid DeriveAppId(Guid botId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("organbot-teams-app:" + botId.ToString("D")));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    [GeneratedRegex(@"\$\{\{([A-Z0-9_]+)\}\}")]
    private static partial Regex Placeholder();
}
