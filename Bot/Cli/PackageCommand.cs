namespace OrganBot.Bot.Cli;

/// <summary><c>package --bot-id &lt;GUID&gt;</c>: writes the sideloadable Teams app zip for that bot registration.</summary>
internal sealed class PackageCommand : ICliCommand
{
    public string Name => "package";

    public string Usage => "package --bot-id <GUID> [--out organbot.zip] [--app-id <GUID>] [--site-url https://...] [--public-url https://...]";

    public string Description => "Writes the Teams app package (manifest.json, color.png, outline.png) for the bot's Microsoft App ID.";

    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var args = new CliArguments(invocation.Args[1..]);
        var output = invocation.Output;
        var botId = ParseGuid(args.RequiredOption("bot-id"), "bot-id");
        var appId = args.Option("app-id") is { Length: > 0 } app ? ParseGuid(app, "app-id") : (Guid?)null;
        var siteUrl = args.Option("site-url");
        if (siteUrl is not null && !(Uri.TryCreate(siteUrl, UriKind.Absolute, out var site) && site.Scheme == Uri.UriSchemeHttps))
        {
            throw new CliUsageException("--site-url must be an absolute https URL.");
        }

        var publicUrl = args.Option("public-url");
        if (publicUrl is not null && !(Uri.TryCreate(publicUrl, UriKind.Absolute, out var address) && address.Scheme == Uri.UriSchemeHttps && address.AbsolutePath == "/"))
        {
            throw new CliUsageException("--public-url must be the bot's https address without a path (its Bot:PublicBaseUrl), e.g. https://organbot.example.gov.cn.");
        }

        var outPath = Path.GetFullPath(args.Option("out") is { Length: > 0 } o ? o : "organbot.zip");
        args.RejectUnknown();

        var values = AppPackage.Values(botId, appId, siteUrl, publicUrl);
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        await using (var file = File.Create(outPath))
        {
            AppPackage.WriteZip(AppPackage.TemplateDirectory, values, file);
        }

        await output.WriteLineAsync($"Wrote {outPath}");
        await output.WriteLineAsync($"  bot id {values["BOT_ID"]}, Teams app id {values["TEAMS_APP_ID"]}");
        await output.WriteLineAsync($"  管理后台 tab and SSO at {values["PUBLIC_URL"]}/console/" + (publicUrl is null ? " (pass --public-url with the bot's Bot:PublicBaseUrl)" : ""));
        await output.WriteLineAsync("  Upload it in Teams: Apps > Manage your apps > Upload an app > Upload a custom app.");
        return 0;
    }

    private static Guid ParseGuid(string value, string option) =>
        Guid.TryParse(value, out var guid) && guid != Guid.Empty
            ? guid
            : throw new CliUsageException($"--{option} must be a GUID (the Microsoft App ID of the Azure Bot), got \"{value}\".");
}
