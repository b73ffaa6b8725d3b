using System.Collections.Generic;
using Xunit;

namespace CsoundBindings.Tests.Support;

/// <summary>The check that an engine is still fine after hostile input: reset it, render a known sine, look at the samples.</summary>
internal static class KnownRender
{
    private const string Sine = "sr=44100\nksmps=64\nnchnls=1\n0dbfs=1\ninstr 1\n out oscili(0.5, 440)\nendin\n";

    /// <summary>Resets <paramref name="cs"/>, renders 0.25 s of a 440 Hz sine at 0.5 and checks pitch and level.</summary>
    public static void AssertStillRenders(Csound cs)
    {
        cs.Reset();
        cs.SetOption("-n -d");
        cs.CompileOrc(Sine);
        cs.ScoreEvent('i', 1, 0, 1);
        var audio = new List<double>();
        for (int k = 0; k < 44100 / 4 / 64; k++)
        {
            Assert.False(cs.PerformKsmps());
            audio.AddRange(cs.Spout.ToArray());
        }
        double[] samples = audio.ToArray();
        Assert.InRange(Signal.Rms(samples), 0.5 / System.Math.Sqrt(2) * 0.98, 0.5 / System.Math.Sqrt(2) * 1.02);
        Assert.InRange(Signal.Pitch(samples, 44100), 440 * 0.99, 440 * 1.01);
    }
}
