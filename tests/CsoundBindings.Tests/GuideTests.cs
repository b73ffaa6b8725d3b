using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using CsoundBindings.Tests.Support;
using FirstSteps;
using Xunit;

namespace CsoundBindings.Tests;

/// <summary>The First Steps guide: its cells, checked against what Csound really does.</summary>
public sealed class GuideTests
{
    private const int Sr = 44100;

    [Fact]
    public void Cells3To5OfflineReportTheGuidesAmplitudes()
    {
        using var r = new OfflineRender(Guide.Orchestra);
        r.Csound.ScoreEvent('i', 1, 0, 10, 0.1, 60);
        r.Csound.ScoreEvent('i', 1, 0.5, 10, 0.05, 62);
        r.Csound.SetEndMarker(11);
        r.Csound.Perform();
        string log = r.Messages;
        Assert.Contains("PSET: isno=??, pmax=7", log, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(log, "new alloc for instr 1:"));
        Assert.Matches(@"T  0\.501 TT  0\.501 M:  0\.11661", log);
        Assert.Matches(@"T 11\.000 TT 11\.000 M:  0\.17023", log);
        Assert.True(log.IndexOf("M:  0.11661", StringComparison.Ordinal) < log.IndexOf("M:  0.17023", StringComparison.Ordinal));
    }

    [Fact]
    public void TheGuidesInstrumentPlaysItsPitchesReleasesToSilenceAndCountsCycles()
    {
        using var r = new OfflineRender(Guide.Orchestra);
        // Note 60 from 0.5 s to 1.5 s, note 62 from 2.0 s to 3.0 s; release 0.2 s; end at 3.5 s.
        r.Csound.ScoreEvent('i', 1, 0.5, 1, 0.1, 60, 0.01, 0.2);
        r.Csound.ScoreEvent('i', 1, 2.0, 1, 0.1, 62, 0.01, 0.2);
        r.Csound.SetEndMarker(3.5);
        r.Run();
        double[] audio = r.Audio;
        int ksmps = r.Csound.Ksmps;
        Assert.Equal(1, r.Csound.Nchnls);
        Assert.Equal(r.Csound.CurrentTimeSamples, (long)r.Cycles * ksmps);
        Assert.InRange(r.Cycles, (int)(3.5 * Sr / ksmps), (int)Math.Ceiling(3.5 * Sr / ksmps) + 1);

        ReadOnlySpan<double> Span(double from, double to) => audio.AsSpan((int)(from * Sr), (int)((to - from) * Sr));
        Assert.Equal(0, Signal.Peak(Span(0, 0.49)));                // silence before the first note
        Assert.InRange(Signal.Pitch(Span(0.7, 1.3), Sr), Signal.MidiToHz(60) * 0.99, Signal.MidiToHz(60) * 1.01);
        Assert.InRange(Signal.Pitch(Span(2.2, 2.8), Sr), Signal.MidiToHz(62) * 0.99, Signal.MidiToHz(62) * 1.01);
        Assert.True(Signal.Rms(Span(0.7, 1.3)) > 0.03);
        Assert.True(Signal.Rms(Span(1.5, 1.6)) < Signal.Rms(Span(1.3, 1.4)));  // the release decays...
        Assert.True(Signal.Peak(Span(1.75, 1.99)) < 1e-9);          // ...to silence between the notes
        Assert.True(Signal.Peak(Span(3.25, 3.49)) < 1e-9);          // and after the last one
    }

    [Fact]
    public void TheRandomNoteLoopPutsEachOnsetWithinOneKsmpsOfItsSchedule()
    {
        var guide = new Guide(TextWriter.Null);
        var mixed = new List<double>();
        var notes = guide.ScheduleLoop(new AudioTarget("-n", "nowhere"), csoundClock: true, seconds: 2, CancellationToken.None, seed: 7,
            afterCycle: cs => mixed.AddRange(cs.Spout.ToArray()));
        Assert.InRange(notes.Count, 12, 17); // one every 1/8 s of Csound time over 2 s
        double[] full = Signal.Channel(mixed.ToArray(), 2, 0);

        // Replay the same notes at the same cycles, leaving one out: the first sample where the two renders differ
        // is where the left-out note starts in the guide's own render.
        foreach (int skip in new[] { 0, notes.Count / 2, notes.Count - 1 })
        {
            double[] without = Replay(notes, skip, full.Length);
            int onset = Enumerable.Range(0, full.Length).First(i => Math.Abs(full[i] - without[i]) > 1e-12);
            long scheduled = notes[skip].Sample;
            Assert.InRange(onset, scheduled, scheduled + 64);
        }
    }

