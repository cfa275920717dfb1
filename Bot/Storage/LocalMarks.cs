using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace OrganBot.Bot.Storage;

/// <summary>
/// The replay marks of a bot that is the only process on its database (SQLite), held in memory so a turn learns at
/// once whether its activity is new. The database keeps a copy for the next process (written behind, see
/// <see cref="SeenActivities"/>); while this one runs, it is the only one taking activities, so what it remembers is
/// the whole truth, except for what it has had to forget.
/// <para>
/// Memory is bounded: two generations of <see cref="GenerationSize"/> keys, the older dropped when the newer fills.
/// After that, a key that is not in memory is only known to be new if the activity was sent after the newest mark
/// forgotten (with <see cref="ClockSkew"/> to spare, the timestamp being the channel's clock); otherwise, and when the
/// activity has no timestamp, the database decides (<see langword="null"/> from <see cref="TryMark"/>).
/// </para>
/// </summary>
internal sealed class LocalMarks(int generationSize = LocalMarks.GenerationSize)
{
    /// <summary>About 1.2 MB a generation; at a steady 100 activities a second, eleven minutes of them.</summary>
    public const int GenerationSize = 65_536;

    /// <summary>
    /// How far the channel's clock may be ahead of ours before memory could wrongly call a redelivery new (servers
    /// kept by NTP differ by milliseconds). It only counts once memory has forgotten something.
    /// </summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    // Sized once for a full generation and cleared for reuse: growing them step by step left large arrays behind.
    private HashSet<ulong> _current = new(generationSize);
    private HashSet<ulong> _previous = new(generationSize);
    private long _currentNewest = long.MinValue;
    private long _previousNewest = long.MinValue;

    /// <summary>When the newest mark that memory no longer holds was made (UTC ticks); MinValue while it forgot nothing.</summary>
    private long _forgottenUpTo = long.MinValue;

    private List<SavedMark> _unsaved = [];

    /// <summary>
    /// True when the activity is new (it is remembered and queued for the database), false for a redelivery,
    /// null when only the database can tell.
    /// </summary>
    public bool? TryMark(string conversationId, string activityId, DateTimeOffset? sentAt, DateTimeOffset now)
    {
        var key = Key(conversationId, activityId);
        lock (_gate)
        {
            if (_current.Contains(key) || _previous.Contains(key)) return false;
            if (_forgottenUpTo != long.MinValue && (sentAt is not { } sent || (sent - ClockSkew).UtcTicks <= _forgottenUpTo)) return null;
            Add(key, now.UtcTicks);
            _unsaved.Add(new SavedMark(conversationId, activityId));
            return true;
        }
    }

    /// <summary>Remembers a mark the database already holds (decided there, or loaded at start-up).</summary>
    public void Remember(string conversationId, string activityId, DateTimeOffset seenAt)
    {
        var key = Key(conversationId, activityId);
        lock (_gate)
        {
            if (!_current.Contains(key) && !_previous.Contains(key)) Add(key, seenAt.UtcTicks);
        }
    }

    /// <summary>Everything older than <paramref name="seenAt"/> is treated as forgotten (start-up found more than it could load).</summary>
    public void ForgetUpTo(DateTimeOffset seenAt)
    {
        lock (_gate) _forgottenUpTo = Math.Max(_forgottenUpTo, seenAt.UtcTicks);
    }

    /// <summary>Drops a mark whose turn failed, so the channel's redelivery is processed.</summary>
    public void Forget(string conversationId, string activityId)
    {
        var key = Key(conversationId, activityId);
        lock (_gate)
        {
            _current.Remove(key);
            _previous.Remove(key);
            _unsaved.RemoveAll(m => m.ConversationId == conversationId && m.ActivityId == activityId);
        }
    }

    /// <summary>The marks not yet written to the database, handed over once.</summary>
    public List<SavedMark> TakeUnsaved()
    {
        lock (_gate)
        {
            if (_unsaved.Count == 0) return [];
            var taken = _unsaved;
            _unsaved = [];
            return taken;
        }
    }

    /// <summary>Puts back marks whose write failed, ahead of newer ones.</summary>
    public void ReturnUnsaved(List<SavedMark> marks)
    {
        lock (_gate)
        {
            marks.AddRange(_unsaved);
            _unsaved = marks;
        }
    }

    public int Count
    {
        get { lock (_gate) return _current.Count + _previous.Count; }
    }

    private void Add(ulong key, long ticks)
    {
        if (_current.Count >= generationSize)
        {
            if (_previous.Count > 0) _forgottenUpTo = Math.Max(_forgottenUpTo, _previousNewest);
            (_previous, _current) = (_current, _previous);
            _previousNewest = _currentNewest;
            _current.Clear();
        }

        _current.Add(key);
        _currentNewest = Math.Max(_currentNewest, ticks);
    }

    /// <summary>
    /// 64 bits of SHA-256 over both ids, so no id is kept in memory. With the 131,072 keys memory holds at most, a new
    /// activity is taken for a redelivery by a collision about once in 10^14 activities.
    /// </summary>
    internal static ulong Key(string conversationId, string activityId)
    {
        var length = Encoding.UTF8.GetMaxByteCount(conversationId.Length + activityId.Length) + sizeof(int);
        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> bytes = rented ?? stackalloc byte[1024];
            // The first id's length goes first, so ("a", "bc") and ("ab", "c") differ.
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes, conversationId.Length);
            var written = sizeof(int) + Encoding.UTF8.GetBytes(conversationId, bytes[sizeof(int)..]);
            written += Encoding.UTF8.GetBytes(activityId, bytes[written..]);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes[..written], hash);
            return System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(hash);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    internal sealed record SavedMark(string ConversationId, string ActivityId);
}
