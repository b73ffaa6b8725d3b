using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

/// <summary>
/// Csound's debugger through <see cref="Csound.Debugger"/>, on both engines: what a stopped instance shows is
/// checked against what the orchestra computes (an oscillator, an envelope, arithmetic on p-fields, a string).
/// </summary>
public sealed class DebuggerTests
{
    private const int Sr = 44100, Ksmps = 64;

    // Line 8 is the linseg: the k-rate opcode a line breakpoint stops before.
    private const string Orchestra = "sr=44100\nksmps=64\nnchnls=1\n0dbfs=1\n"
        + "instr 1\n iamp = p4\n ifreq = p5 * 2\n kenv linseg 0, p3, 1\n asig oscili iamp, ifreq\n Sname sprintf \"note %d\", p5\n out asig * kenv\nendin\n";

    private static Csound Engine(double instrument = 1.1)
    {
        var cs = new Csound();
        cs.Message += (_, _) => { };
        cs.SetOption("-n -d");
        cs.CompileOrc(Orchestra);
        cs.ScoreEvent('i', instrument, 0, 1, 0.25, 220);
        cs.Start();
        cs.Debugger.Enable();
        return cs;
    }

    [Fact]
    public void AnInstrumentBreakpointShowsTheVariablesAsTheOrchestraComputesThem()
    {
        using Csound cs = Engine();
        var hits = new List<BreakpointEventArgs>();
        cs.Debugger.BreakpointHit += (_, e) => hits.Add(e);
        cs.Debugger.AddInstrumentBreakpoint(1.1, skip: 3); // pass three times, break in the instance's cycle 2
        for (int k = 0; k < 6; k++)
        {
            Assert.False(cs.PerformKsmps());
        }
        BreakpointEventArgs hit = Assert.Single(hits);
        Assert.Equal(1.1, hit.Instance.Instrument, 9);
        Assert.Equal(0, hit.Instance.Start);
        Assert.Equal(1, hit.Instance.Duration);
        long cycle = hit.Instance.ControlCycle;
        Assert.Equal(2, cycle);
        Assert.Equal(0.25, hit["iamp"].Value);
        Assert.Equal(440, hit["ifreq"].Value);      // p5 * 2
        Assert.Equal("note 220", hit["Sname"].Text); // sprintf "note %d", p5
        Assert.Equal("k", hit["kenv"].TypeName);
        // linseg 0 -> 1 over p3 = 1 s, as of the last cycle performed (cycle - 1).
        Assert.Equal((cycle - 1) * Ksmps / (double)Sr, hit["kenv"].Value!.Value, 6);
        // oscili's samples of that cycle: 0.25 sin(2 pi 440 t), t from the instance's start.
        IReadOnlyList<double> asig = hit["asig"].Samples!;
        Assert.Equal(Ksmps, asig.Count);
        for (int j = 0; j < Ksmps; j++)
        {
            double t = ((cycle - 1) * Ksmps + j) / (double)Sr;
            Assert.Equal(0.25 * Math.Sin(2 * Math.PI * 440 * t), asig[j], 4);
        }
        Assert.Single(hit.ActiveInstances);
        Console.WriteLine($"break at cycle {cycle}: iamp {hit["iamp"].Value}, ifreq {hit["ifreq"].Value}, kenv {hit["kenv"].Value}, asig[0..2] {string.Join(", ", asig.Take(3).Select(x => x.ToString("F6", System.Globalization.CultureInfo.InvariantCulture)))}, Sname '{hit["Sname"].Text}'");
    }

    [Fact]
    public void AStoppedEngineHoldsItsTimeUntilContinue()
    {
        using Csound cs = Engine(1); // an instrument breakpoint matches p1 exactly: 1 does not stop instance 1.1
        int hits = 0;
        cs.Debugger.BreakpointHit += (_, _) => hits++;
        cs.Debugger.AddInstrumentBreakpoint(1);
        cs.PerformKsmps();
        Assert.Equal(1, hits);
        double stoppedAt = cs.ScoreTime;
        for (int k = 0; k < 5; k++)
        {
            cs.PerformKsmps();
            Assert.Equal(stoppedAt, cs.ScoreTime);    // stopped: cycles produce no time
            Assert.True(Signal.Peak(cs.Spout.ToArray()) == 0, "a stopped engine is silent");
        }
        cs.Debugger.RemoveInstrumentBreakpoint(1);
        cs.Debugger.Continue();
        var audio = new List<double>();
        for (int k = 0; k < 200; k++)
        {
            cs.PerformKsmps();
            audio.AddRange(cs.Spout.ToArray());
        }
        Assert.True(cs.ScoreTime > stoppedAt + 0.2);
        Assert.Equal(1, hits);
        Assert.InRange(Signal.Pitch(audio.ToArray(), Sr), 440 * 0.99, 440 * 1.01); // it plays on after Continue
    }

