using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

/// <summary>The lifecycle defects of the transitions (Reset, Stop, Dispose, the performance thread), one test each.</summary>
public sealed class TransitionTests
{
    private const string Header = SilentEngine.Header;

    // Instrument 1 counts its instances in the "count" channel; instrument 3 holds a tone.
    private const string Counting = Header + "instr 1\n icount chnget \"count\"\n chnset icount + 1, \"count\"\nendin\ninstr 3\n out oscili(0.2, 440)\nendin\n";

    private static Csound Silent(string orchestra = Counting) => SilentEngine.Create(orchestra);

    private static void Cycles(Csound cs, int n)
    {
        for (int i = 0; i < n && !cs.PerformKsmps(); i++)
        {
        }
    }

    [Fact]
    public void MessagesAndCompileErrorTextSurviveReset()
    {
        using var cs = new Csound();
        int messages = 0;
        cs.Message += (_, _) => Interlocked.Increment(ref messages);
        cs.SetOption("-n");
        cs.CompileOrc(Counting);
        cs.Start();
        Assert.True(messages > 0);
        cs.Reset();
        messages = 0;
        cs.SetOption("-n");
        var error = Assert.Throws<CsoundCompileException>(() => cs.CompileOrc("instr 1\n a1 nosuchopcode 1\nendin\n"));
        Assert.Contains("nosuchopcode", error.CsoundText, StringComparison.Ordinal);
        Assert.True(messages > 0, "Message did not fire after Reset");
    }

    [Fact]
    public void InputMessagesQueuedBeforeStartDoNotSurviveReset()
    {
        using var cs = Silent();
        cs.InputMessage("i 1 0 0.01\n");
        cs.ScoreEvent('i', 1, 0, 0.01);
        cs.Reset();
        cs.SetOption("-n -d");
        cs.CompileOrc(Counting);
        cs.Start();
        Cycles(cs, 20);
        Assert.False(cs.TryGetControlChannel("count", out double count), $"instrument 1 ran {count} times after Reset");
    }

    [Fact]
    public async Task CompileThenScheduleOnThePerformanceThreadLosesNothing()
    {
        using var cs = Silent();
        PerformanceThread thread = cs.PerformanceThread;
        thread.Play();
        const int Trials = 1000;
        for (int i = 0; i < Trials; i++)
        {
            int instr = 100 + i;
            _ = thread.CompileOrcAsync($"instr {instr}\n icount chnget \"count\"\n chnset icount + 1, \"count\"\nendin\n");
            thread.ScoreEvent(false, 'i', instr, 0, 0.001);
        }
        await thread.FlushTasksAsync().WaitAsync(TimeSpan.FromSeconds(60));
        // Let the last events be performed (they start at the cycle after they are taken).
        double count = 0;
        for (int wait = 0; wait < 200 && (count = await thread.InvokeAsync(c => c.GetControlChannel("count"))) < Trials; wait++)
        {
            await Task.Delay(10);
        }
        Assert.Equal(Trials, count);
    }

    [Fact]
    public void StopStopsARunningPerformanceThread()
    {
        using var cs = Silent();
        cs.ScoreEvent('i', 3, 0, -1);
        PerformanceThread thread = cs.PerformanceThread;
        thread.Play();
        SpinWait.SpinUntil(() => cs.CurrentTimeSamples > 4410, 5000);
        cs.Stop();
        Assert.True(SpinWait.SpinUntil(() => thread.Status != 0, 5000), "the performance thread still plays after Csound.Stop");
        long at = cs.CurrentTimeSamples;
        Thread.Sleep(100);
        Assert.Equal(at, cs.CurrentTimeSamples);
    }

    [Fact]
    public void ASecondPerformanceThreadWorksAfterTheFirstJoined()
    {
        // Csound's own perf-thread test: Play, Join, Cleanup, Reset, a new thread, Play, Join.
        using var cs = Silent();
        cs.ScoreEvent('i', 1, 0, 0.01);
        cs.SetEndMarker(0.1);
        var first = new PerformanceThread(cs);
        first.Play();
        first.Join();
        cs.Cleanup();
        cs.Reset();
        cs.SetOption("-n -d");
        cs.CompileOrc(Counting);
        cs.ScoreEvent('i', 1, 0, 0.01);
        cs.ScoreEvent('i', 1, 0.02, 0.01);
        cs.SetEndMarker(0.1);
        var second = new PerformanceThread(cs);
        second.Play();
        second.Join();
        Assert.Equal(2, cs.GetControlChannel("count"));
    }

    [Fact]
    public void EarlyAsyncAndAbsoluteEventsQueueUntilStart()
    {
        using var cs = Silent();
        cs.ScoreEventAsync('i', 1, 0, 0.01);
        cs.ScoreEventAbsolute('i', 0, 1, 0, 0.01);
        cs.EventString("i 1 0 0.01", async: true);
        Assert.False(cs.IsStarted);
        cs.SetOption("-m0"); // still allowed: nothing started the engine
        cs.Start();
        Cycles(cs, 20);
        Assert.Equal(3, cs.GetControlChannel("count"));
    }

    [Fact]
    public void CleanupBeforeStartIsANoOp()
    {
        using var cs = Silent();
        cs.Cleanup();
        cs.Start();
        Cycles(cs, 2);
        cs.Cleanup();
    }

    [Fact]
    public void OpcodeListHoldsOnlyOpcodeLines()
    {
        using var cs = new Csound();
        cs.Message += (_, _) => { };
        IReadOnlyList<OpcodeDef> opcodes = cs.GetOpcodes();
        Assert.DoesNotContain(opcodes, o => o.Name == "orch");
        Assert.Contains(opcodes, o => o.Name == "oscili");
        Assert.All(opcodes, o => Assert.Matches("^[A-Za-z_][A-Za-z0-9_.]*$", o.Name));
    }

    [Fact]
    public void StringOutvalueReachesTheHandler()
    {
        using var cs = Silent(Header + "instr 1\n outvalue \"txt\", \"hello\"\nendin\n");
        var seen = new List<string?>();
        cs.OutputChannelWritten += (_, e) => seen.Add(e.Text);
        cs.ScoreEvent('i', 1, 0, 0.01);
        cs.Start();
        Cycles(cs, 5);
        Assert.NotEmpty(seen);
        Assert.All(seen, t => Assert.Equal("hello", t));
    }

    [Fact]
    public void CircularBufferDisposeAfterTheEngineNeverThrows()
    {
        var cs = Silent();
        CircularBuffer buffer = cs.CreateCircularBuffer(64);
        cs.Dispose();
        buffer.Dispose();
        buffer.Dispose();
    }
}