    private static double[] Replay(List<Guide.ScheduledNote> notes, int skip, int length)
    {
        using var r = new OfflineRender(Guide.LoopOrchestra, "-m128");
        int next = 0;
        var left = new List<double>();
        r.Csound.Start();
        while (left.Count < length && !r.Csound.PerformKsmps())
        {
            ReadOnlySpan<double> spout = r.Csound.Spout;
            for (int i = 0; i < spout.Length; i += 2)
            {
                left.Add(spout[i]);
            }
            while (next < notes.Count && notes[next].Sample == r.Csound.CurrentTimeSamples)
            {
                if (next != skip)
                {
                    r.Csound.ScoreEvent('i', notes[next].Fields);
                }
                next++;
            }
        }
        return left.Take(length).ToArray();
    }

    [Fact]
    public async System.Threading.Tasks.Task TheFirstStepsExampleRunsEveryCell()
    {
        string dir = Directory.CreateTempSubdirectory("firststeps").FullName;
        string dll = Path.Combine(AppContext.BaseDirectory, "FirstSteps.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" --output \"{Path.Combine(dir, "out.wav")}\" --seconds 1.5")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dir,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000));
        Assert.True(process.ExitCode == 0, output + await stderr);

        int version = TestEngine.RawVersion();
        Assert.Contains($"\n{version}\n", output, StringComparison.Ordinal);
        Assert.Contains($"Version id: {version}, version tuple: {version / 1000}.{version % 1000 / 100}.{version % 10}", output, StringComparison.Ordinal);
        Assert.Equal(version < 7000, output.Contains("API version: 400", StringComparison.Ordinal));
        Assert.Contains("OpcodeDef(name='ATSadd', outtypes='a', intypes='kkSiiopo', flags=", output, StringComparison.Ordinal);
        Assert.Equal(20, Regex.Count(output.Split("--- OSC opcodes ---")[0], @"^OpcodeDef\(", RegexOptions.Multiline));
        Assert.Contains("'OSCsend_lo'}", output, StringComparison.Ordinal);
        Assert.Contains("Elapsed time at end of performance", output, StringComparison.Ordinal);
        Assert.Matches(@"M:  0\.17023", output);
        foreach (string wav in new[] { "out-perform.wav", "out-cell50.wav", "out-cell52.wav" })
        {
            var (samples, rate, _) = Signal.ReadWav(Path.Combine(dir, wav));
            Assert.Equal(44100, rate);
            Assert.True(Signal.Rms(samples) > 0.005, $"{wav} is silent");
        }
        Directory.Delete(dir, recursive: true);
    }
}

public sealed class LibraryResolutionTests
{
    private static (int ExitCode, string Output) RunFirstSteps(string library, string csound7Root = "", string cell = "1")
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", $"\"{System.IO.Path.Combine(AppContext.BaseDirectory, "FirstSteps.dll")}\" --cell {cell}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CSOUND_LIBRARY"] = library;
        start.Environment["CSOUND7_ROOT"] = csound7Root;
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.GetAwaiter().GetResult());
    }

    [Fact]
    public void AMissingExplicitLibraryIsACsoundNotFoundExceptionNamingIt()
    {
        var (exitCode, output) = RunFirstSteps("/nonexistent/libcsound64.so");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("CsoundNotFoundException", output, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/libcsound64.so", output, StringComparison.Ordinal);
        Assert.Contains("apt-get install csound", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AMistypedCsound7RootIsACsoundNotFoundExceptionNamingItNeverCsound6()
    {
        var (exitCode, output) = RunFirstSteps("", "/opt/csound-7-typo");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("CsoundNotFoundException", output, StringComparison.Ordinal);
        Assert.Contains("CSOUND7_ROOT is '/opt/csound-7-typo'", output, StringComparison.Ordinal);
        Assert.Contains("/opt/csound-7-typo/lib/libcsound64.so", output, StringComparison.Ordinal);
        Assert.DoesNotContain("6181", output, StringComparison.Ordinal); // the version line of a quietly loaded Csound 6
    }

    [Fact]
    public void TheRawLayerCalledFirstBindsTheSameLibraryAsTheIdiomaticOne()
    {
        // This process's engine: Csound 7 through CSOUND7_ROOT, or the system's Csound 6. A fresh process calls the
        // raw bindings before the idiomatic layer (they bound the system's libcsound64 behind CSOUND7_ROOT's back).
        string root = TestEngine.IsApi7 ? Environment.GetEnvironmentVariable("CSOUND7_ROOT") ?? "" : "";
        var (exitCode, output) = RunFirstSteps("", root, "raw");
        Assert.Equal(0, exitCode);
        Assert.Contains($"raw {CsoundLibrary.Version}, idiomatic {CsoundLibrary.Version}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExplicitLibraryIsTheOneLoaded()
    {
        string path = CsoundLibrary.LoadedPath;
        var (exitCode, output) = RunFirstSteps(System.IO.Path.IsPathRooted(path) ? path : "/usr/lib/x86_64-linux-gnu/" + path);
        Assert.Equal(0, exitCode);
        Assert.Contains($"\n{CsoundLibrary.Version}\n", output, StringComparison.Ordinal);
    }
}
