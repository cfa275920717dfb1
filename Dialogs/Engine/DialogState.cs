namespace OrganBot.Dialogs.Engine;

/// <summary>
/// Where one user is in one dialog of one conversation: the step, what was collected so far, and the id of the
/// only card instance that may still move the dialog on. Persisted, so a restart loses nothing.
/// </summary>
public sealed record DialogState
{
    public required DialogKey Key { get; init; }

    public required string Step { get; init; }

    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    /// <summary>Id carried by the card currently shown for this dialog; a different id means a stale or replayed card.</summary>
    public required string CardInstanceId { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public string? Value(string key) => Values.TryGetValue(key, out var value) ? value : null;
}

/// <summary>One dialog of one user in one conversation.</summary>
public sealed record DialogKey(string UserId, string ConversationId, string DialogName);
