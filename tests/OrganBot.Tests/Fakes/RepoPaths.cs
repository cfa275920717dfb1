namespace OrganBot.Tests.Fakes;

/// <summary>
/// Where the repository, its Node tools and the Adaptive Card schema are, found from the test binaries. Everything the
/// tests need ships with the repository or its npm packages, except the Adaptive Card 1.5 JSON schema, which no package
/// ships: that one check reads <c>../shared/schemas</c> and skips without it.
/// </summary>
public static class RepoPaths
{
    /// <summary>The folder holding OrganBot.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary><c>tools/node</c>: package.json plus, after <c>npm ci</c>, node_modules.</summary>
    public static string NodeTools => Path.Combine(Root, "tools", "node");

    /// <summary>
    /// <c>shared/schemas</c> beside the repository (<c>&lt;repo&gt;/../shared/schemas</c>), found by walking up from
    /// the test binaries; null when this checkout has no shared folder next to it.
    /// </summary>
    public static string? SharedSchemas { get; } = FindUp(Root, dir => Path.Combine(dir, "shared", "schemas"));

    /// <summary>Path of a shared schema file, or null (with the reason) when it is absent.</summary>
    public static string? SharedSchema(string fileName, out string skipReason)
    {
        skipReason = "";
        var path = SharedSchemas is null ? null : Path.Combine(SharedSchemas, fileName);
        if (path is not null && File.Exists(path)) return path;
        skipReason = $"{fileName} is not in any package; this check runs only with a shared/schemas folder beside the repository (CI has one).";
        return null;
    }

    /// <summary>npm package holding the Teams manifest schemas (read as files; node itself is not needed).</summary>
    public const string AppManifestPackage = "@microsoft/app-manifest";

    /// <summary>The official Teams manifest 1.29 schema from the npm package <c>@microsoft/app-manifest</c> (after <c>npm ci</c>).</summary>
    public static string TeamsManifestSchema =>
        Path.Combine(NodeTools, "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams", "v1.29", "MicrosoftTeams.schema.json");

    /// <summary>The node executable on PATH, or null.</summary>
    public static string? Node { get; } = FindOnPath("node");

    /// <summary>Null when Node and the npm package are ready; otherwise why tests that need them are skipped.</summary>
    public static string? NodeSkipReason(string package) =>
        Node is null ? "node is not installed (needed for the official Node tools)." : NpmPackageSkipReason(package);

    /// <summary>Null when the npm package is installed in tools/node; otherwise why tests that read its files are skipped.</summary>
    public static string? NpmPackageSkipReason(string package) =>
        Directory.Exists(Path.Combine(NodeTools, "node_modules", package))
            ? null
            : $"npm package {package} is missing: run `npm ci` in tools/node (test.sh does).";

    private static string FindRoot() =>
        FindUp(AppContext.BaseDirectory, dir => File.Exists(Path.Combine(dir, "OrganBot.sln")) ? dir : null)
        ?? throw new InvalidOperationException($"OrganBot.sln not found above {AppContext.BaseDirectory}.");

    private static string? FindUp(string start, Func<string, string?> probe)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = probe(dir.FullName);
            if (candidate is not null && (File.Exists(candidate) || Directory.Exists(candidate))) return candidate;
        }

        return null;
    }

    private static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path)) return path;
        }

        return null;
    }
}
