using System;
using System.IO;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests.Reliability;

/// <summary>
/// A GEN01 table of deferred size (p3 = 0) whose sound file does not open crashes Csound 7 (reproduced alone in C:
/// <c>f 5 0 0 1 "nofile.wav" 0 0 0</c>, and the fuzzer's <c>ScoreEvent('f', 5, -0.00076, 0, 1, 7.5e-40, ...)</c>,
/// which names <c>soundin.0</c>). The SDK looks for the file as Csound does (as given, then along SFDIR and SSDIR)
/// and refuses a missing one with Csound's words, on both engines; a file that is there still loads.
/// </summary>
public sealed class SoundFileTableTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("csoundbindings gen01 ").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);


    [Theory]
    [InlineData("ScoreEvent")]
    [InlineData("ReadScore")]
    [InlineData("InputMessage")]
    [InlineData("PerformanceThread")]
    [InlineData("TruncatedSize")] // the fuzzer's second form: a size of 9.9e-70 and GEN -1 (no normalising)
    [InlineData("RoundedGen")]    // the fuzzer's f event: Csound rounds the GEN number to the nearest (-0.78 is GEN -1), alone in C on 7
    [InlineData("RoundedGenText")]
    [InlineData("WrappedGen")]    // Csound keeps the low 32 bits of the rounded number: 2^32 + 1 is GEN 1
    public void ADeferredSizeTableOfAMissingFileIsRefused(string route)
    {
        using Csound cs = SilentEngine.Started();
        string missing = Path.Combine(_folder, "no such file.wav");
        Action send = route switch
        {
            "ScoreEvent" => () => cs.ScoreEvent('f', 5, -0.00076, 0, 1, 0), // soundin.0
            "ReadScore" => () => cs.ReadScore($"f 5 0 0 1 \"{missing}\" 0 0 0\n"),
            "InputMessage" => () => cs.InputMessage($"f 5 0 0 -1 \"{missing}\" 0 0 0\n"),
            "TruncatedSize" => () => cs.ScoreEvent('f', 5, -5.64, 9.855e-70, -1, -7.3e-36, 0, 0, 0),
            "RoundedGen" => () => cs.ScoreEvent('f', 5, 0, -8.51e-18, -0.7857, -4, -9.2e-62, 0, 471, 795),
            "RoundedGenText" => () => cs.ReadScore($"f 5 0 0.4 0.6 \"{missing}\" 0 0 0\n"),
            "WrappedGen" => () => cs.ScoreEvent('f', 5, 0, 0, 4294967297.0, 3),
            _ => () =>
            {
                using var thread = new PerformanceThread(cs);
                thread.ScoreEvent(false, 'f', 5, 0, 0, 1, 3);
            },
        };
        var error = Assert.Throws<FileNotFoundException>(send);
        Assert.StartsWith("ftable 5: Failed to open file ", error.Message, StringComparison.Ordinal);
        KnownRender.AssertStillRenders(cs);
    }

    // Csound 7 passes a deferred size (0) to a GEN above 60 (a plug-in GEN given by number) and then reads the table
    // that GEN did not make: SIGSEGV, alone in C, as an event, a score line and ftgen (the fuzzer's f event with GEN
    // 66). Refused there with Csound's own rule; Csound 6 survives it.
    [Theory]
    [InlineData("ScoreEvent")]
    [InlineData("ReadScore")]
    [InlineData("InputMessage")]
    [InlineData("Ftgen")]
    [InlineData("PerformanceThread")]
    public void ADeferredSizeForAPluginGenByNumberIsRefusedOnCsound7(string route)
    {
        using Csound cs = SilentEngine.Started();
        Action send = route switch
        {
            "ScoreEvent" => () => cs.ScoreEvent('f', 8, 0, -0.097, 66, 116, 1080),
            "ReadScore" => () => cs.ReadScore("f 8 0 0 66 116\n"),
            "InputMessage" => () => cs.InputMessage("f 8 0 0.4 -66 116\n"),
            "Ftgen" => () => cs.CompileOrc("giT ftgen 8, 0, 0, 66, 116\n"),
            _ => () =>
            {
                using var thread = new PerformanceThread(cs);
                thread.ScoreEvent(false, 'f', 8, 0, 0, 66, 116);
            },
        };
        if (TestEngine.IsApi7)
        {
            var error = Assert.Throws<ArgumentException>(send);
            Assert.StartsWith("deferred size for GENs 1, 2, 23, 28 or 49 only", error.Message, StringComparison.Ordinal);
        }
        else
        {
            // Csound 6 survives the deferred size; 66 is its padsynth here, which the padsynth check may refuse.
            Exception? error = Record.Exception(send);
            Assert.True(error is null or CsoundException || error is ArgumentException a && a.Message.Contains("padsynth", StringComparison.Ordinal), error?.ToString());
        }
        for (int k = 0; k < 3; k++)
        {
            cs.PerformKsmps();
        }
        KnownRender.AssertStillRenders(cs);
        cs.ScoreEvent('f', 9, 0, 16, 10, 1); // a sized table of a built-in GEN still goes through
    }

    // The padsynth GEN reads its p5 to p10 whatever the statement holds: with 5 to 9 p-fields it aborts the process (a
    // C++ length error) or crashes, alone in C on both engines (ftgen by name; on Csound 6 events by number too, the
    // number Csound's named-GEN list gives it; the fuzzer's f event with GEN 66 on Csound 6).
    [Theory]
    [InlineData("FtgenByName", 5)]
    [InlineData("FtgenByName", 9)]
    [InlineData("EventByNumber", 5)]
    [InlineData("EventByNumber", 9)]
    public void PadsynthWithFewerThanTenPFieldsIsRefused(string route, int pfields)
    {
        using Csound cs = SilentEngine.Started();
        if (route == "EventByNumber" && TestEngine.IsApi7)
        {
            return; // Csound 7 has no named-GEN list: its numbers are not known to the SDK (README)
        }
        string args = string.Join(", ", System.Linq.Enumerable.Repeat("1", pfields - 5));
        Action send = route == "FtgenByName"
            ? () => cs.CompileOrc($"giP ftgen 7, 0, 16, \"padsynth\", 116{(args.Length > 0 ? ", " + args : "")}\n")
            : () => cs.ScoreEvent('f', [7, 0, 16, cs.GetNamedGens()["padsynth"], 116, .. System.Linq.Enumerable.Repeat(1.0, pfields - 5)]);
        var error = Assert.Throws<ArgumentException>(send);
        Assert.Contains("padsynth", error.Message, StringComparison.Ordinal);
        KnownRender.AssertStillRenders(cs);
        cs.CompileOrc("giQ ftgen 8, 0, 1024, \"padsynth\", 261, 25, 1, 1, 2, 1, 1, 0.5\n"); // all its parameters: a table
        Assert.True(cs.TableLength(8) > 0);
    }

    [Theory]
    [InlineData(-1.7976931348623157E+308)] // the fuzzer's find: the check's own arithmetic overflowed
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.NaN)]
    [InlineData(-9.3e18)]
    public void AnFEventWithAnExtremeGenNumberReachesTheGuardWithoutOverflow(double gen)
    {
        using Csound cs = SilentEngine.Started();
        Exception? error = Record.Exception(() => cs.ScoreEvent('f', 759, -7.45, 9.65e-81, gen, 1.35, 1708));
        Assert.True(error is null or ArgumentException or CsoundException, $"{error?.GetType().Name}: {error?.Message}");
        error = Record.Exception(() => cs.ReadScore(FormattableString.Invariant($"f 759 0 0 {gen:R} 1.35 1708\n")));
        Assert.True(error is null or ArgumentException or CsoundException, $"{error?.GetType().Name}: {error?.Message}");
        KnownRender.AssertStillRenders(cs);
    }

    // The same table made in orchestra code: Csound 7 exits the process (an ftgen at global level: exit code 1 in C)
    // or hangs (ftgenonce in an instrument). Literal arguments are checked as in events; the file's absence is Csound's
    // own error text, as a FileNotFoundException, on both engines.
    [Theory]
    [InlineData("giT ftgen 0, 0, 0, 1, \"{0}\", 0, 0, 0\n")]
    [InlineData("giT = ftgen(0, 0, 0, -1, \"{0}\", 0, 0, 0)\n")]
    [InlineData("instr 2\n iT ftgenonce 0, 0, 0, 1, \"{0}\", 0, 0, 0\nendin\n")]
    public void AnFtgenOfDeferredSizeOfAMissingFileIsRefused(string code)
    {
        using Csound cs = SilentEngine.Started();
        string missing = Path.Combine(_folder, "no such file.wav");
        var error = Assert.Throws<FileNotFoundException>(() => cs.CompileOrc(string.Format(System.Globalization.CultureInfo.InvariantCulture, code, missing)));
        Assert.Contains("Failed to open file " + missing, error.Message, StringComparison.Ordinal);
        KnownRender.AssertStillRenders(cs);
    }

    [Fact]
    public void ADeferredSizeTableOfAFileThatIsThereLoads()
    {
        string wav = Path.Combine(_folder, "tone.wav");
        Csound.RenderToFile(SilentEngine.Header + "instr 1\n out oscili(0.5, 440)\nendin\n", "i 1 0 0.5\n", wav);
        using Csound cs = SilentEngine.Started();
        cs.ReadScore($"f 5 0 0 1 \"{wav}\" 0 0 0\n");
        cs.ScoreEvent('f', 6, 0, 1024, 1, 0); // a sized table may name a missing file: Csound reports it and survives
        for (int k = 0; k < 5; k++)
        {
            cs.PerformKsmps();
        }
        Assert.Equal(Signal.ReadWav(wav).Samples.Length, cs.TableLength(5)); // the table holds the whole file
        cs.CompileOrc($"giWav ftgen 9, 0, 0, 1, \"{wav}\", 0, 0, 0\n"); // and from orchestra code
        Assert.Equal(Signal.ReadWav(wav).Samples.Length, cs.TableLength(9));
    }
}
