using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

/// <summary>
/// What only Csound 6 has: buffer-level performance with its sound-file buffers, the PVS bus by copy and the
/// named-GEN list. Csound 7 removed them: there each is a NotSupportedException naming what to use instead.
/// </summary>
public sealed class Csound6HostTests : IDisposable
{
    private const string Tone = "sr=48000\nksmps=32\nnchnls=2\n0dbfs=1\ninstr 1\na1 oscili 0.5, 480\nouts a1, a1\nendin\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("csoundbindings csound6 ").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Csound Engine(string orchestra, params string[] options)
    {
        var cs = new Csound();
        cs.Message += (_, _) => { };
        cs.SetOption("-d");
        foreach (string option in options)
        {
            cs.SetOption(option);
        }
        cs.CompileOrc(orchestra);
        return cs;
    }

    [Fact]
    public void OnCsound7TheRemovedCallsSayWhatToUseInstead()
    {
        if (!TestEngine.IsApi7)
        {
            return;
        }
        using Csound cs = SilentEngine.Started();
        Assert.Contains("PerformKsmps", Assert.Throws<NotSupportedException>(() => cs.PerformBuffer()).Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => cs.OutputBuffer.Length);
        Assert.Throws<NotSupportedException>(() => cs.InputBuffer.Length);
        Assert.Contains("OpenPvsChannel", Assert.Throws<NotSupportedException>(() => cs.GetPvsFrame("spec")).Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => cs.SetPvsFrame("spec", new PvsFrame(1024, 256, 1024)));
        Assert.Throws<NotSupportedException>(() => cs.GetNamedGens());
        // The engine is still usable.
        Assert.False(cs.PerformKsmps());
    }

    [SkippableFact]
    public void PerformBufferFillsTheOutputBufferWithWhatGoesToTheFile()
    {
        Skip.If(TestEngine.IsApi7, "Csound 7 removed buffer-level performance (tested above)");
        string wav = Path.Combine(_folder, "tone.wav");
        using Csound cs = Engine(Tone, "-b256", "-f");
        cs.SetOutput(wav, "wav");
        cs.ScoreEvent('i', 1, 0, 0.5);
        cs.ScoreEvent('e', 0, 0.5);
        Assert.True(cs.OutputBuffer.IsEmpty, "no buffer before Start");
        var blocks = new List<double>();
        int calls = 0;
        while (!cs.PerformBuffer())
        {
            calls++;
            Assert.Equal(512, cs.OutputBuffer.Length); // 256 frames x 2 channels
            blocks.AddRange(cs.OutputBuffer.ToArray());
        }
        cs.Cleanup(); // closes the file
        Assert.InRange(calls, 90, 95); // 0.5 s at 48 kHz in blocks of 256 frames: 93.75
        double[] left = Signal.Channel(blocks.ToArray(), 2, 0);
        Assert.Equal(480, Signal.Pitch(left.AsSpan(4800), 48000), 1.0);
        Assert.Equal(0.5 / Math.Sqrt(2), Signal.Rms(left.AsSpan(4800, 15200)), 0.01);

        (double[] file, int rate, int channels) = Signal.ReadWav(wav); // the first channel
        Assert.Equal((48000, 2), (rate, channels));
        int compared = Math.Min(file.Length, left.Length);
        Assert.True(compared > 20_000, $"{file.Length} frames in the file, {left.Length} in the buffers");
        for (int i = 0; i < compared; i++)
        {
            Assert.Equal((double)(float)left[i], file[i]); // the file holds the same samples as floats
        }
    }

    [SkippableFact]
    public void TheInputBufferHoldsTheInputFilesSamples()
    {
        Skip.If(TestEngine.IsApi7, "Csound 7 removed buffer-level performance");
        string input = Path.Combine(_folder, "in.wav");
        using (Csound writer = Engine(Tone, "-f"))
        {
            writer.SetOutput(input, "wav");
            writer.ScoreEvent('i', 1, 0, 0.5);
            writer.ScoreEvent('e', 0, 0.5);
            writer.Perform();
        }
        using Csound cs = Engine("sr=48000\nksmps=32\nnchnls=2\n0dbfs=1\ninstr 1\na1, a2 ins\nouts a2 * 0.5, a1 * 0.5\nendin\n",
            "-b256");
        cs.SetInput(input);
        cs.SetOutput(Path.Combine(_folder, "out.wav"), "wav");
        cs.ScoreEvent('i', 1, 0, 0.4);
        cs.ScoreEvent('e', 0, 0.4);
        var input1 = new List<double>();
        var output1 = new List<double>();
        while (!cs.PerformBuffer())
        {
            Assert.Equal(512, cs.InputBuffer.Length);
            input1.AddRange(cs.InputBuffer.ToArray());
            output1.AddRange(cs.OutputBuffer.ToArray());
        }
        double[] inLeft = Signal.Channel(input1.ToArray(), 2, 0);
        Assert.Equal(480, Signal.Pitch(inLeft.AsSpan(4800), 48000), 1.0);
        Assert.Equal(0.5 / Math.Sqrt(2), Signal.Rms(inLeft.AsSpan(4800, 10200)), 0.01);
        // What came in is what the orchestra passed on at half level.
        Assert.Equal(Signal.Rms(inLeft.AsSpan(4800, 10200)) / 2, Signal.Rms(Signal.Channel(output1.ToArray(), 2, 1).AsSpan(4800, 10200)), 0.005);
    }

