using System.Runtime.InteropServices;
using OrganBot.Bot.Hosting;

namespace OrganBot.Tests.Hosting;

/// <summary>Native memory the bot frees is given back to the system, not kept resident in glibc's arenas.</summary>
public sealed class NativeHeapTrimmerTests
{
    private const int BlockSize = 64 * 1024; // below glibc's mmap threshold (128 KB), so the blocks live in an arena
    private const int Blocks = 768;          // 48 MB

    [Fact]
    public void Trim_AfterNativeMemoryIsFreed_ResidentMemoryFalls()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "malloc_trim and /proc/self/status are Linux's");
        var ones = new byte[BlockSize];
        Array.Fill(ones, (byte)1);
        var blocks = new nint[Blocks];
        for (var i = 0; i < Blocks; i++)
        {
            blocks[i] = Marshal.AllocHGlobal(BlockSize);
            Marshal.Copy(ones, 0, blocks[i], BlockSize); // touched, so resident
        }

        // The block after them stays allocated, so the freed ones are not at the arena's top, where free() alone would
        // hand them back: without a trim they would stay resident.
        var pin = Marshal.AllocHGlobal(BlockSize);
        var before = ResidentKb();
        foreach (var block in blocks) Marshal.FreeHGlobal(block);

        Assert.True(NativeHeapTrimmer.TryTrim());
        var after = ResidentKb();
        Marshal.FreeHGlobal(pin);

        // Other tests allocate meanwhile in this process: half the freed 48 MB is the bar.
        Assert.True(before - after > Blocks * BlockSize / 1024 / 2, $"resident memory went from {before} kB to {after} kB");
    }

    private static long ResidentKb() => long.Parse(
        File.ReadLines("/proc/self/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
        System.Globalization.CultureInfo.InvariantCulture);
}
