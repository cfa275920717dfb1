using Microsoft.EntityFrameworkCore;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Bot.Storage;

/// <summary>The welcome claim as a conditional update of the conversation row (recorded before every turn).</summary>
internal sealed class EfWelcomeLedger(ScopedBotDb scopedDb, TimeProvider time) : IWelcomeLedger
{
    /// <summary>Leased on first use (<see cref="ScopedBotDb"/>).</summary>
    private BotDbContext Db => scopedDb.Context;

    public async Task<bool> TryClaimAsync(string conversationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await Db.Conversations.Where(c => c.Id == conversationId && c.WelcomedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.WelcomedAt, now), cancellationToken);
        return claimed == 1;
    }

    public Task ReleaseAsync(string conversationId, CancellationToken cancellationToken) =>
        Db.Conversations.Where(c => c.Id == conversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.WelcomedAt, (DateTimeOffset?)null), cancellationToken);
}
