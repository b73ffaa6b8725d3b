using System;
using System.Linq;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

public sealed class ChannelTests
{
    private const string Header = "sr=44100\nksmps=32\nnchnls=1\n0dbfs=1\n";

    [Fact]
    public void AControlChannelWrittenFromCSharpChangesTheRenderedAmplitude()
    {
        using var r = new OfflineRender(Header + "instr 1\n kamp chnget \"amp\"\n a1 oscili kamp, 440\n out a1\nendin\n");
        ControlChannel amp = r.Csound.OpenControlChannel("amp", ChannelDirection.Input);
        Assert.Same(amp, r.Csound.OpenControlChannel("amp", ChannelDirection.Input));
        amp.Value = 0.2;
        r.Csound.ScoreEvent('i', 1, 0, 2);
        r.Run(maxCycles: 1378); // 1 s
        r.Csound["amp"] = 0.5;  // the indexer reaches the same channel
        r.Run(maxCycles: 2756);
        double[] audio = r.Audio;
        Assert.InRange(Signal.Rms(audio.AsSpan(4410, 30000)), 0.2 / Math.Sqrt(2) * 0.98, 0.2 / Math.Sqrt(2) * 1.02);
        Assert.InRange(Signal.Rms(audio.AsSpan(50000, 30000)), 0.5 / Math.Sqrt(2) * 0.98, 0.5 / Math.Sqrt(2) * 1.02);
        Assert.Equal(0.5, amp.Value);
    }

    [Fact]
    public void ChnsetInTheOrchestraIsReadBack()
    {
        using var r = new OfflineRender(Header + "instr 1\n chnset 0.75, \"level\"\n chnset \"hello\", \"word\"\nendin\n");
        r.Csound.ScoreEvent('i', 1, 0, 0.1);
        r.Run(maxCycles: 5);
        Assert.Equal(0.75, r.Csound.GetControlChannel("level"));
        Assert.Equal(0.75, r.Csound.OpenControlChannel("level").AsSpan()[0]);
        Assert.Equal("hello", r.Csound.GetStringChannel("word"));
        var channels = r.Csound.ListChannels();
        Assert.Contains(channels, c => c.Name == "level" && c.Kind == ChannelKind.Control);
        Assert.Contains(channels, c => c.Name == "word" && c.Kind == ChannelKind.String);
    }

    [Fact]
    public void AStringChannelRoundTripsUtf8()
    {
        using var r = new OfflineRender(Header + "instr 1\n Sin chnget \"in\"\n chnset strcat(Sin, \"!\"), \"out\"\nendin\n");
        r.Csound.SetStringChannel("in", "Grüße");
        r.Csound.OpenStringChannel("out");
        r.Csound.ScoreEvent('i', 1, 0, 0.1);
        r.Run(maxCycles: 3);
        Assert.Equal("Grüße!", r.Csound.OpenStringChannel("out").Value);
    }

    [Fact]
    public void AnAudioChannelRoundTripsAKnownBufferSampleExact()
    {
        using var r = new OfflineRender(Header + "instr 1\n a1 chnget \"in\"\n chnset a1 * 2, \"out\"\nendin\n");
        r.Csound.ScoreEvent('i', 1, 0, 1);
        r.Csound.Start();
        AudioChannel input = r.Csound.OpenAudioChannel("in", ChannelDirection.Input);
        AudioChannel output = r.Csound.OpenAudioChannel("out", ChannelDirection.Output);
        double[] ramp = Enumerable.Range(0, 32).Select(i => i / 64.0 - 0.25).ToArray();
        var back = new double[32];
        for (int cycle = 0; cycle < 4; cycle++)
        {
            input.Write(ramp);
            r.Csound.PerformKsmps();
            Assert.Equal(32, output.Read(back));
        }
        Assert.Equal(ramp.Select(x => x * 2), back);
        r.Csound.SetAudioChannel("in", ramp.Reverse().ToArray());
        r.Csound.PerformKsmps();
        r.Csound.GetAudioChannel("out", back);
        Assert.Equal(ramp.Reverse().Select(x => x * 2), back);
    }

    [Fact]
    public void AChannelOfAnotherKindIsATypedErrorAndStaleChannelsAreRefused()
    {
        using var cs = new Csound();
        ControlChannel c = cs.OpenControlChannel("x");
        var error = Assert.Throws<CsoundException>(() => cs.OpenAudioChannel("x"));
        Assert.Contains("control channel named x already exists", error.Message, StringComparison.Ordinal);
        cs.Reset();
        Assert.Throws<ObjectDisposedException>(() => c.Value);
        Assert.Equal(0, cs.OpenControlChannel("x").Value);
    }

    [Fact]
    public void ControlHintsRoundTrip()
    {
        using var cs = new Csound();
        cs.OpenControlChannel("cutoff");
        cs.SetControlChannelHints("cutoff", new ControlChannelHints(ControlChannelBehavior.Exponential, 1000, 20, 20000, Attributes: "unit=Hz"));
        ControlChannelHints? hints = cs.GetControlChannelHints("cutoff");
        Assert.NotNull(hints);
        Assert.Equal(ControlChannelBehavior.Exponential, hints.Behavior);
        Assert.Equal((1000.0, 20.0, 20000.0), (hints.Default, hints.Minimum, hints.Maximum));
        Assert.Equal("unit=Hz", hints.Attributes);
        Assert.Null(cs.GetControlChannelHints("nosuchchannel"));
    }

    [Fact]
    public void InvalueAndOutvalueReachTheEvents()
    {
        using var r = new OfflineRender(Header + "instr 1\n kin invalue \"knob\"\n outvalue \"echo\", kin * 10\nendin\n");
        r.Csound.InputChannelRequested += (_, e) => e.Value = e.Name == "knob" ? 0.25 : 0;
        double echoed = double.NaN;
        r.Csound.OutputChannelWritten += (_, e) => echoed = e.Name == "echo" ? e.Value : echoed;
        r.Csound.ScoreEvent('i', 1, 0, 0.1);
        r.Run(maxCycles: 4);
        Assert.Equal(2.5, echoed);
    }
}
