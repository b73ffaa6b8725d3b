using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace CsoundBindings.Tests;

/// <summary>Callbacks that dispose, reset, join or pause their own engine: refused or deferred, never a crash or a hang.</summary>
public sealed class CallbackReentryTests
{
    private const string Header = "sr=44100\nksmps=64\nnchnls=1\n0dbfs=1\n";

    [Fact]
    public void DisposeFromAMessageHandlerIsDeferredUntilTheCallReturns()
    {
        var cs = new Csound();
        bool disposeCalled = false;
        cs.Message += (_, _) =>
        {
            if (!disposeCalled)
            {
                disposeCalled = true;
                cs.Dispose();
            }
        };
        cs.SetOption("-n -d");
        // A failing compile prints, so the handler disposes in the middle of it; the compile still reports its error.
        Assert.Throws<CsoundCompileException>(() => cs.CompileOrc("instr 1\n a1 nosuchopcode 1\nendin\n"));
        Assert.True(disposeCalled);
        Assert.Equal(CsoundState.Disposed, cs.State);
        Assert.Throws<ObjectDisposedException>(() => cs.CompileOrc(Header));
    }

    [Fact]
    public void DisposeFromACSharpOpcodeEndsTheCycleThenDisposes()
    {
        var cs = new Csound();
        cs.Message += (_, _) => { };
        cs.SetOption("-n -d");
        cs.AppendOpcode(new ManagedOpcode("csquit", "", "k", Init: null, Perform: _ => cs.Dispose()));
        cs.CompileOrc(Header + "instr 1\n csquit 1\nendin\n");
        cs.ScoreEvent('i', 1, 0, 1);
        cs.Start();
        int cycles = 0;
        while (cs.State != CsoundState.Disposed && !cs.PerformKsmps() && cycles < 100)
        {
            cycles++;
        }
        Assert.Equal(CsoundState.Disposed, cs.State);
        Assert.True(cycles < 3, $"{cycles} cycles after the opcode asked to dispose");
    }

    [Fact]
    public void ResetFromACallbackIsRefusedAndReported()
    {
        using var cs = new Csound();
        var reports = new List<Exception>();
        cs.CallbackException += (_, e) => reports.Add((Exception)e.ExceptionObject);
        cs.SetOption("-n -d");
        cs.CompileOrc(Header + "instr 1\n outvalue \"v\", 1\nendin\n");
        cs.OutputChannelWritten += (_, _) => cs.Reset();
        cs.ScoreEvent('i', 1, 0, 0.01);
        cs.Start();
        cs.PerformKsmps();
        Assert.Contains(reports, e => e is InvalidOperationException);
        Assert.Equal(CsoundState.Started, cs.State); // nothing was reset under Csound
        cs.PerformKsmps();
    }

    [Fact]
    public async Task TheProcessCallbackCanDisposeTheEngineJoinAndPauseWithoutHarm()
    {
        // Join and Dispose of the thread from its own callback are refused (they would wait for themselves).
        using (var cs = Held())
        {
            var reports = new List<Exception>();
            cs.CallbackException += (_, e) => { lock (reports) { reports.Add((Exception)e.ExceptionObject); } };
            PerformanceThread thread = cs.PerformanceThread;
            int calls = 0;
            thread.ProcessCallback = c =>
            {
                if (Interlocked.Increment(ref calls) == 3)
                {
                    thread.Join();
                }
                else if (calls == 4)
                {
                    thread.Dispose();
                }
                else if (calls == 5)
                {
                    thread.Pause();
                }
            };
            thread.Play();
            Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref calls) >= 5, 5000), "the callback stopped being called");
            Assert.Equal(5, await thread.InvokeAsync(_ => 5).WaitAsync(TimeSpan.FromSeconds(5))); // paused: runs here
            lock (reports)
            {
                Assert.Equal(2, reports.Count);
                Assert.All(reports, e => Assert.IsType<InvalidOperationException>(e));
            }
            thread.Play();
            thread.Stop();
            await thread.JoinAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }

        // Disposing the engine from the callback stops the thread, then disposes once it has ended.
        Csound engine = Held();
        engine.PerformanceThread.ProcessCallback = c => c.Dispose();
        engine.PerformanceThread.Play();
        Assert.True(SpinWait.SpinUntil(() => engine.State == CsoundState.Disposed, 10_000), $"state {engine.State}");
    }

    private static Csound Held()
    {
        var cs = new Csound();
        cs.Message += (_, _) => { };
        cs.SetOption("-n -d");
        cs.CompileOrc(Header + "instr 1\n out oscili(0.1, 440)\nendin\n");
        cs.ScoreEvent('i', 1, 0, -1);
        return cs;
    }
}
