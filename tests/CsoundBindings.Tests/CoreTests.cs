using System;
using System.Linq;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

public sealed class CoreTests
{
    [Fact]
    public void LoadedEngineIsTheOneTheBuildAskedFor()
    {
        Console.WriteLine($"engine: Csound {CsoundLibrary.Version} from {CsoundLibrary.LoadedPath}");
        if (TestEngine.Requested is int requested)
        {
            Assert.Equal(requested, CsoundLibrary.Version >= 7000 ? 7 : 6);
        }
        else
        {
            Assert.InRange(CsoundLibrary.Version, 6000, 7999);
        }
    }

    [Fact]
    public void VersionsEqualTheRawCalls()
    {
        using var cs = new Csound();
        Assert.Equal(TestEngine.RawVersion(), cs.Version);
        Assert.Equal(TestEngine.RawVersion(), Csound.LibraryVersion);
        Assert.Equal(TestEngine.IsApi7 ? cs.Version : TestEngine.RawApiVersion(), cs.ApiVersion);
    }

    [Fact]
    public void UseAfterDisposeThrowsObjectDisposed()
    {
        var cs = new Csound();
        cs.Dispose();
        cs.Dispose(); // idempotent
        Assert.Throws<ObjectDisposedException>(() => cs.Sr);
        Assert.Throws<ObjectDisposedException>(() => cs.PerformKsmps());
        Assert.Throws<ObjectDisposedException>(() => cs.CompileOrc("instr 1\nendin"));
        Assert.Throws<ObjectDisposedException>(() => cs.ScoreEvent('i', 1, 0, 1));
        Assert.Throws<ObjectDisposedException>(() => cs.Handle);
    }

