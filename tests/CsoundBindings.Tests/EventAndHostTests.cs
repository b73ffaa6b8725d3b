using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

public sealed class EventAndHostTests
{
    private const string Header = "sr=44100\nksmps=32\nnchnls=1\n0dbfs=1\n";

    [Fact]
    public void KillInstanceSilencesAHeldNote()
    {
        using var r = new OfflineRender(Header + "instr 1\n a1 oscili 0.3, 440\n out a1\nendin\n");
        r.Csound.ScoreEvent('i', 1, 0, -1);
        r.Run(maxCycles: 100);
        Assert.True(Signal.Rms(r.Audio.AsSpan(1600)) > 0.15);
        r.Csound.KillInstance(1, KillMode.All, allowRelease: false);
        int before = r.Audio.Length;
        r.Run(maxCycles: 200);
        Assert.Equal(0, Signal.Peak(r.Audio.AsSpan(before + 64)));
    }

    [Fact]
    public void ExternalMidiDeliversANoteOnThatTriggersAnInstrument()
    {
        var pending = new Queue<byte[]>(new[] { new byte[] { 0x90, 64, 100 } });
        using var cs = new Csound();
        cs.Message += (_, _) => { };
        cs.SetOption("-n");
        cs.SetExternalMidiInput(buffer =>
        {
            if (!pending.TryDequeue(out byte[]? message))
            {
                return 0;
            }
            message.CopyTo(buffer);
            return message.Length;
        });
        cs.CompileOrc(Header + "massign 0, 1\ninstr 1\n chnset notnum(), \"note\"\n chnset veloc(0, 127), \"velocity\"\nendin\n");
        for (int i = 0; i < 20 && !cs.TryGetControlChannel("note", out _); i++)
        {
            cs.PerformKsmps();
        }
        Assert.Equal(64, cs.GetControlChannel("note"));
        Assert.Equal(100, cs.GetControlChannel("velocity"), 9);
    }

    [Fact]
    public void HostImplementedAudioMovesSamplesThroughSpinAndSpout()
    {
        using var cs = new Csound();
        cs.Message += (_, _) => { };
        cs.SetHostAudioIO();
        cs.CompileOrc("sr=44100\nksmps=16\nnchnls=1\nnchnls_i=1\n0dbfs=1\ninstr 1\n a1 inch 1\n out a1 * -0.5\nendin\n");
        cs.ScoreEvent('i', 1, 0, 1);
        cs.Start();
        for (int cycle = 0; cycle < 3; cycle++)
        {
            Span<double> spin = cs.Spin;
            Assert.Equal(16, spin.Length);
            for (int i = 0; i < spin.Length; i++)
            {
                spin[i] = (cycle * 16 + i) / 100.0;
            }
            cs.PerformKsmps();
            Span<double> spout = cs.Spout;
            for (int i = 0; i < spout.Length; i++)
            {
                Assert.Equal((cycle * 16 + i) / 100.0 * -0.5, spout[i], 12);
            }
        }
    }

    [Fact]
    public void EvalCodeReturnsItsValueAndScoreControlWorks()
    {
        using var r = new OfflineRender(Header + "instr 1\nendin\n");
        r.Csound.Start();
        Assert.Equal(7.5, r.Csound.EvalCode("ival = 2.5 * 3\nreturn ival"));
        r.Csound.IsScorePending = false;
        Assert.False(r.Csound.IsScorePending);
        r.Csound.IsScorePending = true;
        Assert.True(r.Csound.IsScorePending);
        r.Csound.ScoreEventAbsolute('i', 0, 1, 0.5, 0.1);
        r.Run(maxCycles: 100);
        Assert.True(r.Csound.ScoreTime > 0.07);
    }

    [Fact]
    public void AnAbsoluteEventLandsAtItsPerformanceTime()
    {
        using var r = new OfflineRender(Header + "instr 1\n chnset times(), \"started\"\n out oscili(0.3, 440)\nendin\n");
        r.Csound.Start();
        r.Run(maxCycles: 1378); // 1 s
        // p2 = 1.5 from the start of the performance: 0.5 s from now.
        r.Csound.ScoreEventAbsolute('i', 0, 1, 1.5, 0.2);
        r.Run(maxCycles: 1378 * 2);
        int onset = Signal.FirstAbove(r.Audio, 1e-6);
        Assert.InRange(onset, (int)(1.5 * 44100) - 32, (int)(1.5 * 44100) + 32);
    }

