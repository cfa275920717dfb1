namespace OrganBot.Bot.Storage;

/// <summary>
/// The scope's <see cref="BotDbContext"/>, leased from the pool on first use. Services on every turn's path (the
/// conversation directory, the language and welcome stores, the Q&amp;A queue) take this instead of the context, so a
/// turn that needs no database (a Q&amp;A answer with everything cached) leases and resets no context (issue 15).
/// </summary>
internal sealed class ScopedBotDb(IServiceProvider scope)
{
    private BotDbContext? _context;

    public BotDbContext Context => _context ??= scope.GetRequiredService<BotDbContext>();
}
