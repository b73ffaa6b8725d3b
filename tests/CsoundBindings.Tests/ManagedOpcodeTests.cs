using System;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

public sealed class ManagedOpcodeTests
{
    [Fact]
    public void ACSharpOpcodeProcessesAudioInARenderedOrchestra()
    {
        using var r = new OfflineRender("sr=44100\nksmps=32\nnchnls=1\n0dbfs=1\n");
        int inits = 0;
        // csgain: a-rate output = a-rate input * k-rate gain, with a one-pole smoother kept in the instance state.
        r.Csound.AppendOpcode(new ManagedOpcode("csgain", "a", "ak",
            Init: ctx => inits++,
            Perform: ctx =>
            {
                ReadOnlySpan<double> input = ctx.Input(0);
                double gain = ctx.Input(1)[0];
                Span<double> output = ctx.Output(0);
                for (int i = 0; i < ctx.Ksmps; i++)
                {
                    output[i] = input[i] * gain;
                }
                ctx.State[0] += 1; // cycles seen by this instance
            }));
        r.Csound.AppendOpcode(new ManagedOpcode("cssum", "i", "ii", Init: ctx => ctx.Output(0)[0] = ctx.Input(0)[0] + ctx.Input(1)[0], Perform: null));
        r.Csound.CompileOrc("instr 1\n a1 oscili 0.8, 440\n a2 csgain a1, 0.25\n out a2\n chnset cssum(2, 3.5), \"sum\"\nendin\n");
        r.Csound.ScoreEvent('i', 1, 0, 0.5);
        r.Csound.SetEndMarker(0.5);
        r.Run();
        Assert.Equal(1, inits);
        Assert.Equal(5.5, r.Csound.GetControlChannel("sum"));
        double[] audio = r.Audio;
        Assert.InRange(Signal.Rms(audio.AsSpan(2000)), 0.2 / Math.Sqrt(2) * 0.98, 0.2 / Math.Sqrt(2) * 1.02);
        Assert.InRange(Signal.Pitch(audio.AsSpan(2000, 10000), 44100), 440 * 0.99, 440 * 1.01);
    }

    [Fact]
    public void AnOpcodeThatWouldBeShadowedByABuiltInIsRefused()
    {
        using var r = new OfflineRender("sr=44100\nksmps=32\nnchnls=1\n0dbfs=1\n");
        // Csound's own fold has these types; it accepted a second one silently and kept running its own.
        var error = Assert.Throws<ArgumentException>(() => r.Csound.AppendOpcode(new ManagedOpcode("fold", "a", "ak", Init: null, Perform: _ => { })));
        Assert.Contains("fold", error.Message, StringComparison.Ordinal);
        // Another name with the same code is fine, and it is listed afterwards.
        r.Csound.AppendOpcode(new ManagedOpcode("csfold", "a", "ak", Init: null, Perform: ctx => ctx.Output(0).Clear()));
        Assert.Contains(r.Csound.GetOpcodes(), o => o.Name == "csfold");
        r.Csound.CompileOrc("instr 1\n out csfold(oscili(0.5, 440), 1)\nendin\n");
        r.Csound.ScoreEvent('i', 1, 0, 0.2);
        r.Csound.SetEndMarker(0.2);
        r.Run();
        Assert.True(Signal.Peak(r.Audio) < 1e-9, "csfold, which writes silence, did not run");
    }

    [Fact]
    public void AThrowingCSharpOpcodeFailsItsInstanceNotTheProcess()
    {
        using var r = new OfflineRender("sr=44100\nksmps=32\nnchnls=1\n0dbfs=1\n");
        Exception? reported = null;
        EventHandler<UnhandledExceptionEventArgs> report = (_, e) => reported = (Exception)e.ExceptionObject;
        r.Csound.CallbackException += report;
        {
            r.Csound.AppendOpcode(new ManagedOpcode("csfail", "k", "k", Init: null, Perform: _ => throw new InvalidOperationException("opcode failure")));
            r.Csound.CompileOrc("instr 1\n k1 csfail 1\nendin\ninstr 2\n chnset 1, \"alive\"\nendin\n");
            r.Csound.ScoreEvent('i', 1, 0, 0.1);
            r.Csound.ScoreEvent('i', 2, 0.2, 0.1);
            r.Csound.SetEndMarker(0.4);
            r.Run();
            Assert.IsType<InvalidOperationException>(reported);
            Assert.Equal(1, r.Csound.GetControlChannel("alive"));
        }
    }
}
