using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

/// <summary>The explicit lifecycle: states, the rules table, typed results, tasks that always end, per-engine reports.</summary>
public sealed class LifecycleTests
{
    private const string Header = SilentEngine.Header;
    private const string Orchestra = Header + "instr 1\n out oscili(0.2, 440)\nendin\n";

    private static Csound Silent(string orchestra = Orchestra) => SilentEngine.Create(orchestra);

    [Fact]
    public void StatesFollowTheLifeOfTheEngineAndWrongCallsNameStateAndFix()
    {
        var cs = new Csound();
        cs.Message += (_, _) => { };
        Assert.Equal(CsoundState.Created, cs.State);
        cs.SetOption("-n -d");
        cs.CompileOrc(Orchestra);
        Assert.Equal(CsoundState.Compiled, cs.State);
        cs.SetOption("-m0"); // still before start
        cs.ScoreEvent('i', 1, 0, 0.05);
        cs.Start();
        Assert.Equal(CsoundState.Started, cs.State);
        var late = Assert.Throws<InvalidOperationException>(() => cs.SetOption("-m7"));
        Assert.Contains("Started", late.Message, StringComparison.Ordinal);
        Assert.Contains("Reset()", late.Message, StringComparison.Ordinal);
        cs.SetEndMarker(0.1);
        while (!cs.PerformKsmps())
        {
        }
        Assert.Equal(CsoundState.Finished, cs.State);
        Assert.True(cs.PerformKsmps()); // finished stays finished
        cs.Reset();
        Assert.Equal(CsoundState.Created, cs.State);
        Assert.False(cs.IsStarted);
        cs.Dispose();
        Assert.Equal(CsoundState.Disposed, cs.State);
        Assert.Throws<ObjectDisposedException>(() => cs.CompileOrc(Orchestra));
        Assert.Throws<ObjectDisposedException>(() => cs.PerformKsmps());
        cs.Dispose(); // twice is fine
    }

    [Fact]
    public async Task AHostLoopIsRefusedWhileThePerformanceThreadPlays()
    {
        using var cs = Silent();
        cs.ScoreEvent('i', 1, 0, -1);
        PerformanceThread thread = cs.PerformanceThread;
        thread.Play();
        Assert.Equal(CsoundState.Performing, cs.State);
        var refused = Assert.Throws<InvalidOperationException>(() => cs.PerformKsmps());
        Assert.Contains("Performing", refused.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => cs.Perform());
        Assert.Throws<InvalidOperationException>(cs.Reset);
        thread.Stop();
        PerformResult result = await thread.JoinAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(PerformOutcome.Stopped, result.Outcome);
        Assert.Equal(CsoundState.Finished, cs.State);
        cs.Reset();
        Assert.Equal(CsoundState.Created, cs.State);
    }

