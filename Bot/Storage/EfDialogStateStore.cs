using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Feedback;
using OrganBot.Dialogs.Engine;

namespace OrganBot.Bot.Storage;

/// <summary>Dialog engine state in the bot's database. Compare-and-swap writes use a WHERE on the card instance id.</summary>
internal sealed class EfDialogStateStore(BotDbContext db) : IDialogStateStore
{
    public async Task<DialogState?> GetAsync(DialogKey key, CancellationToken cancellationToken)
    {
        var row = await Rows(key).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new DialogState
        {
            Key = key,
            Step = row.Step,
            Values = JsonSerializer.Deserialize<Dictionary<string, string>>(row.ValuesJson) ?? [],
            CardInstanceId = row.CardInstanceId,
            UpdatedAt = row.UpdatedAt,
        };
    }

    public async Task SaveAsync(DialogState state, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(state.Values);
        var updated = await Rows(state.Key).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Step, state.Step)
            .SetProperty(r => r.ValuesJson, json)
            .SetProperty(r => r.CardInstanceId, state.CardInstanceId)
            .SetProperty(r => r.UpdatedAt, state.UpdatedAt), cancellationToken);
        if (updated > 0) return;

        db.Set<DialogStateRecord>().Add(new DialogStateRecord
        {
            UserId = state.Key.UserId,
            ConversationId = state.Key.ConversationId,
            DialogName = state.Key.DialogName,
            Step = state.Step,
            ValuesJson = json,
            CardInstanceId = state.CardInstanceId,
            UpdatedAt = state.UpdatedAt,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another turn inserted the row meanwhile: the later start wins.
            db.ChangeTracker.Clear();
            await Rows(state.Key).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Step, state.Step)
                .SetProperty(r => r.ValuesJson, json)
                .SetProperty(r => r.CardInstanceId, state.CardInstanceId)
                .SetProperty(r => r.UpdatedAt, state.UpdatedAt), cancellationToken);
        }
    }

    public async Task<bool> TryReplaceAsync(DialogState next, string expectedCardInstanceId, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(next.Values);
        return await Rows(next.Key).Where(r => r.CardInstanceId == expectedCardInstanceId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Step, next.Step)
            .SetProperty(r => r.ValuesJson, json)
            .SetProperty(r => r.CardInstanceId, next.CardInstanceId)
            .SetProperty(r => r.UpdatedAt, next.UpdatedAt), cancellationToken) == 1;
    }

    public async Task<bool> DeleteAsync(DialogKey key, string? expectedCardInstanceId, CancellationToken cancellationToken)
    {
        var rows = Rows(key);
        if (expectedCardInstanceId is not null) rows = rows.Where(r => r.CardInstanceId == expectedCardInstanceId);
        return await rows.ExecuteDeleteAsync(cancellationToken) > 0;
    }

    private IQueryable<DialogStateRecord> Rows(DialogKey key) =>
        db.Set<DialogStateRecord>().Where(r => r.UserId == key.UserId && r.ConversationId == key.ConversationId && r.DialogName == key.DialogName);
}