    [Fact]
    public void DisposeReportsTheSummaryThroughMessages()
    {
        var text = new System.Text.StringBuilder();
        var cs = new Csound();
        cs.Message += (_, e) => text.Append(e.Text);
        cs.SetOption("-n");
        cs.CompileOrc("instr 1\nendin");
        cs.Start();
        cs.Dispose();
        Assert.Contains("Elapsed time at end of performance", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AThrowingMessageHandlerIsContained()
    {
        Exception? reported = null;
        EventHandler<UnhandledExceptionEventArgs> report = (_, e) => reported = (Exception)e.ExceptionObject;
        using var cs = new Csound();
        cs.CallbackException += report;
        {
            cs.Message += (_, _) => throw new InvalidOperationException("handler failure");
            cs.SetOption("-n");
            cs.CompileOrc("instr 1\n prints \"hello\\n\"\nendin");
            cs.ScoreEvent('i', 1, 0, 0.1);
            cs.SetEndMarker(0.2);
            cs.Perform();
            Assert.IsType<InvalidOperationException>(reported);
            Assert.True(cs.CurrentTimeSamples > 0);
        }
    }

    [Fact]
    public void OptionsCanShareOneStringOnBothEngines()
    {
        using var r = new OfflineRender("sr=48000\nksmps=32\nnchnls=2\n0dbfs=1\ninstr 1\nendin", "-m0 -d");
        r.Csound.Start();
        Assert.Equal(48000, r.Csound.Sr);
        Assert.Equal(32, r.Csound.Ksmps);
        Assert.Equal(2, r.Csound.Nchnls);
        Assert.Equal(1500, r.Csound.Kr);
        Assert.Equal(1.0, r.Csound.ZeroDbFs);
        Assert.Throws<InvalidOperationException>(() => r.Csound.SetOption("-m7"));
    }

    [Fact]
    public void OptionsCsoundWouldDieOnAreTypedErrorsAndTheInstanceStaysUsable()
    {
        using var cs = new Csound();
        cs.Message += (_, _) => { };
        Assert.Contains("no iobufsamps", Assert.Throws<CsoundException>(() => cs.SetOption("-b")).Message, StringComparison.Ordinal);
        Assert.Contains("no iobufsamps", Assert.Throws<CsoundException>(() => cs.SetOption("-b -d")).Message, StringComparison.Ordinal);
        Assert.Contains("unknown configuration variable", Assert.Throws<CsoundException>(() => cs.SetOption("-+nosuchvariable=1")).Message, StringComparison.Ordinal);
        Assert.Throws<CsoundException>(() => cs.SetOption("orchestra.orc"));
        if (!TestEngine.IsApi7)
        {
            Assert.Contains("unknown long option: '--nosuchoption'", Assert.Throws<CsoundException>(() => cs.SetOption("--nosuchoption")).Message, StringComparison.Ordinal);
        }
        cs.SetOption("-b 128 -B 512 -n");
        Assert.Equal((128, 512), (cs.Params.BufferFrames, cs.Params.HardwareBufferFrames));
        cs.CompileOrc("instr 1\nendin");
        cs.Start();
    }

    [Fact]
    public void UnknownEventTypeIsATypedError()
    {
        using var r = new OfflineRender("instr 1\nendin");
        r.Csound.Start();
        if (TestEngine.IsApi7)
        {
            Assert.Throws<NotSupportedException>(() => r.Csound.ScoreEvent('q', 1, 0, 0));
        }
        Assert.Throws<NotSupportedException>(() => r.Csound.ScoreEvent('x', 1, 0, 0));
    }

    [Fact]
    public void TheHotPathsAllocateNothing()
    {
        using var r = new OfflineRender("sr=44100\nksmps=16\nnchnls=2\n0dbfs=1\ninstr 1\n outs oscili(0.1, 440), oscili(0.1, 660)\nendin\ninstr 2\nendin\n", "-m0");
        r.Csound.ScoreEvent('i', 1, 0, -1);
        ControlChannel channel = r.Csound.OpenControlChannel("gain");
        Span<double> fields = stackalloc double[] { 2, 0, 0.01, 0.1, 60 };
        double sum = 0;
        for (int warm = 0; warm < 2; warm++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 2000; i++)
            {
                r.Csound.PerformKsmps();
                foreach (double s in r.Csound.Spout)
                {
                    sum += s;
                }
                channel.Value = i;
                sum += channel.Value;
                r.Csound.SetControlChannel("gain", sum);
                sum += r.Csound.GetControlChannel("gain");
                if (i % 50 == 0)
                {
                    r.Csound.ScoreEvent('i', fields);
                }
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (warm == 1)
            {
                Assert.Equal(0, allocated);
            }
        }
        Assert.NotEqual(0, sum);
    }

    [Fact]
    public void ANonBlockingCompileTakesEffectAtTheNextCycle()
    {
        using var r = new OfflineRender("sr=44100\nksmps=32\nnchnls=1\n0dbfs=1\ninstr 1\nendin\n");
        r.Csound.Start();
        r.Csound.CompileOrcNonBlocking("instr 5\n chnset 1, \"five\"\nendin\n");
        r.Run(maxCycles: 2);
        r.Csound.ScoreEvent('i', 5, 0, 0.01);
        r.Run(maxCycles: 4);
        Assert.Equal(1, r.Csound.GetControlChannel("five"));
    }

    [Fact]
    public void SpoutIsAViewOfTheCurrentCycle()
    {
        using var r = new OfflineRender("sr=44100\nksmps=16\nnchnls=2\n0dbfs=1\ninstr 1\naL init 0.25\naR init -0.5\nouts aL, aR\nendin");
        r.Csound.ScoreEvent('i', 1, 0, 1);
        r.Csound.PerformKsmps();
        r.Csound.PerformKsmps();
        Span<double> spout = r.Csound.Spout;
        Assert.Equal(32, spout.Length);
        for (int f = 0; f < 16; f++)
        {
            Assert.Equal(0.25, spout[f * 2]);
            Assert.Equal(-0.5, spout[f * 2 + 1]);
        }
        spout[0] = 9; // a view, not a copy
        Assert.Equal(9, r.Csound.Spout[0]);
    }
}
