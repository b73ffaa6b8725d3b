using System;
using System.IO;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

/// <summary>Output and input files whose paths hold spaces: one name, never split like an option string.</summary>
public sealed class PathTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("csoundbindings paths ").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void Render(Csound cs, string orchestra, double seconds)
    {
        cs.SetOption("-d");
        cs.CompileOrc(orchestra);
        cs.ScoreEvent('i', 1, 0, seconds);
        cs.SetEndMarker(seconds);
        cs.Start();
        while (!cs.PerformKsmps())
        {
        }
    }

    [Fact]
    public void OutputAndInputFilesWithSpacesInTheirPathsWork()
    {
        string written = Path.Combine(_folder, "out dir", "a sine.wav");
        Directory.CreateDirectory(Path.GetDirectoryName(written)!);
        using (var cs = new Csound())
        {
            cs.Message += (_, _) => { };
            cs.SetOutput(written, "wav", "float");
            Render(cs, "sr=44100\nksmps=64\nnchnls=1\n0dbfs=1\ninstr 1\n out oscili(0.5, 330)\nendin\n", 0.5);
        }
        var (samples, rate, channels) = Signal.ReadWav(written);
        Assert.Equal((44100, 1), (rate, channels));
        Assert.InRange(Signal.Pitch(samples, rate), 330 * 0.99, 330 * 1.01);
        Assert.InRange(Signal.Rms(samples), 0.5 / Math.Sqrt(2) * 0.98, 0.5 / Math.Sqrt(2) * 1.02);

        // Read it back through -i, halve it, and write it to another path with spaces.
        string copied = Path.Combine(_folder, "out dir", "half of it.wav");
        using (var cs = new Csound())
        {
            cs.Message += (_, _) => { };
            cs.SetInput(written);
            cs.SetOutput(copied, "wav", "float");
            Render(cs, "sr=44100\nksmps=64\nnchnls=1\nnchnls_i=1\n0dbfs=1\ninstr 1\n out in() * 0.5\nendin\n", 0.4);
        }
        var (halved, _, _) = Signal.ReadWav(copied);
        double[] middle = halved[4410..13230];
        Assert.InRange(Signal.Pitch(middle, 44100), 330 * 0.99, 330 * 1.01);
        Assert.InRange(Signal.Rms(middle), 0.25 / Math.Sqrt(2) * 0.98, 0.25 / Math.Sqrt(2) * 1.02);
    }

    [Fact]
    public void SetOutputIsRefusedAfterStartLikeAnOption()
    {
        using Csound cs = SilentEngine.Create(SilentEngine.Header + "instr 1\nendin\n");
        cs.Start();
        Assert.Throws<InvalidOperationException>(() => cs.SetOutput(Path.Combine(_folder, "late.wav")));
        Assert.Throws<InvalidOperationException>(() => cs.SetInput(Path.Combine(_folder, "late.wav")));
    }
}
