using System.Runtime.InteropServices;

namespace OrganBot.Bot.Hosting;

/// <summary>
/// Hands free native memory back to the system every few seconds (glibc's <c>malloc_trim</c>). glibc keeps freed
/// blocks resident inside its per-thread arenas; the JIT's scratch memory and SQLite's caches leave ~14 MB of them
/// under load. Trimming costs a few milliseconds per pass and kept the turns benchmark's peak RSS ~10 MB lower
/// (docs/platform.md, issue 15). Elsewhere (musl, macOS, Windows) there is no <c>malloc_trim</c> and the service stops.
/// It keeps the system clock, not the office clock from DI: memory is freed in real seconds, and a clock the tests move a
/// year ahead would otherwise fire millions of passes at once (it slowed CI from 9 to 40 minutes).
/// </summary>
internal sealed class NativeHeapTrimmer : BackgroundService
{
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!OperatingSystem.IsLinux() || !TryTrim()) return;
        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            TryTrim();
        }
    }

    /// <summary>Releases free arena pages; false where the C library has no <c>malloc_trim</c>.</summary>
    internal static bool TryTrim()
    {
        try
        {
            _ = MallocTrim(0);
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // DllImport rather than LibraryImport: one pointer-sized integer needs no marshalling, and LibraryImport would need unsafe code.
    [DllImport("libc", EntryPoint = "malloc_trim", ExactSpelling = true)]
    private static extern int MallocTrim(nuint pad);
}
