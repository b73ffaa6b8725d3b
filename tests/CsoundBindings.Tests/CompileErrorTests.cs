using System;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

public sealed class CompileErrorTests
{
    [Fact]
    public void ABrokenOrchestraThrowsWithCsoundsTextAndTheInstanceStaysUsable()
    {
        using var r = new OfflineRender("sr=44100\nksmps=64\nnchnls=1\n0dbfs=1\n");
        var error = Assert.Throws<CsoundCompileException>(() => r.Csound.CompileOrc("instr 1\n a1 oscilx 0.5, 440\n out a1\nendin\n"));
        Assert.NotEqual(0, error.Code);
        Assert.Contains("error", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("oscilx", error.CsoundText, StringComparison.Ordinal);

        r.Csound.CompileOrc("instr 1\n a1 oscili 0.5, 440\n out a1\nendin\n");
        r.Csound.ScoreEvent('i', 1, 0, 0.5);
        r.Csound.SetEndMarker(0.5);
        r.Run();
        Assert.InRange(Signal.Rms(r.Audio), 0.3, 0.4); // a 0.5 sine: rms 0.354
        Assert.InRange(Signal.Pitch(r.Audio, 44100), 440 * 0.99, 440 * 1.01);
    }

    [Fact]
    public void ARejectedOptionOrMissingFileIsTyped()
    {
        using var cs = new Csound();
        Assert.Throws<System.IO.FileNotFoundException>(() => cs.CompileCsd("/nonexistent/file.csd"));
        Assert.Throws<CsoundCompileException>(() => cs.CompileCsdText("<CsoundSynthesizer><CsInstruments>instr 1\n a1 nosuchopcode\nendin</CsInstruments></CsoundSynthesizer>"));
    }
}
