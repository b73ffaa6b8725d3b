using System;
using System.Linq;
using System.Threading.Tasks;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests.Reliability;

/// <summary>
/// Floods: far more events or input lines than Csound takes in one control cycle. Csound's cost per cycle grows with
/// the square of the events it is handed at once (20,000 in one cycle took 25 s here, 100,000 aborted the process), so
/// the SDK hands it at most <see cref="Csound.EventsPerCycle"/> per cycle and keeps the rest, in order, for the next.
/// Every event counts itself and adds its p4 to a sum: a lost event lowers both, a doubled one raises both, a p-field
/// read from reused memory changes the sum.
/// </summary>
public sealed class FloodTests
{
    private const int Flood = 100_000;

    private const string Channels = "chn_k \"count\", 3\nchn_k \"sum\", 3\nchn_k \"disorder\", 3\n";

    private const string Counting = SilentEngine.Header + Channels +
        "instr 1\n icount chnget \"count\"\n chnset icount + 1, \"count\"\n isum chnget \"sum\"\n chnset isum + p4, \"sum\"\nendin\n";

    private static double SumUpTo(int count) => Enumerable.Range(0, count).Sum(i => (double)i);

    [Theory]
    [InlineData(true, "\n")]
    [InlineData(true, "")]
    [InlineData(false, "\n")]
    [InlineData(false, "")]
    public void AHundredThousandInputLinesBeforeOneCycleAllRunOnce(bool beforeStart, string newline)
    {
        using Csound cs = SilentEngine.Create(Counting);
        if (!beforeStart)
        {
            cs.Start();
        }
        for (int i = 0; i < Flood; i++)
        {
            cs.InputMessage($"i 1 0 0.0001 {i}{newline}");
        }
        PerformUntilCounted(cs, Flood);
        Assert.Equal(Flood, cs.GetControlChannel("count"));
        Assert.Equal(SumUpTo(Flood), cs.GetControlChannel("sum"));
    }

    [Fact]
    public void AHundredThousandScoreEventsBeforeOneCycleAllRunOnce()
    {
        using Csound cs = SilentEngine.Create(Counting);
        cs.Start();
        for (int i = 0; i < Flood; i++)
        {
            cs.ScoreEvent('i', 1, 0, 0.0001, i);
        }
        PerformUntilCounted(cs, Flood);
        Assert.Equal(Flood, cs.GetControlChannel("count"));
        Assert.Equal(SumUpTo(Flood), cs.GetControlChannel("sum"));
    }

    [Fact]
    public async Task AsyncEventsNeverBlockWhenNothingPerformsAndKeepTheirPFields()
    {
        using Csound cs = SilentEngine.Create(Counting);
        cs.Start();
        // Csound's own async queue holds 1,024 entries and then blocks the caller until a cycle runs.
        Task send = Task.Run(() =>
        {
            Span<double> fields = stackalloc double[4];
            for (int i = 0; i < 20_000; i++)
            {
                fields[0] = 1;
                fields[1] = 0;
                fields[2] = 0.0001;
                fields[3] = i; // the same memory each time: Csound 6 kept the pointer, not the values
                cs.ScoreEventAsync('i', fields);
            }
        });
        Assert.Same(send, await Task.WhenAny(send, Task.Delay(TimeSpan.FromSeconds(60))));
        await send;
        PerformUntilCounted(cs, 20_000);
        Assert.Equal(20_000, cs.GetControlChannel("count"));
        Assert.Equal(SumUpTo(20_000), cs.GetControlChannel("sum"));
    }

    [Fact]
    public void OneCycleTakesAtMostEventsPerCycleAndTheRestFollowInOrder()
    {
        // Event i must run in cycle i / EventsPerCycle (the test counts cycles in "cycle"); within one cycle Csound
        // takes score events before input lines, so only the order between cycles is the SDK's.
        string ordered = SilentEngine.Header + Channels + "chn_k \"cycle\", 3\n" +
            $"instr 1\n icount chnget \"count\"\n icycle chnget \"cycle\"\n if int(p4 / {Csound.EventsPerCycle}) != icycle then\n" +
            "  chnset 1, \"disorder\"\n endif\n chnset icount + 1, \"count\"\nendin\n";
        using Csound cs = SilentEngine.Create(ordered);
        cs.Start();
        int total = 3 * Csound.EventsPerCycle + 7;
        for (int i = 0; i < total; i++)
        {
            if (i % 2 == 0)
            {
                cs.ScoreEvent('i', 1, 0, 0.0001, i);
            }
            else
            {
                cs.InputMessage($"i 1 0 0.0001 {i}\n");
            }
        }
        cs.PerformKsmps();
        Assert.Equal(Csound.EventsPerCycle, cs.GetControlChannel("count"));
        for (int cycle = 1; cycle < 6; cycle++)
        {
            cs.SetControlChannel("cycle", cycle);
            cs.PerformKsmps();
        }
        Assert.Equal(total, cs.GetControlChannel("count"));
        Assert.Equal(0, cs.GetControlChannel("disorder"));
    }

    [Fact]
    public void ResetDropsWhatWaitsForTheNextCycles()
    {
        using Csound cs = SilentEngine.Create(Counting);
        cs.Start();
        for (int i = 0; i < 3 * Csound.EventsPerCycle; i++)
        {
            cs.ScoreEvent('i', 1, 0, 0.0001, i);
        }
        cs.Reset();
        cs.SetOption("-n -d");
        cs.CompileOrc(Counting);
        cs.Start();
        for (int k = 0; k < 10; k++)
        {
            cs.PerformKsmps();
        }
        Assert.Equal(0, cs.GetControlChannel("count"));
    }

    // Enough cycles for every waiting event to be handed over and run, with an upper bound so a loss cannot hang.
    private static void PerformUntilCounted(Csound cs, int expected)
    {
        int cycles = expected / Csound.EventsPerCycle + 20;
        for (int k = 0; k < cycles && !(cs.TryGetControlChannel("count", out double count) && count >= expected); k++)
        {
            cs.PerformKsmps();
        }
        for (int k = 0; k < 4; k++)
        {
            cs.PerformKsmps();
        }
    }
}
