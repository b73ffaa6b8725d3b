using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

/// <summary>What Csound tells the host in passing, on both engines: table displays, sensekey requests, files opened, host MIDI opened and closed.</summary>
public sealed class HostNoticeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("csoundbindings notices ").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ATableDisplayArrivesAsGraphEventsWithTheTablesValues()
    {
        using var cs = new Csound();
        var messages = new System.Text.StringBuilder();
        cs.Message += (_, e) => messages.Append(e.Text);
        var created = new List<GraphEventArgs>();
        var drawn = new List<GraphEventArgs>();
        cs.GraphCreated += (_, e) => created.Add(e);
        cs.GraphDrawn += (_, e) => drawn.Add(e);
        cs.SetOption("-n"); // displays stay on: no -d
        cs.CompileOrc(SilentEngine.Header + "instr 1\nendin\n");
        cs.ReadScore("f 1 0 16 10 1\ni 1 0 0.01\n");
        cs.Start();
        while (!cs.PerformKsmps())
        {
        }

        GraphEventArgs table = Assert.Single(drawn, g => g.Caption.Contains("ftable 1", StringComparison.Ordinal));
        Assert.Equal(16, table.Data.Length);
        for (int i = 0; i < 16; i++)
        {
            Assert.Equal(Math.Sin(2 * Math.PI * i / 16), table.Data[i], 9);
        }
        Assert.Equal(1.0, table.Max, 9);
        Assert.Equal(-1.0, table.Min, 9);
        Assert.Contains(created, g => g.WindowId == table.WindowId);
        Assert.NotEqual(0UL, table.WindowId);
        // The host draws it: Csound prints no ASCII graph of its own.
        Assert.DoesNotContain("_____", messages.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAGraphSubscriberCsoundPrintsItsOwnAsciiGraph()
    {
        using var cs = new Csound();
        var messages = new System.Text.StringBuilder();
        cs.Message += (_, e) => messages.Append(e.Text);
        cs.SetOption("-n");
        cs.CompileOrc(SilentEngine.Header + "instr 1\nendin\n");
        cs.ReadScore("f 1 0 16 10 1\ni 1 0 0.01\n");
        cs.Start();
        while (!cs.PerformKsmps())
        {
        }
        Assert.Contains("ftable 1", messages.ToString(), StringComparison.Ordinal);
    }

    private const string KeyOrchestra = SilentEngine.Header + """
        instr 1
          kkey sensekey
          if kkey > 0 then
            chnset kkey, "text"
          endif
        endin
        instr 2
          kkey, kdown sensekey
          if kkey > 0 then
            chnset kkey, "event"
            chnset kdown, "down"
          endif
        endin
        """;

    [Theory]
    [InlineData(1, true, "text")]
    [InlineData(2, false, "event")]
    public void SensekeyTakesTheKeyTheHostAnswers(int instrument, bool text, string channel)
    {
        using var cs = SilentEngine.Create(KeyOrchestra);
        var kinds = new HashSet<bool>();
        int requests = 0;
        cs.KeyRequested += (_, e) =>
        {
            kinds.Add(e.IsText);
            requests++;
            e.Key = requests == 3 ? 'A' : 0;
        };
        cs.ScoreEvent('i', instrument, 0, 0.05);
        cs.Start();
        for (int i = 0; i < 10; i++)
        {
            cs.PerformKsmps();
        }
        Assert.Equal('A', cs.GetControlChannel(channel));
        Assert.Equal([text], kinds);
        Assert.True(requests >= 9, $"{requests} requests in 10 cycles");
        if (!text)
        {
            Assert.Equal(1, cs.GetControlChannel("down"));
        }
    }

    [Fact]
    public void AKeyRequestLeftUnansweredLetsKeyPressThrough()
    {
        using var cs = SilentEngine.Create(KeyOrchestra);
        int requests = 0;
        cs.KeyRequested += (_, _) => requests++;
        cs.ScoreEvent('i', 1, 0, 0.05);
        cs.Start();
        cs.PerformKsmps();
        cs.KeyPress('q');
        cs.PerformKsmps();
        cs.PerformKsmps();
        Assert.Equal('q', cs.GetControlChannel("text"));
        Assert.True(requests >= 2);
    }

    [Fact]
    public void AThrowingKeyHandlerIsContainedAndTheEngineGoesOn()
    {
        using var cs = SilentEngine.Create(KeyOrchestra);
        int contained = 0;
        cs.CallbackException += (_, _) => contained++;
        cs.KeyRequested += (_, _) => throw new InvalidOperationException("handler bug");
        cs.ScoreEvent('i', 1, 0, 0.05);
        cs.Start();
        for (int i = 0; i < 3; i++)
        {
            cs.PerformKsmps();
        }
        Assert.True(contained >= 1);
        Assert.Equal(0, cs.GetControlChannel("text"));
    }

    [Fact]
    public void TheFilesCsoundOpensAreReportedWithTheirTypeAndDirection()
    {
        string wav = Path.Combine(_folder, "tone.wav");
        string include = Path.Combine(_folder, "voice.orc");
        File.WriteAllText(include, "instr 1\na1 oscili 0.5, 440\nout a1\nendin\n");

        var writes = new List<FileOpenedEventArgs>();
        using (var cs = new Csound())
        {
            cs.Message += (_, _) => { };
            cs.FileOpened += (_, e) => writes.Add(e);
            cs.SetOption("-d");
            cs.SetOutput(wav, "wav", null);
            cs.CompileOrc(SilentEngine.Header + $"#include \"{include}\"\n");
            cs.ScoreEvent('i', 1, 0, 0.1);
            cs.ScoreEvent('e', 0.1);
            cs.Start();
            while (!cs.PerformKsmps())
            {
            }
        }
        Assert.Contains(writes, f => f.Path.EndsWith("voice.orc", StringComparison.Ordinal) && !f.IsWrite && f.TypeName == "ORC_INCLUDE");
        Assert.Contains(writes, f => f.Path.EndsWith("tone.wav", StringComparison.Ordinal) && f.IsWrite && f.TypeName == "WAVE");

        var reads = new List<FileOpenedEventArgs>();
        using (var cs = SilentEngine.Create(SilentEngine.Header + "instr 1\nendin\n"))
        {
            cs.FileOpened += (_, e) => reads.Add(e);
            cs.CompileOrc($"gi1 ftgen 1, 0, 0, 1, \"{wav}\", 0, 0, 0\n");
        }
        FileOpenedEventArgs read = Assert.Single(reads, f => f.Path.EndsWith("tone.wav", StringComparison.Ordinal));
        Assert.False(read.IsWrite);
        Assert.False(read.IsTemporary);
    }

    [Fact]
    public void TheHostMidiInputAndOutputAreSeenOpeningAndClosing()
    {
        var opened = new List<ExternalMidiEventArgs>();
        var closed = new List<ExternalMidiEventArgs>();
        using (var cs = SilentEngine.Create(SilentEngine.Header + "instr 1\nendin\n"))
        {
            cs.ExternalMidiOpened += (_, e) => opened.Add(e);
            cs.ExternalMidiClosed += (_, e) => closed.Add(e);
            cs.SetExternalMidiInput(_ => 0);
            cs.SetExternalMidiOutput(_ => { });
            Assert.Empty(opened);
            cs.Start();
            cs.PerformKsmps();
            Assert.Equal([(true, "0"), (false, "0")], opened.Select(e => (e.IsInput, e.Device)).OrderByDescending(d => d.IsInput));
            Assert.Empty(closed);
        }
        Assert.Equal([true, false], closed.Select(e => e.IsInput).OrderByDescending(d => d));
        Assert.All(closed, e => Assert.Equal("0", e.Device));
    }
}