    [Fact]
    public void AStartFailureCarriesCsoundsCauseFirst()
    {
        using var cs = new Csound();
        cs.Message += (_, _) => { };
        // No such ALSA device: Csound cannot open it and says so.
        cs.SetOption("-+rtaudio=alsa -odac:nosuchdevice_csb");
        cs.CompileOrc(Orchestra);
        var error = Assert.Throws<CsoundException>(cs.Start);
        Assert.DoesNotContain("Csound version", error.Message, StringComparison.Ordinal);
        Assert.False(error.Message.StartsWith("Start", StringComparison.Ordinal), error.Message);
        Assert.StartsWith("Cannot open device 'nosuchdevice_csb' for audio output", error.Message, StringComparison.Ordinal);
        Assert.Contains("Failed to initialise real time audio output", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(error.CsoundText);
    }

    [Fact]
    public async Task PerformResultsMeanTheSameOnBothEngines()
    {
        static Csound Scored()
        {
            Csound cs = Silent();
            cs.ScoreEvent('i', 1, 0, 0.05);
            cs.SetEndMarker(0.1);
            return cs;
        }

        using (Csound cs = Scored())
        {
            Assert.Equal(PerformOutcome.EndOfScore, cs.Perform().Outcome);
        }
        using (Csound cs = Scored())
        {
            PerformResult result = await cs.PerformAsync();
            Assert.Equal(PerformOutcome.EndOfScore, result.Outcome);
            Assert.True(result.IsEndOfScore);
        }
        using (Csound cs = Scored())
        {
            cs.PerformanceThread.Play();
            Assert.Equal(PerformOutcome.EndOfScore, cs.PerformanceThread.Join().Outcome);
        }
        using (Csound cs = Silent())
        {
            cs.ScoreEvent('i', 1, 0, -1);
            cs.Stop();
            Assert.Equal(PerformOutcome.Stopped, cs.Perform().Outcome);
        }
    }

    [Fact]
    public async Task PerformAsyncRunsOnADedicatedThreadAndDisposeAsyncWaitsWithoutBlocking()
    {
        var cs = Silent(Header + "instr 1\n outvalue \"tick\", timeinsts()\n out oscili(0.2, 440)\nendin\n");
        bool? onPool = null;
        cs.OutputChannelWritten += (_, _) => onPool ??= Thread.CurrentThread.IsThreadPoolThread;
        cs.ScoreEvent('i', 1, 0, -1);
        Task<PerformResult> run = cs.PerformAsync();
        Assert.True(SpinWait.SpinUntil(() => onPool is not null, 5000));
        Assert.False(onPool);
        await cs.DisposeAsync();
        Assert.Equal(CsoundState.Disposed, cs.State);
        Assert.Equal(PerformOutcome.Stopped, (await run).Outcome);
    }

    [Fact]
    public async Task PerformanceThreadTasksAlwaysEnd()
    {
        using var cs = Silent(Header + "instr 1\n out oscili(0.2, 440)\nendin\n");
        PerformanceThread thread = cs.PerformanceThread;

        // Not yet played: the sender runs them, in order.
        await thread.CompileOrcAsync("instr 5\n chnset 5, \"five\"\nendin\n").WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(7.0, await thread.EvalCodeAsync("return 7").WaitAsync(TimeSpan.FromSeconds(5)));
        await thread.FlushTasksAsync().WaitAsync(TimeSpan.FromSeconds(5));

        // Cancelled before it ran.
        using (var cancelled = new CancellationTokenSource())
        {
            cancelled.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => thread.InvokeAsync(_ => 1, cancelled.Token));
        }

        cs.ScoreEvent('i', 1, 0, -1);
        thread.Play();
        Assert.Equal(3, await thread.InvokeAsync(_ => 3).WaitAsync(TimeSpan.FromSeconds(5)));

        // Paused: still completes.
        thread.Pause();
        Assert.Equal(4, await thread.InvokeAsync(_ => 4).WaitAsync(TimeSpan.FromSeconds(5)));
        thread.Play();

        // JoinAsync honours its token while the thread runs.
        using (var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(100)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => thread.JoinAsync(soon.Token));
        }

        thread.Stop();
        await thread.JoinAsync().WaitAsync(TimeSpan.FromSeconds(5));
        // Ended: faults at once.
        await Assert.ThrowsAsync<InvalidOperationException>(() => thread.InvokeAsync(_ => 5).WaitAsync(TimeSpan.FromSeconds(5)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => thread.CompileOrcAsync("instr 9\nendin\n").WaitAsync(TimeSpan.FromSeconds(5)));

        thread.Dispose();
        Assert.Throws<ObjectDisposedException>(() => { _ = thread.InvokeAsync(_ => 6); });
    }