    [Fact]
    public void RingBufferMovesDoubles()
    {
        using var cs = new Csound();
        using CircularBuffer ring = cs.CreateCircularBuffer(8);
        Assert.Equal(5, ring.Write(new double[] { 1, 2, 3, 4, 5 }));
        var peek = new double[2];
        Assert.Equal(2, ring.Peek(peek));
        var read = new double[8];
        Assert.Equal(5, ring.Read(read));
        Assert.Equal(new double[] { 1, 2, 3, 4, 5 }, read.Take(5));
        Assert.Equal(new double[] { 1, 2 }, peek);
    }

    [Fact]
    public void ModulesUtilitiesParamsAndEnvironmentAreListed()
    {
        using var cs = new Csound();
        cs.SetOption("-m135");
        cs.SetOption("-b 512");
        var modules = cs.GetModules();
        Assert.Contains(modules, m => m.Name == "alsa" && m.Type == "audio");
        Assert.Contains(modules, m => m.Type == "midi");
        CsoundParams p = cs.Params;
        Assert.Equal(135, p.MessageLevel);
        Assert.Equal(512, p.BufferFrames);
        Assert.Equal(135, cs.MessageLevel);
        Environment.SetEnvironmentVariable("CSOUNDBINDINGS_UNUSED", null);
        Assert.Null(cs.GetEnv("CSOUNDBINDINGS_SURELY_UNSET"));
        cs.HostData = "mine";
        Assert.Equal("mine", cs.HostData);
        if (!TestEngine.IsApi7)
        {
            Assert.Contains("sndinfo", cs.ListUtilities());
        }
    }
}

public sealed class MessageBufferTests
{
    [Fact]
    public void TheMessageBufferCapturesOutputAndTheEventReturnsAfterwards()
    {
        using var cs = new Csound();
        var events = new System.Text.StringBuilder();
        cs.Message += (_, e) => events.Append(e.Text);
        cs.SetOption("-n");
        cs.CreateMessageBuffer();
        cs.CompileOrc("instr 1\n prints \"from the buffer\\n\"\nendin\n");
        cs.ScoreEvent('i', 1, 0, 0.01);
        cs.PerformKsmps();
        cs.PerformKsmps();
        var buffered = new System.Text.StringBuilder();
        while (cs.TryReadMessage(out string text, out _))
        {
            buffered.Append(text);
        }
        Assert.Contains("from the buffer", buffered.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("from the buffer", events.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, cs.PendingMessageCount);
        cs.DestroyMessageBuffer();
        cs.CompileOrc("instr 2\n prints \"from the event\\n\"\nendin\n");
        cs.ScoreEvent('i', 2, 0, 0.01);
        cs.PerformKsmps();
        cs.PerformKsmps();
        Assert.Contains("from the event", events.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheUdpServerTakesOrchestraCode()
    {
        using var cs = new Csound();
        cs.Message += (_, _) => { };
        cs.SetOption("-n");
        cs.CompileOrc("instr 1\nendin\n");
        cs.Start();
        int port = 20000 + Environment.ProcessId % 20000;
        cs.StartUdpServer(port);
        Assert.Equal(port, cs.UdpServerPort);
        using (var udp = new System.Net.Sockets.UdpClient())
        {
            byte[] code = System.Text.Encoding.UTF8.GetBytes("chnset 4.25, \"fromudp\"\n");
            udp.Send(code, code.Length, "127.0.0.1", port);
        }
        for (int i = 0; i < 200 && !cs.TryGetControlChannel("fromudp", out _); i++)
        {
            cs.PerformKsmps();
            System.Threading.Thread.Sleep(5);
        }
        Assert.Equal(4.25, cs.GetControlChannel("fromudp"));
        cs.CloseUdpServer();
    }
}
