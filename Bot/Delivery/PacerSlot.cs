namespace OrganBot.Bot.Delivery;

/// <summary>
/// One call the <see cref="DeliveryPacer"/> released. Teams counts a call when it arrives, which is some time after our
/// release and before its answer; so the call counts against the tenant window until one window after its answer
/// (<see cref="Answered"/>), or one window after release + <see cref="DeliveryOptions.InFlightAllowance"/> if no answer
/// comes sooner (a hung call must not hold its slot until its timeout).
/// </summary>
internal sealed class PacerSlot
{
    private readonly TimeProvider _clock;
    private long _countsAtTicks;

    /// <param name="countsAt">Release + allowance.</param>
    /// <param name="clock">The pacer's clock (the wall clock, even where business time is faked).</param>
    internal PacerSlot(DateTimeOffset countsAt, TimeProvider clock)
    {
        _countsAtTicks = countsAt.UtcTicks;
        _clock = clock;
    }

    /// <summary>The latest time the call can have arrived: its answer, or release + allowance.</summary>
    internal DateTimeOffset CountsAt => new(Volatile.Read(ref _countsAtTicks), TimeSpan.Zero);

    /// <summary>The connector answered (any outcome, including a timeout or a dropped connection): the call has arrived, if it ever will.</summary>
    public void Answered()
    {
        var ticks = _clock.GetUtcNow().UtcTicks;
        long current;
        while (ticks < (current = Volatile.Read(ref _countsAtTicks)))
        {
            if (Interlocked.CompareExchange(ref _countsAtTicks, ticks, current) == current) break;
        }
    }
}
