using System;
using System.IO;
using System.Linq;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests.Reliability;

/// <summary>
/// Options and arguments that took the process down (SIGSEGV, SIGABRT or a hang creating 100,000 threads), through
/// SetOption, a CSD's CsOptions (text and file), and score events. Each is now a typed exception with Csound's own
/// words, and the engine renders correctly afterwards.
/// </summary>
public sealed class HostileArgumentTests
{
    public static TheoryData<string> KillingOptions => new()
    {
        "--version", "--help", "-U sndinfo", "--utility=sndinfo", "-r-1", "-r0", "--sample-rate=-1", "-k0", "-j-1",
        "-j 100000", "-j0", "--num-threads=100000", "-b", "--nonexistent",
    };

    [Theory]
    [MemberData(nameof(KillingOptions))]
    public void AnOptionCsoundWouldDieOnIsATypedErrorAndTheEngineStaysUsable(string option)
    {
        using var cs = new Csound();
        cs.Message += (_, _) => { };
        var error = Assert.Throws<CsoundException>(() => cs.SetOption(option));
        Assert.Contains(option.Split(' ', '=')[0].TrimStart('-'), error.Message, StringComparison.Ordinal);
        KnownRender.AssertStillRenders(cs);
    }

    [Theory]
    [MemberData(nameof(KillingOptions))]
    public void TheSameOptionInACsdIsRefusedBeforeCsoundReadsIt(string option)
    {
        string csd = "<CsoundSynthesizer>\n<CsOptions>\n-n ; silent\n" + option + "\n</CsOptions>\n<CsInstruments>\n" +
            "sr=44100\nksmps=64\nnchnls=1\n0dbfs=1\ninstr 1\nendin\n</CsInstruments>\n<CsScore>\ni1 0 0.1\n</CsScore>\n</CsoundSynthesizer>\n";
        using var cs = new Csound();
        cs.Message += (_, _) => { };
        if (TestEngine.IsApi7 && option == "--nonexistent")
        {
            // Csound 7 reports an unknown long option itself and goes on: the SDK lets it (only checks what kills).
            cs.CompileCsdText(csd);
            KnownRender.AssertStillRenders(cs);
            return;
        }
        var error = Assert.Throws<CsoundException>(() => cs.CompileCsdText(csd));
        Assert.Contains("CsOptions", error.Message, StringComparison.Ordinal);
        string path = Path.Combine(Path.GetTempPath(), $"csb-options-{Guid.NewGuid():N}.csd");
        File.WriteAllText(path, csd);
        try
        {
            Assert.Throws<CsoundException>(() => cs.CompileCsd(path));
        }
        finally
        {
            File.Delete(path);
        }
        KnownRender.AssertStillRenders(cs);
    }

    [Fact]
    public void GoodOptionsAndValuesStillPass()
    {
        using var cs = new Csound();
        cs.Message += (_, _) => { };
        cs.SetOption("-r 48000 -k 750 -j 1 --num-threads=1 -b 256 -m0");
        cs.CompileCsdText("<CsoundSynthesizer>\n<CsOptions>\n-n -d -j1 ; comment -U\n</CsOptions>\n<CsInstruments>\nksmps=64\nnchnls=1\n0dbfs=1\ninstr 1\nendin\n</CsInstruments>\n</CsoundSynthesizer>\n");
        cs.Start();
        Assert.Equal(48000, cs.Sr);
    }

    [Fact]
    public void MoreThanOneThreadIsRefused()
    {
        using var cs = new Csound();
        cs.Message += (_, _) => { };
        Assert.Contains("one thread", Assert.Throws<CsoundException>(() => cs.SetOption("-j 2")).Message, StringComparison.Ordinal);
        Assert.Throws<CsoundException>(() => cs.SetOption("--num-threads=4"));
        Assert.Throws<CsoundException>(() => cs.CompileCsdText("<CsoundSynthesizer>\n<CsOptions>\n-n -j2\n</CsOptions>\n<CsInstruments>\ninstr 1\nendin\n</CsInstruments>\n</CsoundSynthesizer>\n"));
        KnownRender.AssertStillRenders(cs);
    }

    [Fact]
    public void MoreThanMaxPFieldsIsRefusedAndTheLimitItselfPlays()
    {
        using Csound cs = SilentEngine.Create(SilentEngine.Header + "instr 1\n chnset p4, \"p4\"\nendin\n");
        cs.Start();
        double[] atLimit = new double[Csound.MaxPFields];
        atLimit[0] = 1;
        atLimit[2] = 0.01;
        atLimit[3] = 0.25;
        cs.ScoreEvent('i', atLimit);
        double[] over = new double[5000];
        over[0] = 1;
        over[2] = 0.01;
        var error = Assert.Throws<ArgumentException>(() => cs.ScoreEvent('i', over));
        Assert.Contains("1998", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => cs.ScoreEventAsync('i', over));
        Assert.Throws<ArgumentException>(() => cs.ScoreEventAbsolute('i', 0, over));
        for (int k = 0; k < 4; k++)
        {
            cs.PerformKsmps();
        }
        Assert.Equal(0.25, cs.GetControlChannel("p4"));
        KnownRender.AssertStillRenders(cs);
    }

    [Fact]
    public void HugeValuesAndAHugeTableDoNotTakeTheProcessDown()
    {
        using Csound cs = SilentEngine.Create(SilentEngine.Header + "instr 1\n a1 oscili p4, p5\n out a1\nendin\n");
        cs.Start();
        cs.ScoreEvent('i', 1, 0, 0.01, double.MaxValue, double.MaxValue);
        var error = Assert.Throws<ArgumentException>(() => cs.ScoreEvent('f', 2, 0, 1e9, 10, 1));
        Assert.Contains(Csound.MaxTableSize.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => cs.ScoreEvent('f', 2, 0, double.NaN, 10, 1));
        cs.ScoreEvent('f', 3, 0, 1024, 10, 1); // an ordinary table still goes
        for (int k = 0; k < 10; k++)
        {
            cs.PerformKsmps();
        }
        KnownRender.AssertStillRenders(cs);
    }

    // Csound skips an advance ('a', p3 seconds) cycle by cycle: in C on Csound 6, 100,000 s took 1.2 s and the fuzzer's
    // 1e9 s ran on for hours (SIGTERM did not stop it). Score text, input lines and events over a day are refused; an
    // advance within it plays and moves score time.
    [Theory]
    [InlineData("ReadScore")]
    [InlineData("InputMessage")]
    [InlineData("ScoreEvent")]
    public void AnAdvanceOfMoreThanADayIsRefusedAndAShortOnePlays(string route)
    {
        using Csound cs = SilentEngine.Started();
        Action<double> send = route switch
        {
            "ReadScore" => seconds => cs.ReadScore(FormattableString.Invariant($"a 0 0 {seconds:R}\n")),
            "InputMessage" => seconds => cs.InputMessage(FormattableString.Invariant($"a 0 0 {seconds:R}")),
            _ => seconds => cs.ScoreEvent('a', 0, 0, seconds),
        };
        if (route != "ReadScore" && TestEngine.IsApi7)
        {
            Assert.ThrowsAny<Exception>(() => send(100)); // Csound 7 takes no 'a' events or lines at all
            return;
        }
        var error = Assert.Throws<ArgumentException>(() => send(1e9));
        Assert.Contains("86400", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => send(double.PositiveInfinity));
        send(100);
        for (int k = 0; k < 10; k++)
        {
            cs.PerformKsmps();
        }
        Assert.InRange(cs.ScoreTime, 100, 101);
        KnownRender.AssertStillRenders(cs);
    }
}
