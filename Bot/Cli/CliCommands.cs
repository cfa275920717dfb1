namespace OrganBot.Bot.Cli;

/// <summary>
/// Command-line subcommands run instead of the web host: <c>dotnet run --project Bot -- &lt;command&gt; [options]</c>.
/// To add one, write a class implementing <see cref="ICliCommand"/> and add one line to the table; every command is
/// found, run and listed in help the same way.
/// </summary>
internal static class CliCommands
{
    private static readonly ICliCommand[] s_commands =
    [
        new KnowledgeCommand(),
        new PackageCommand(),
    ];

    /// <summary>
    /// Runs the subcommand named by the first argument and returns its exit code, or null when the arguments
    /// are not a subcommand (then the caller starts the bot).
    /// </summary>
    public static async Task<int?> TryRunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (args is not [var name, ..] || name.StartsWith('-')) return null;
        if (name is "help" or "--help")
        {
            await output.WriteLineAsync(Usage());
            return 0;
        }

        var command = s_commands.FirstOrDefault(c => c.Names.Contains(name, StringComparer.OrdinalIgnoreCase));
        if (command is null)
        {
            // Anything else (e.g. "urls=..." host arguments) is left to the web host.
            return null;
        }

        try
        {
            return await command.RunAsync(new CliInvocation(args, input, output, error), cancellationToken);
        }
        catch (CliUsageException ex)
        {
            await error.WriteLineAsync($"{command.Name}: {ex.Message}");
            await error.WriteLineAsync($"usage: {command.Usage}");
            return 2;
        }
    }

    private static string Usage() =>
        "OrganBot. Without a command it starts the bot. Commands:\n" +
        string.Join('\n', s_commands.Select(c => $"  {c.Usage}\n      {c.Description}"));
}

/// <summary>One subcommand of the Bot executable.</summary>
internal interface ICliCommand
{
    /// <summary>The word after <c>--</c>, e.g. "package".</summary>
    string Name { get; }

    /// <summary>Every word that runs this command (a command may own several, e.g. ask / eval / bench-qa).</summary>
    IReadOnlyList<string> Names => [Name];

    /// <summary>One line, e.g. "package --bot-id &lt;GUID&gt; [--out organbot.zip]".</summary>
    string Usage { get; }

    string Description { get; }

    /// <summary>Returns the process exit code. Throw <see cref="CliUsageException"/> for bad arguments.</summary>
    Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>One run of a subcommand: all arguments (the command word first) and the standard streams.</summary>
internal sealed record CliInvocation(string[] Args, TextReader Input, TextWriter Output, TextWriter Error);

/// <summary>Bad command-line arguments: the dispatcher prints the message and the usage, and exits with 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
