namespace OrganBot.Bot.Feedback;

/// <summary>Holds the owner-hash key once it has been read (or created) and unprotected.</summary>
internal sealed class FeedbackOwnerKeyCache
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    public async Task<byte[]> GetAsync(Func<Task<byte[]>> load)
    {
        if (_key is { } key) return key;
        await _gate.WaitAsync();
        try
        {
            return _key ??= await load();
        }
        finally
        {
            _gate.Release();
        }
    }
}
