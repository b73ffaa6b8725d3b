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

    // Csound 6 grows its line buffer (32 KB) to the exact size of a long message and then writes its newline one byte
    // past it (valgrind in C: 8,000 lines of 8 bytes in one call; the fuzzer's 59 KB line of '" " " ...' ended in
    // "malloc(): invalid next size"). The SDK hands Csound at most MessageBytesPerCycle bytes of input lines a cycle,
    // splitting a long text between its lines.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ManyLinesInOneMessageAllRunOnce(bool beforeStart)
    {
        using (Csound cs = SilentEngine.Create(Counting))
        {
            var printed = new System.Text.StringBuilder();
            cs.Message += (_, e) => printed.Append(e.Text);
            if (!beforeStart)
            {
                cs.Start();
            }
            const int lines = 8_000;
            var text = new System.Text.StringBuilder();
            for (int i = 0; i < lines; i++)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"i 1 0 0.0001 {i}\n");
            }
            Assert.True(text.Length > 4 * Csound.MessageBytesPerCycle);
            cs.InputMessage(text.ToString());
            PerformUntilCounted(cs, lines);
            Assert.Equal(lines, cs.GetControlChannel("count"));
            Assert.Equal(SumUpTo(lines), cs.GetControlChannel("sum"));
            if (!TestEngine.IsApi7)
            {
                Assert.DoesNotContain("realloc", printed.ToString(), StringComparison.Ordinal); // Csound 6 never grew its line buffer
            }
        }
        using Csound fresh = SilentEngine.Started();
        KnownRender.AssertStillRenders(fresh); // the heap is whole: a new engine still renders
    }

    [Fact]
    public void AnInputLineLongerThanCsound6sLineBufferIsRefusedThere()
    {
        using Csound cs = SilentEngine.Create(Counting);
        cs.Start();
        string line = "i 1 0 0.0001 5" + new string(' ', Csound.MessageBytesPerCycle);
        if (TestEngine.IsApi7)
        {
            cs.InputMessage(line); // Csound 7 reads input lines with its score reader, which takes it
            PerformUntilCounted(cs, 1);
            Assert.Equal(5, cs.GetControlChannel("sum"));
            return;
        }
        var error = Assert.Throws<ArgumentException>(() => cs.InputMessage(line));
        Assert.Contains(Csound.MessageBytesPerCycle.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        cs.InputMessage("i 1 0 0.0001 7");
        PerformUntilCounted(cs, 1);
        Assert.Equal(7, cs.GetControlChannel("sum"));
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
