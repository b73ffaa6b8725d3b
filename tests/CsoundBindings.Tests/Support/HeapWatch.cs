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
/// the median of the growths between one measurement and the next. A leak raises each measurement over the one before
/// it, so every one of those growths; the runtime's and Csound's one-off allocations and late frees are steps in a
/// few of them (seen: ±6 MB between two measurements, and a 2 MB block kept from one measurement on, which also tilts
/// a fit through all the points), which the median ignores. The bar is 1 KB per cycle in all (1 MB per 1,000
/// cycles), stricter than "C's growth + 1 KB": the same engine loop in C (create, compile, 10 cycles, destroy) keeps
/// 0.28 KB per engine on Csound 7 over 1,000 engines and 2 KB on Csound 6 over the ~340 it lives through (glibc
/// 2.36). A leak of 1,500 bytes added to each cycle of the engine loop read as 1,781 bytes per cycle.
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
            Assert.True(cHeap <= BarBytesPerCycle, $"{what}: the C heap grew {cHeap:F0} bytes per cycle (median of the {_marks.Count - 1} growths between measurements; bar {BarBytesPerCycle} B)");
        }
        Assert.True(managed <= BarBytesPerCycle, $"{what}: the managed heap grew {managed:F0} bytes per cycle (median of the {_marks.Count - 1} growths between measurements; bar {BarBytesPerCycle} B)");
    }

    // The median of the growths between consecutive measurements, in bytes per cycle.
    private double Slope(Func<(int Cycle, long CHeap, long Managed, long Rss), long> value)
    {
        var slopes = new List<double>();
        for (int a = 1; a < _marks.Count; a++)
        {
            slopes.Add((double)(value(_marks[a]) - value(_marks[a - 1])) / (_marks[a].Cycle - _marks[a - 1].Cycle));
        }
        slopes.Sort();
        int mid = slopes.Count / 2;
        return slopes.Count % 2 == 1 ? slopes[mid] : (slopes[mid - 1] + slopes[mid]) / 2;
    }
}