    [SkippableFact]
    public void APvsoutFrameIsCopiedToTheHostWithThePeakAtTheTonesFrequency()
    {
        Skip.If(TestEngine.IsApi7, "Csound 7 shares PVS frames through OpenPvsChannel (DataChannelTests)");
        using Csound cs = Engine("sr=44100\nksmps=64\nnchnls=1\n0dbfs=1\ninstr 1\na1 oscili 0.5, 440\nfsig pvsanal a1, 1024, 256, 1024, 1\npvsout fsig, 1\nendin\n", "-n");
        cs.ScoreEvent('i', 1, 0, 1);
        cs.Start();
        Assert.Equal(0, cs.GetPvsFrame("1").FftSize);
        for (int i = 0; i < 100; i++)
        {
            cs.PerformKsmps();
        }
        PvsFrame frame = cs.GetPvsFrame("1");
        Assert.Equal((1024, 256, 1024, PvsWindow.Hann), (frame.FftSize, frame.Overlap, frame.WindowSize, frame.Window));
        Assert.Equal(1026, frame.Bins.Length);
        Assert.True(frame.FrameCount > 0);
        int peak = Enumerable.Range(0, 513).MaxBy(frame.Amplitude);
        Assert.InRange(peak, 9, 11); // 440 Hz / (44100 / 1024) = 10.2
        Assert.Equal(440, frame.Frequency(peak), 2.0);
    }

    [SkippableFact]
    public void AFrameCopiedFromTheHostIsResynthesisedByPvsin()
    {
        Skip.If(TestEngine.IsApi7, "Csound 7 shares PVS frames through OpenPvsChannel (DataChannelTests)");
        using var r = new OfflineRender("sr=44100\nksmps=64\nnchnls=1\n0dbfs=1\ninstr 1\nfsig pvsin 1, 1024, 256, 1024, 1\na1 pvsynth fsig\nout a1\nendin\n");
        var frame = new PvsFrame(1024, 256, 1024, PvsWindow.Hann);
        for (int bin = 0; bin < 513; bin++)
        {
            frame.Bins[2 * bin] = bin == 23 ? 0.3f : 0f;
            frame.Bins[(2 * bin) + 1] = bin == 23 ? 1000f : bin * 44100f / 1024;
        }
        r.Csound.ScoreEvent('i', 1, 0, 1);
        r.Csound.Start();
        r.Run(maxCycles: 300, beforeCycle: (cs, _) => cs.SetPvsFrame("1", frame));
        double[] audio = r.Audio[10_000..];
        Assert.Equal(1000, Signal.Pitch(audio, 44100, 200, 2000), 5.0);
        Assert.True(Signal.Rms(audio) > 0.05, $"rms {Signal.Rms(audio)}");
        Assert.Throws<ArgumentException>(() => r.Csound.SetPvsFrame("1", new PvsFrame(1024, 256, 1024, PvsWindow.Hann, 0, 0, new float[10])));
    }

    [SkippableFact]
    public void NamedGensAreListedAndTheirNumbersMakeTheSameTable()
    {
        Skip.If(TestEngine.IsApi7, "Csound 7 has no named-GEN list");
        using Csound cs = SilentEngine.Create(SilentEngine.Header + "instr 1\nendin\n");
        IReadOnlyDictionary<string, int> gens = cs.GetNamedGens();
        Assert.Contains("tanh", gens.Keys);
        Assert.Contains("padsynth", gens.Keys);
        Assert.All(gens.Values, n => Assert.True(n > 60, $"GEN {n}"));
        Assert.Equal(gens.Count, gens.Values.Distinct().Count());
        cs.CompileOrc($"gi1 ftgen 1, 0, 16, \"tanh\", -5, 5, 0\ngi2 ftgen 2, 0, 16, {gens["tanh"]}, -5, 5, 0\n");
        cs.Start();
        double[] byName = cs.GetTable(1).ToArray();
        Assert.Equal(byName, cs.GetTable(2).ToArray());
        // GEN "tanh" from -5 to 5, normalised to a peak of 1 (a positive GEN number).
        Assert.Equal(-1, byName[0], 9);
        Assert.Equal(Math.Tanh(-2.5) / Math.Tanh(5), byName[4], 9);
    }
}
