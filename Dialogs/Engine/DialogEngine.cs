using Microsoft.Extensions.Options;
using OrganBot.Dialogs.Telemetry;

namespace OrganBot.Dialogs.Engine;

/// <summary>
/// The small explicit dialog engine: start, read, advance and finish a dialog, with idle expiry and one valid
/// card instance at a time. Features decide what the steps mean; the engine only keeps the place.
/// </summary>
public sealed class DialogEngine(IDialogStateStore store, TimeProvider time, IOptionsMonitor<DialogEngineOptions> options)
{
    /// <summary>Starts (or restarts) a dialog at <paramref name="step"/> with a fresh card instance id.</summary>
    public async Task<DialogState> StartAsync(DialogKey key, string step, IReadOnlyDictionary<string, string>? values, CancellationToken cancellationToken)
    {
        var state = new DialogState
        {
            Key = key,
            Step = step,
            Values = values ?? new Dictionary<string, string>(),
            CardInstanceId = NewCardInstanceId(),
            UpdatedAt = time.GetUtcNow(),
        };
        await store.SaveAsync(state, cancellationToken);
        BotTelemetry.DialogStarted(key.DialogName);
        return state;
    }

    /// <summary>The open dialog, or null when there is none or it has been idle too long (then it is removed).</summary>
    public async Task<DialogState?> GetActiveAsync(DialogKey key, CancellationToken cancellationToken)
    {
        var state = await store.GetAsync(key, cancellationToken);
        if (state is null) return null;
        if (time.GetUtcNow() - state.UpdatedAt > options.CurrentValue.IdleTimeout)
        {
            await Ended(store.DeleteAsync(key, state.CardInstanceId, cancellationToken), key, "expired");
            return null;
        }

        return state;
    }

    /// <summary>
    /// Moves the dialog to <paramref name="step"/> with new values and a new card instance id, but only if the card
    /// pressed (<paramref name="cardInstanceId"/>) is the current one. Null means stale, replayed or expired.
    /// </summary>
    public async Task<DialogState?> AdvanceAsync(DialogState current, string? cardInstanceId, string step, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        if (cardInstanceId is null || cardInstanceId != current.CardInstanceId) return null;
        var next = current with { Step = step, Values = values, CardInstanceId = NewCardInstanceId(), UpdatedAt = time.GetUtcNow() };
        return await store.TryReplaceAsync(next, current.CardInstanceId, cancellationToken) ? next : null;
    }

    /// <summary>Ends the dialog if <paramref name="cardInstanceId"/> is still current; false when another turn already did.</summary>
    public Task<bool> CompleteAsync(DialogState current, string? cardInstanceId, CancellationToken cancellationToken) =>
        cardInstanceId is not null && cardInstanceId == current.CardInstanceId
            ? Ended(store.DeleteAsync(current.Key, current.CardInstanceId, cancellationToken), current.Key, "completed")
            : Task.FromResult(false);

    /// <summary>Leaves the dialog whatever its card (取消/cancel); true if there was one.</summary>
    public async Task<bool> CancelAsync(DialogKey key, CancellationToken cancellationToken) =>
        await GetActiveAsync(key, cancellationToken) is not null && await Ended(store.DeleteAsync(key, null, cancellationToken), key, "cancelled");

    /// <summary>Counts the end of a dialog (organbot.dialog.ended) when this turn is the one that ended it.</summary>
    private static async Task<bool> Ended(Task<bool> delete, DialogKey key, string outcome)
    {
        if (!await delete) return false;
        BotTelemetry.DialogEnded(key.DialogName, outcome);
        return true;
    }

    private static string NewCardInstanceId() => Guid.NewGuid().ToString("N");
}
