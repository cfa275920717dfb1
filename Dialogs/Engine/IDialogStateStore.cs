namespace OrganBot.Dialogs.Engine;

/// <summary>Port: durable dialog state. Writes that take a card instance id are atomic compare-and-swap operations.</summary>
public interface IDialogStateStore
{
    Task<DialogState?> GetAsync(DialogKey key, CancellationToken cancellationToken);

    /// <summary>Creates or overwrites the state for its key.</summary>
    Task SaveAsync(DialogState state, CancellationToken cancellationToken);

    /// <summary>Replaces the state only while its card instance id is still <paramref name="expectedCardInstanceId"/>; false if another turn got there first.</summary>
    Task<bool> TryReplaceAsync(DialogState next, string expectedCardInstanceId, CancellationToken cancellationToken);

    /// <summary>Removes the state; with <paramref name="expectedCardInstanceId"/> only while it still matches. True if a row was removed.</summary>
    Task<bool> DeleteAsync(DialogKey key, string? expectedCardInstanceId, CancellationToken cancellationToken);
}