    [Fact]
    public void NextStopsAgainAtTheFollowingInstanceAndStopBreaksWithoutABreakpoint()
    {
        using Csound cs = Engine(1);
        cs.ScoreEvent('i', 2, 0, 1, 0.25, 330); // instr 2 does not exist: one instance of 1 is all there is
        var hits = new List<BreakpointEventArgs>();
        cs.Debugger.BreakpointHit += (_, e) => hits.Add(e);
        cs.Debugger.Stop();
        cs.PerformKsmps();
        cs.PerformKsmps();
        Assert.NotEmpty(hits); // Stop breaks in the cycle it arrives, with the first active instance
        int stopped = hits.Count;
        cs.Debugger.Next();
        for (int k = 0; k < 3; k++)
        {
            cs.PerformKsmps();
        }
        Assert.True(hits.Count > stopped, "Next did not stop again");
        Assert.All(hits, h => Assert.Equal(1, h.Instance.Instrument));
        Assert.True(hits[^1].Instance.ControlCycle >= hits[0].Instance.ControlCycle);
        Console.WriteLine($"Stop broke at cycle {hits[0].Instance.ControlCycle}, Next at cycle {hits[^1].Instance.ControlCycle} ({hits.Count} breaks)");
    }

    [Fact]
    public void ALineBreakpointStopsBeforeTheOpcodeOnThatLine()
    {
        using Csound cs = Engine(1);
        var hits = new List<BreakpointEventArgs>();
        cs.Debugger.BreakpointHit += (_, e) =>
        {
            hits.Add(e);
            cs.Debugger.Continue(); // from the handler itself
        };
        cs.Debugger.AddLineBreakpoint(8, 1);
        for (int k = 0; k < 6; k++)
        {
            cs.PerformKsmps();
        }
        Assert.True(hits.Count >= 2, $"{hits.Count} breaks");
        Assert.All(hits, h => Assert.Equal(("linseg", 8), (h.Opcode, h.OpcodeLine)));
        cs.Debugger.RemoveLineBreakpoint(8, 1);
        int before = hits.Count;
        for (int k = 0; k < 6; k++)
        {
            cs.PerformKsmps();
        }
        Assert.InRange(hits.Count - before, 0, 1); // at most the cycle already under way when the removal arrived
    }

    [Fact]
    public void ABreakpointForOneInstanceLeavesTheOthersAlone()
    {
        using Csound cs = Engine(1.1);
        cs.ScoreEvent('i', 1.2, 0, 1, 0.25, 330);
        var seen = new List<double>();
        cs.Debugger.BreakpointHit += (_, e) =>
        {
            seen.Add(e.Instance.Instrument);
            cs.Debugger.Continue();
        };
        cs.Debugger.AddInstrumentBreakpoint(1.2);
        for (int k = 0; k < 10; k++)
        {
            cs.PerformKsmps();
        }
        Assert.NotEmpty(seen);
        Assert.All(seen, p1 => Assert.Equal(1.2, p1, 9));
    }

    [Fact]
    public async System.Threading.Tasks.Task MisuseIsRefusedAndAThrowingHandlerIsReported()
    {
        using var cs = new Csound();
        cs.Message += (_, _) => { };
        Assert.Throws<InvalidOperationException>(() => cs.Debugger.AddInstrumentBreakpoint(1)); // not enabled
        Assert.Throws<ArgumentOutOfRangeException>(() => cs.Debugger.AddInstrumentBreakpoint(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => cs.Debugger.AddLineBreakpoint(0, 1));
        cs.Dispose();
        Assert.Throws<ObjectDisposedException>(() => cs.Debugger.Enable());

        using Csound engine = Engine(1);
        var reported = new List<Exception>();
        engine.CallbackException += (_, e) => reported.Add((Exception)e.ExceptionObject);
        engine.Debugger.BreakpointHit += (_, _) => throw new InvalidOperationException("handler failed");
        engine.Debugger.AddInstrumentBreakpoint(1);
        engine.PerformKsmps();
        Assert.Contains(reported, e => e.Message == "handler failed");

        // Enable and Disable wait for nothing: refused while another thread performs.
        engine.Debugger.ClearBreakpoints();
        engine.Debugger.Continue();
        engine.SetEndMarker(30);
        var performing = engine.PerformAsync();
        SpinWait.SpinUntil(() => engine.State == CsoundState.Performing, 5000);
        Assert.Throws<InvalidOperationException>(() => engine.Debugger.Disable());
        engine.Stop();
        await performing.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void ResetSwitchesTheDebuggerOffAndTheEngineRendersAsBefore()
    {
        using Csound cs = Engine();
        cs.Debugger.AddInstrumentBreakpoint(1);
        Assert.True(cs.Debugger.IsEnabled);
        KnownRender.AssertStillRenders(cs); // resets first
        Assert.False(cs.Debugger.IsEnabled);
        Assert.Throws<InvalidOperationException>(() => cs.Debugger.Continue());
    }
}
