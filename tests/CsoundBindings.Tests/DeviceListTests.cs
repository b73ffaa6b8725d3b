using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

/// <summary>
/// Audio and MIDI device lists before <see cref="Csound.Start"/>, when a host still chooses its device. A private
/// JACK server on the dummy driver provides two playback and two capture ports; a MIDI monitor and a MIDI sequencer
/// client provide one MIDI port each way.
/// </summary>
public sealed class DeviceListTests
{
    private const string Sine = "sr=44100\nksmps=64\nnchnls=1\n0dbfs=1\ninstr 1\n out oscili(0.5, 440)\nendin\n";

    private static Csound Engine()
    {
        var cs = new Csound();
        cs.Message += (_, _) => { };
        return cs;
    }

    private static string[] Ids(IEnumerable<AudioDevice> devices) => devices.Select(d => d.DeviceId).Order(StringComparer.Ordinal).ToArray();

    private static string[] Ids(IEnumerable<MidiDevice> devices) => devices.Select(d => d.DeviceId).Order(StringComparer.Ordinal).ToArray();

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public void AudioDevicesAreListedBeforeStartAsAfterIt(bool byOption)
    {
        Skip.If(JackServer.Unavailable() is not null, JackServer.Unavailable());
        using var jack = JackServer.Start(44100);
        using var cs = Engine();
        if (byOption)
        {
            cs.SetOption("-+rtaudio=jack");
        }
        else
        {
            cs.SetRtAudioModule("jack");
        }
        var outputs = cs.GetAudioDevices(output: true);
        var inputs = cs.GetAudioDevices(output: false);
        Console.WriteLine($"before start: {string.Join(", ", outputs.Select(d => $"{d.DeviceId} {d.DeviceName} [{d.MaxNchnls}]"))} | {string.Join(", ", inputs.Select(d => d.DeviceId))}");
        Assert.Equal(2, outputs.Count);
        Assert.Equal(2, inputs.Count);
        Assert.All(outputs, d => Assert.True(d.IsOutput));
        Assert.All(inputs, d => Assert.False(d.IsOutput));
        // The dummy driver's ports, one channel each, as Csound's jack module names them.
        Assert.Equal(["system:playback_1", "system:playback_2"], outputs.Select(d => d.DeviceName).Order(StringComparer.Ordinal));
        Assert.Equal(["system:capture_1", "system:capture_2"], inputs.Select(d => d.DeviceName).Order(StringComparer.Ordinal));
        Assert.All(outputs, d => Assert.Equal(1, d.MaxNchnls));

        // Listing leaves the engine as it was: it starts and renders, and Csound's own list after start agrees.
        cs.SetOption("-n");
        cs.CompileOrc(Sine);
        cs.ScoreEvent('i', 1, 0, 1);
        cs.Start();
        Assert.Equal(Ids(outputs), Ids(cs.GetAudioDevices(output: true)));
        Assert.Equal(Ids(inputs), Ids(cs.GetAudioDevices(output: false)));
        var audio = new List<double>();
        for (int k = 0; k < 100; k++)
        {
            Assert.False(cs.PerformKsmps());
            audio.AddRange(cs.Spout.ToArray());
        }
        Assert.InRange(Signal.Pitch(audio.ToArray(), 44100), 440 * 0.99, 440 * 1.01);
    }

    [SkippableFact]
    public void MidiDevicesAreListedBeforeStartAsAfterIt()
    {
        Skip.If(JackServer.Unavailable() is not null, JackServer.Unavailable());
        using var jack = JackServer.Start(44100);
        using var monitor = jack.StartClient("jack_midi_dump", "", "midi-monitor:input");
        using var sequencer = jack.StartClient("jack_midiseq", "sequencer 44100 0 60 22050", "sequencer:out");
        using var cs = Engine();
        cs.SetOption("-+rtaudio=jack");
        cs.SetOption("-+rtmidi=jack");
        var outputs = cs.GetMidiDevices(output: true);
        var inputs = cs.GetMidiDevices(output: false);
        Console.WriteLine($"before start: {string.Join(", ", outputs.Select(d => d.DeviceName))} | {string.Join(", ", inputs.Select(d => d.DeviceName))}");
        Assert.Contains(outputs, d => d.DeviceName.Contains("midi-monitor", StringComparison.Ordinal));
        Assert.Contains(inputs, d => d.DeviceName.Contains("sequencer", StringComparison.Ordinal));
        cs.SetOption("-n");
        cs.CompileOrc(Sine);
        cs.Start();
        Assert.Equal(Ids(outputs), Ids(cs.GetMidiDevices(output: true)));
        Assert.Equal(Ids(inputs), Ids(cs.GetMidiDevices(output: false)));
    }

    [SkippableFact]
    public void TheSystemSampleRateOfAModuleIsReadBeforeChoosingSr()
    {
        Skip.If(JackServer.Unavailable() is not null, JackServer.Unavailable());
        using (JackServer.Start(48000))
        {
            Assert.Equal(48000, Csound.GetSystemSr("jack"));
        }
        using (JackServer.Start(32000))
        {
            Assert.Equal(32000, Csound.GetSystemSr("jack"));
        }
        // No server: the module opens nothing; the failure comes back with Csound's cause first, and the process lives
        // (Csound 6's own --get-system-sr kills the process here).
        var error = Assert.ThrowsAny<CsoundException>(() => Csound.GetSystemSr("jack"));
        Console.WriteLine($"no JACK server: {error.Message.Split('\n')[0]}");
        Assert.StartsWith("rtjack: could not connect to JACK server", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AModuleThatListsNothingGivesAnEmptyListBeforeStart()
    {
        using var cs = Engine();
        cs.SetOption("-+rtaudio=null");
        Assert.Empty(cs.GetAudioDevices());
        cs.SetOption("-+rtaudio=nosuchmodule");
        Assert.Empty(cs.GetAudioDevices());
        KnownRender.AssertStillRenders(cs);
    }
}
