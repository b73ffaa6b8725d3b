using System;
using System.Collections.Generic;
using CsoundBindings.Tests.Support;
using CsoundBindings.Tests.TypedOrchestras;
using Xunit;

namespace CsoundBindings.Tests;

/// <summary>
/// End to end on this engine: typed-synth.csd is an AdditionalFiles item of this project, the source generator turns
/// it into <see cref="TypedSynth"/>, and only generated members set the level and play the notes.
/// </summary>
public sealed class TypedOrchestraTests
{
    private static double[] Render(TypedSynth synth, double seconds)
    {
        var audio = new List<double>();
        int cycles = (int)Math.Round(seconds * synth.Csound.Sr / synth.Csound.Ksmps);
        for (int i = 0; i < cycles; i++)
        {
            synth.Csound.PerformKsmps();
            audio.AddRange(synth.Csound.Spout.ToArray());
        }
        return audio.ToArray();
    }

    [Fact]
    public void TheGeneratedMembersSetTheLevelAndPitchOfWhatPlays()
    {
        using TypedSynth synth = TypedSynth.Open("-n");
        Assert.Equal("-d -m0", TypedSynth.Options);
        Assert.Contains("instr Tone", TypedSynth.Orchestra, StringComparison.Ordinal);
        synth.Csound.Start();
        synth.Gain = 0.5;
        ScheduledNote note = synth.Tone(0, 0.5, amp: 0.8, freq: 330);
        Assert.Equal(synth.Csound.InstrumentNumber(TypedSynth.Instruments.Tone), Math.Floor(note.Instance));

        double[] audio = Render(synth, 0.7);
        var sounding = audio.AsSpan(2000, 18000);
        Assert.Equal(330, Signal.Pitch(sounding, 44100), 2.0);
        Assert.Equal(0.8 * 0.5 / Math.Sqrt(2), Signal.Rms(sounding), 0.01);
        Assert.True(Signal.Peak(audio.AsSpan(23_000)) < 1e-9, "silence after the note's 0.5 s");
        Assert.Equal(330, synth.LastFreq);
    }

    [Fact]
    public void AHeldNoteUsesThePsetDefaultsAndStopsWhenTurnedOff()
    {
        using TypedSynth synth = TypedSynth.Open("-n");
        synth.Csound.Start();
        ScheduledNote held = synth.Hold(0, -1);
        double[] playing = Render(synth, 0.3);
        Assert.Equal(220, Signal.Pitch(playing.AsSpan(1000), 44100), 2.0);
        Assert.Equal(0.2 / Math.Sqrt(2), Signal.Rms(playing.AsSpan(1000)), 0.01);

        ScheduledNote other = synth.Hold(0, -1, amp: 0.1, freq: 440);
        Render(synth, 0.05);
        held.TurnOff();
        double[] after = Render(synth, 0.2);
        // Only the other note is left: its pitch and level.
        Assert.Equal(440, Signal.Pitch(after.AsSpan(500), 44100), 3.0);
        Assert.Equal(0.1 / Math.Sqrt(2), Signal.Rms(after.AsSpan(500)), 0.01);
        other.TurnOff();
        double[] silent = Render(synth, 0.1);
        Assert.True(Signal.Peak(silent.AsSpan(200)) < 1e-9, "both notes off");
    }

    [Fact]
    public void ThePerformanceThreadOverloadPlaysThroughTheThreadsStream()
    {
        string wav = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"typed-thread-{Guid.NewGuid():N}.wav");
        try
        {
            using TypedSynth synth = TypedSynth.Open("-n");
            using var thread = new PerformanceThread(synth.Csound);
            thread.Record(wav);
            thread.Play();
            synth.Gain = 1;
            synth.Tone(thread, 0, 0.4, amp: 0.4, freq: 550);
            using (var otherEngine = new Csound())
            using (var otherThread = new PerformanceThread(otherEngine))
            {
                Assert.Throws<ArgumentException>(() => synth.Tone(otherThread, 0, 1, 0.1, 100));
            }
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (synth.LastFreq != 550 && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                System.Threading.Thread.Sleep(10);
            }
            System.Threading.Thread.Sleep(600);
            thread.StopRecord();
            thread.Stop();
            thread.Join();
            Assert.Equal(550, synth.LastFreq);
            (double[] samples, int rate, _) = Signal.ReadWav(wav);
            int onset = Signal.FirstAbove(samples, 0.05);
            Assert.True(onset >= 0, "the note was recorded");
            var note = samples.AsSpan(onset + 500, 8000);
            Assert.Equal(550, Signal.Pitch(note, rate, 200, 1000), 3.0);
            Assert.Equal(0.4 / Math.Sqrt(2), Signal.Rms(note), 0.02);
        }
        finally
        {
            System.IO.File.Delete(wav);
        }
    }
}
