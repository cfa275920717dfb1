namespace OrganBot.Tests.Fakes;

/// <summary>Where the repository, its Node tools and the shared schemas are, found from the test binaries.</summary>
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
        skipReason = $"Schema {fileName} not found: no shared/schemas folder beside the repository ({Root}).";
        return null;
    }

    /// <summary>The node executable on PATH, or null.</summary>
    public static string? Node { get; } = FindOnPath("node");

    /// <summary>Null when Node and the npm packages are ready; otherwise why tests that need them are skipped.</summary>
    public static string? NodeSkipReason(string package)
    {
        if (Node is null) return "node is not installed (needed for the official Node tools).";
        var packageDir = Path.Combine(NodeTools, "node_modules", package);
        return Directory.Exists(packageDir) ? null : $"npm package {package} is missing: run `npm ci` in tools/node (test.sh does).";
    }

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
