using OrganBot.Bot.Knowledge;

namespace OrganBot.Bot.Cli;

/// <summary><c>ask</c>, <c>eval</c> and <c>bench-qa</c>: the speech Q&amp;A on the command line (docs/knowledge.md).</summary>
internal sealed class KnowledgeCommand : ICliCommand
{
    public string Name => "ask";

    public IReadOnlyList<string> Names => KnowledgeCli.Commands;

    public string Usage => "ask \"问题\" | ask --jsonl | eval [file.jsonl] | tune-qa | bench-qa";

    public string Description => "The speech Q&A on the command line (see docs/knowledge.md).";

    public Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        // They read standard input and own their argument syntax (the `ask --jsonl` contract).
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return KnowledgeCli.RunAsync(invocation.Args, invocation.Input, invocation.Output, invocation.Error);
    }
}
