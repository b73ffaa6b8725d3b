using System;
using System.Collections.Generic;
using System.Linq;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

/// <summary><see cref="Csound.Log"/> writes into the engine's message stream; <see cref="Csound.InstrumentNumber"/> names instruments.</summary>
public sealed class HostLogAndNamesTests
{
    private const string Orchestra = "sr=44100\nksmps=64\nnchnls=1\n0dbfs=1\ninstr Lead\n prints \"lead plays\\n\"\nendin\ninstr 5\nendin\ninstr Bass\nendin\n";

    [Fact]
    public void NamedInstrumentsHaveTheNumbersCsoundGaveThem()
    {
        using Csound cs = SilentEngine.Create(Orchestra);
        int lead = cs.InstrumentNumber("Lead"), bass = cs.InstrumentNumber("Bass");
        Assert.True(lead > 0 && bass > 0 && lead != bass && lead != 5 && bass != 5, $"Lead {lead}, Bass {bass}");
        // The number plays the named instrument: it prints its line.
        var lines = new List<string>();
        cs.Message += (_, e) => lines.Add(e.Text);
        cs.ScoreEvent('i', lead, 0, 0.01);
        cs.Start();
        for (int k = 0; k < 5; k++)
        {
            cs.PerformKsmps();
        }
        Assert.Contains(lines, l => l.Contains("lead plays", StringComparison.Ordinal));
        Assert.False(cs.TryGetInstrumentNumber("Missing", out _));
        Assert.Throws<KeyNotFoundException>(() => cs.InstrumentNumber("Missing"));
        Assert.Throws<ArgumentException>(() => cs.InstrumentNumber("a\"b"));
        Assert.Throws<ArgumentException>(() => cs.InstrumentNumber(""));
    }

    [Fact]
    public void TheHostsLinesArriveInOrderWithTheOrchestrasAtTheirLevel()
    {
        using var cs = new Csound();
        var lines = new List<(MessageAttributes Type, string Text)>();
        cs.Message += (_, e) => lines.Add((e.Type, e.Text));
        cs.SetOption("-n -d -m0");
        cs.CompileOrc("sr=44100\nksmps=64\nnchnls=1\n0dbfs=1\ninstr 1\n prints \"orchestra %d\\n\", p4\nendin\n");
        cs.Start();
        for (int n = 1; n <= 3; n++)
        {
            cs.ScoreEvent('i', 1, 0, 0.001, n);
            cs.PerformKsmps();
            cs.Log($"host {n}", n == 2 ? MessageAttributes.Warning : MessageAttributes.Default);
        }
        var mine = lines.Where(l => l.Text.StartsWith("orchestra", StringComparison.Ordinal) || l.Text.StartsWith("host", StringComparison.Ordinal)).Select(l => l.Text.TrimEnd()).ToList();
        Assert.Equal(["orchestra 1", "host 1", "orchestra 2", "host 2", "orchestra 3", "host 3"], mine);
        Assert.Equal(MessageAttributes.Warning, lines.Single(l => l.Text == "host 2\n").Type);
        Assert.Throws<ArgumentNullException>(() => cs.Log(null!));
    }

    [Theory]
    [InlineData(null, null, 44100)]
    [InlineData("-r 48000", null, 48000)]
    [InlineData(null, 22050.0, 22050)]
    public void AnOrchestraHeaderWithoutSrKeepsTheEnginesRate(string? option, double? sr, double expected)
    {
        using var cs = new Csound();
        cs.Message += (_, _) => { };
        cs.SetOption("-n -d");
        if (option is not null)
        {
            cs.SetOption(option);
        }
        cs.CompileOrcHeader(sr: sr, nchnls: 1, ksmps: 10);
        cs.CompileOrc("instr 1\na1 oscili 0.5, 441\nout a1\nendin\n");
        cs.ScoreEvent('i', 1, 0, 1);
        cs.Start();
        Assert.Equal(expected, cs.Sr);
        Assert.Equal(10, cs.Ksmps);
        var audio = new System.Collections.Generic.List<double>();
        for (int i = 0; i < 400; i++)
        {
            cs.PerformKsmps();
            audio.AddRange(cs.Spout.ToArray());
        }
        Assert.Equal(441, Signal.Pitch(audio.ToArray(), expected), 2.0);
    }
}
