using System;
using System.Collections.Generic;
using System.Linq;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

/// <summary>
/// A host-owned audio device as Csound's rt-audio module (<see cref="Csound.SetAudioBackend"/>): what Csound plays
/// arrives sample for sample, what the backend records is what the orchestra reads, and a device that refuses to
/// open fails Start with Csound's message. Csound 7 has no public rt-audio callbacks: NotSupportedException.
/// </summary>
public sealed class AudioBackendTests
{
    private const string Header = "sr=44100\nksmps=32\nnchnls=2\nnchnls_i=1\n0dbfs=1\n";

    private sealed class Device(bool accept = true) : IAudioBackend
    {
        public List<double> Played { get; } = [];
        public List<AudioStreamInfo> Opened { get; } = [];
        public int Closed { get; private set; }
        private long _recorded;

        public bool OpenPlayback(AudioStreamInfo stream)
        {
            Opened.Add(stream);
            return accept;
        }

        public bool OpenRecording(AudioStreamInfo stream)
        {
            Opened.Add(stream);
            return accept;
        }

        public void Play(ReadOnlySpan<double> interleaved) => Played.AddRange(interleaved.ToArray());

        // A known input: sample n is sin(n / 10), mono.
        public int Record(Span<double> interleaved)
        {
            for (int i = 0; i < interleaved.Length; i++)
            {
                interleaved[i] = Math.Sin(_recorded++ / 10.0);
            }
            return interleaved.Length;
        }

        public void Close() => Closed++;
    }

    private static Csound Engine()
    {
        var cs = new Csound();
        cs.Message += (_, _) => { };
        return cs;
    }

    // Csound 7 has no public rt-audio callbacks: there the call is a NotSupportedException that names the
    // alternative, the engine stays usable, and the test ends (false).
    private static bool Attach(Csound cs, IAudioBackend device)
    {
        if (!TestEngine.IsApi7)
        {
            cs.SetAudioBackend(device);
            return true;
        }
        var error = Assert.Throws<NotSupportedException>(() => cs.SetAudioBackend(device));
        Assert.Contains("SetHostAudioIO", error.Message, StringComparison.Ordinal);
        KnownRender.AssertStillRenders(cs);
        return false;
    }

    [Fact]
    public void WhatCsoundPlaysArrivesSampleForSample()
    {
        const string Orchestra = Header + "instr 1\n a1 oscili 0.5, 440\n a2 oscili 0.25, 660\n outs a1, a2\nendin\n";
        var device = new Device();
        using (Csound cs = Engine())
        {
            if (!Attach(cs, device))
            {
                return;
            }
            cs.SetOption("-odac -b 128 -B 512 -d");
            cs.CompileOrc(Orchestra);
            cs.ScoreEvent('i', 1, 0, 0.5);
            cs.SetEndMarker(0.5);
            cs.Perform();
        }
        AudioStreamInfo opened = Assert.Single(device.Opened);
        Assert.Equal((2, 44100.0, 128), (opened.Channels, opened.SampleRate, opened.BufferFrames));
        Assert.Equal(1, device.Closed);

        // The same orchestra and score, performed by the host loop: Spout is what Csound computed.
        var expected = new List<double>();
        using (Csound reference = Engine())
        {
            reference.SetOption("-n -d");
            reference.CompileOrc(Orchestra);
            reference.ScoreEvent('i', 1, 0, 0.5);
            reference.SetEndMarker(0.5);
            while (!reference.PerformKsmps())
            {
                expected.AddRange(reference.Spout.ToArray());
            }
        }
        Assert.True(device.Played.Count >= expected.Count, $"{device.Played.Count} samples played, {expected.Count} computed");
        Assert.Equal(expected, device.Played.Take(expected.Count));
        double[] left = device.Played.Where((_, i) => i % 2 == 0).ToArray();
        Assert.InRange(Signal.Pitch(left.AsSpan(2205, 11025), 44100), 440 * 0.99, 440 * 1.01);
    }

    [Fact]
    public void WhatTheBackendRecordsIsWhatTheOrchestraReads()
    {
        var device = new Device();
        using (Csound cs = Engine())
        {
            if (!Attach(cs, device))
            {
                return;
            }
            cs.SetOption("-odac -iadc -b 128 -B 512 -d");
            cs.CompileOrc(Header + "instr 1\n ain in\n outs ain * 0.5, ain\nendin\n");
            cs.ScoreEvent('i', 1, 0, 0.5);
            cs.SetEndMarker(0.5);
            cs.Perform();
        }
        Assert.Equal(2, device.Opened.Count);
        double[] right = device.Played.Where((_, i) => i % 2 == 1).ToArray();
        double[] left = device.Played.Where((_, i) => i % 2 == 0).ToArray();
        // Output frame n carries input sample n - lag; find the lag, then every frame after it must match exactly.
        int lag = Enumerable.Range(0, 2048).First(l => Enumerable.Range(l, 64).All(n => right[n] == Math.Sin((n - l) / 10.0)));
        for (int n = lag; n < right.Length; n++)
        {
            Assert.Equal(Math.Sin((n - lag) / 10.0), right[n]);
            Assert.Equal(0.5 * right[n], left[n]);
        }
        Console.WriteLine($"recorded input came back {lag} frames later, {right.Length - lag} frames compared");
    }

    [Fact]
    public void ADeviceThatRefusesToOpenFailsStartAndTheEngineStaysUsable()
    {
        using Csound cs = Engine();
        if (!Attach(cs, new Device(accept: false)))
        {
            return;
        }
        cs.SetOption("-odac -d");
        cs.CompileOrc(Header + "instr 1\n outs oscili(0.5, 440), oscili(0.5, 440)\nendin\n");
        var error = Assert.ThrowsAny<CsoundException>(() => cs.Start());
        Assert.Contains("audio", error.Message, StringComparison.OrdinalIgnoreCase);
        KnownRender.AssertStillRenders(cs);
    }
}