    [Fact]
    public async Task TasksPendingWhenTheThreadIsDisposedFault()
    {
        using var cs = Silent();
        cs.ScoreEvent('i', 1, 0, -1);
        PerformanceThread thread = cs.PerformanceThread;
        using var gate = new ManualResetEventSlim();
        thread.Post(_ => gate.Wait(TimeSpan.FromSeconds(5))); // holds the audio thread a moment
        thread.Play();
        Task<int> later = thread.InvokeAsync(_ => 1);
        var disposing = Task.Run(thread.Dispose);
        gate.Set();
        await disposing.WaitAsync(TimeSpan.FromSeconds(10));
        Exception? error = await Record.ExceptionAsync(() => later.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(error is null or InvalidOperationException or ObjectDisposedException, error?.ToString());
    }

    [Fact]
    public void ReadingAChannelNeverCreatesIt()
    {
        using var cs = Silent(Header + "chn_k \"cutoff\", 3\ninstr 1\nendin\n");
        cs.Start();
        var missing = Assert.Throws<KeyNotFoundException>(() => cs.GetControlChannel("cutof"));
        Assert.Contains("'cutof'", missing.Message, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => cs["cutof"]);
        Assert.False(cs.TryGetControlChannel("cutof", out double none));
        Assert.Equal(0, none);
        Assert.DoesNotContain(cs.ListChannels(), c => c.Name == "cutof");
        cs["cutoff"] = 1000;
        Assert.True(cs.TryGetControlChannel("cutoff", out double cutoff));
        Assert.Equal(1000, cutoff);
        cs["made"] = 1; // setting creates, as chnset does
        Assert.Equal(1, cs.GetControlChannel("made"));
    }

    [Fact]
    public void AStringInvalueIsAnsweredFromDotNet()
    {
        using var cs = Silent(Header + "instr 1\n Sname invalue \"who\"\n chnset Sname, \"echo\"\n iok strcmp Sname, \"anna\"\n chnset iok, \"cmp\"\nendin\n");
        var names = new List<string>();
        cs.InputChannelRequested += (_, e) =>
        {
            names.Add(e.Name);
            if (e.TypeName == "S")
            {
                e.Text = "anna";
            }
        };
        cs.ScoreEvent('i', 1, 0, 0.01);
        cs.Start();
        for (int i = 0; i < 5; i++)
        {
            cs.PerformKsmps();
        }
        Assert.Contains("who", names);
        Assert.Equal("anna", cs.GetStringChannel("echo"));
        Assert.Equal(0, cs.GetControlChannel("cmp"));
    }

    [Fact]
    public void ALongStringAnswerIsCutToCsoundsBuffer()
    {
        using var cs = Silent(Header + "instr 1\n Sname invalue \"long\"\n ilen strlen Sname\n chnset ilen, \"len\"\nendin\n");
        cs.InputChannelRequested += (_, e) => e.Text = new string('x', 10_000);
        cs.ScoreEvent('i', 1, 0, 0.01);
        cs.Start();
        cs.PerformKsmps();
        cs.PerformKsmps();
        Assert.Equal(255, cs.GetControlChannel("len"));
    }

    [Fact]
    public void EachEngineReportsItsOwnCallbackFailures()
    {
        using Csound failing = Silent(Header + "instr 1\n outvalue \"x\", 1\nendin\n");
        using Csound quiet = Silent();
        var failingReports = new List<object?>();
        int quietReports = 0, anyReports = 0;
        failing.CallbackException += (sender, _) => failingReports.Add(sender);
        quiet.CallbackException += (_, _) => quietReports++;
        EventHandler<UnhandledExceptionEventArgs> any = (sender, _) => Interlocked.Increment(ref anyReports);
        Csound.AnyCallbackException += any;
        try
        {
            failing.OutputChannelWritten += (_, _) => throw new InvalidOperationException("handler failure");
            failing.ScoreEvent('i', 1, 0, 0.01);
            failing.Start();
            failing.PerformKsmps();
            quiet.Start();
            quiet.PerformKsmps();
        }
        finally
        {
            Csound.AnyCallbackException -= any;
        }
        Assert.NotEmpty(failingReports);
        Assert.All(failingReports, s => Assert.Same(failing, s));
        Assert.Equal(0, quietReports);
        Assert.True(anyReports >= failingReports.Count);
    }

    [Fact]
    public void CSharpOpcodesAndChannelCallbacksSurviveReset()
    {
        using var r = new OfflineRender(Header);
        Csound cs = r.Csound;
        cs.AppendOpcode(new ManagedOpcode("csdouble", "k", "k", Init: null, Perform: c => c.Output(0)[0] = 2 * c.Input(0)[0]));
        var seen = new List<double>();
        cs.OutputChannelWritten += (_, e) => seen.Add(e.Value);
        string orc = Header + "instr 1\n k1 csdouble 21\n outvalue \"v\", k1\nendin\n";
        cs.CompileOrc(orc);
        cs.ScoreEvent('i', 1, 0, 0.01);
        cs.Start();
        cs.PerformKsmps();
        cs.Reset();
        seen.Clear();
        cs.SetOption("-n -d");
        cs.CompileOrc(orc);
        cs.ScoreEvent('i', 1, 0, 0.01);
        cs.Start();
        cs.PerformKsmps();
        Assert.Contains(42.0, seen);
    }
}
