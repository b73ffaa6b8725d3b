using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace CsoundBindings.Tests.Support;

/// <summary>
/// Checks that a loop keeps nothing per cycle, in the C heap (<see cref="NativeHeap"/>) and in the managed heap.
/// After a warm-up the heaps are measured at <see cref="Points"/> evenly spaced cycles, and the growth per cycle is
/// the median of the slopes between every pair of measurements (Theil–Sen). A leak raises every measurement over the
/// one before it, so nearly every slope; the runtime's and Csound's one-off allocations and late frees (a JIT tier, a
/// buffer freed by a later engine, seen as ±6 MB between two single measurements in one run) move a few of them, which
/// the median ignores. The bar is 1 KB per cycle in all (1 MB per 1,000 cycles), stricter than "C's growth + 1 KB":
/// the same engine loop in C (create, compile, 10 cycles, destroy) keeps 0.28 KB per engine on Csound 7 and 2 KB on
/// Csound 6 (median of the same measurements, glibc 2.36). A 1.5 KB leak added per cycle reads as 2.1 KB here.
/// </summary>
internal sealed class HeapWatch(string what, int cycles, ITestOutputHelper output)
{
    private const int WarmUp = 20;
    private const int Points = 21;
    private const double BarBytesPerCycle = 1024;
    private readonly List<(int Cycle, long CHeap, long Managed, long Rss)> _marks = new();

    private int Step => Math.Max(1, (cycles - 1 - WarmUp) / (Points - 1));

    /// <summary>Call after each cycle <paramref name="i"/> (0-based).</summary>
    public void After(int i)
    {
        if (i >= WarmUp && (i - WarmUp) % Step == 0 && _marks.Count < Points)
        {
            _marks.Add((i, NativeHeap.InUse(), GC.GetTotalMemory(true), Environment.WorkingSet));
        }
    }

    /// <summary>Prints the measurements and the growth per cycle, and checks it against the bar.</summary>
    public void Check(Stopwatch clock)
    {
        Assert.True(_marks.Count >= 3, $"{what}: {_marks.Count} measurements (at least 3 needed: more than {WarmUp + 2 * Step} cycles)");
        double cHeap = Slope(m => m.CHeap), managed = Slope(m => m.Managed), rss = Slope(m => m.Rss);
        output.WriteLine($"{what}: {cycles} cycles in {clock.Elapsed.TotalSeconds:F1} s (Csound {Csound.LibraryVersion}); median growth per cycle " +
            $"after {WarmUp}: C heap {cHeap:F0} B, managed heap {managed:F0} B, RSS {rss:F0} B");
        output.WriteLine("  C heap at each measurement (MB from the first): " +
            string.Join(" ", _marks.Select(m => ((m.CHeap - _marks[0].CHeap) / 1048576.0).ToString("F2", System.Globalization.CultureInfo.InvariantCulture))));
        if (NativeHeap.Available)
        {
            Assert.True(cHeap <= BarBytesPerCycle, $"{what}: the C heap grew {cHeap:F0} bytes per cycle (median of {_marks.Count} measurements; bar {BarBytesPerCycle} B)");
        }
        Assert.True(managed <= BarBytesPerCycle, $"{what}: the managed heap grew {managed:F0} bytes per cycle (median of {_marks.Count} measurements; bar {BarBytesPerCycle} B)");
    }

    // Theil–Sen: the median of the slopes between every pair of measurements, in bytes per cycle.
    private double Slope(Func<(int Cycle, long CHeap, long Managed, long Rss), long> value)
    {
        var slopes = new List<double>();
        for (int a = 0; a < _marks.Count; a++)
        {
            for (int b = a + 1; b < _marks.Count; b++)
            {
                slopes.Add((double)(value(_marks[b]) - value(_marks[a])) / (_marks[b].Cycle - _marks[a].Cycle));
            }
        }
        slopes.Sort();
        int mid = slopes.Count / 2;
        return slopes.Count % 2 == 1 ? slopes[mid] : (slopes[mid - 1] + slopes[mid]) / 2;
    }
}
