using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using CsoundBindings.Tests.Support;
using FirstSteps;
using Xunit;

namespace CsoundBindings.Tests;

/// <summary>Realtime -odac through Csound's real rt-audio modules, captured where a test can read the samples.</summary>
public sealed class RealtimeDacTests
{
    private const int Sr = 44100;

    // One 1 s note of pitch 69 (440 Hz) from 0.2 s, 0.2 s release, end at 2 s. Returns the wall time of the
    // run: perform plus the close, where Csound's audio module drains what the device still holds.
    private static double Play(string[] options)
    {
        var cs = new Csound();
        cs.Message += (_, _) => { };
        foreach (string option in options)
        {
            cs.SetOption(option);
        }
        cs.CompileOrc(Guide.Orchestra);
        cs.ScoreEvent('i', 1, 0.2, 1, 0.2, 69, 0.01, 0.2);
        cs.SetEndMarker(2);
        var clock = Stopwatch.StartNew();
        cs.Perform();
        cs.Dispose();
        return clock.Elapsed.TotalSeconds;
    }

    private static void AssertTheNote(double[] audio, double offset)
    {
        ReadOnlySpan<double> At(double from, double to) => audio.AsSpan((int)((from + offset) * Sr), (int)((to - from) * Sr));
        Assert.True(audio.Length >= 1.6 * Sr, $"only {audio.Length} samples captured");
        Assert.True(Signal.Peak(At(0.0, 0.15)) < 1e-3, "noise before the note");
        Assert.InRange(Signal.Pitch(At(0.4, 1.0), Sr), 440 * 0.99, 440 * 1.01);
        Assert.True(Signal.Rms(At(0.4, 1.0)) > 0.05, "the note is too quiet");
        Assert.True(Signal.Peak(At(1.5, 1.6)) < 1e-3, "no silence after the release");
    }

    [Fact]
    public void AlsaFilePluginCapturesTheNotes()
    {
        string wav = Path.Combine(Directory.CreateTempSubdirectory("alsa").FullName, "dac.wav");
        Play(new[] { "-+rtaudio=alsa", $"-odac:file:FILE={wav},FORMAT=wav" });
        var (samples, rate, _) = Signal.ReadWav(wav);
        Assert.Equal(Sr, rate);
        AssertTheNote(samples, 0);
    }

    [SkippableFact]
    public void PulseAudioPipeSinkCapturesTheNotesInRealTime()
    {
        Skip.If(PulseAudioServer.Unavailable() is not null, PulseAudioServer.Unavailable());
        using var server = PulseAudioServer.Start(Sr, 1);
        double seconds = Play(new[] { "-+rtaudio=pulse", $"-odac:{PulseAudioServer.SinkName}" });
        Thread.Sleep(500); // let the last buffers drain into the pipe
        Console.WriteLine($"pulse: a 2 s score took {seconds:F3} s");
        Assert.True(seconds >= 1.8, $"a 2 s score took {seconds:F3} s: not paced like a device");
        double[] audio = server.Samples(1);
        int start = Signal.FirstAbove(audio, 1e-3);
        Assert.True(start >= 0, "nothing was captured");
        // The stream may begin with idle silence before Csound connects; align on the note's onset (0.2 s into the score).
        AssertTheNote(audio, start / (double)Sr - 0.2);
    }
}
