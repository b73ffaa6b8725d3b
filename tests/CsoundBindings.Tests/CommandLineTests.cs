using System;
using System.IO;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

/// <summary><see cref="Csound.CompileCommandLine"/>: options and input files in one call, as the csound program takes them.</summary>
public sealed class CommandLineTests : IDisposable
{
    private const string Orchestra = "sr=44100\nksmps=64\nnchnls=1\n0dbfs=1\ninstr 1\n out oscili(0.5, p4)\nendin\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("csoundbindings command line ").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static Csound Engine()
    {
        var cs = new Csound();
        cs.Message += (_, _) => { };
        return cs;
    }

    private static void AssertRendered(string wav, double pitch, double seconds)
    {
        var (samples, rate, _) = Signal.ReadWav(wav);
        Assert.InRange(samples.Length / (double)rate, seconds - 0.01, seconds + 0.01);
        Assert.InRange(Signal.Pitch(samples.AsSpan(rate / 10, rate / 2), rate), pitch * 0.99, pitch * 1.01);
        Assert.InRange(Signal.Rms(samples.AsSpan(rate / 10, rate / 2)), 0.5 / Math.Sqrt(2) * 0.98, 0.5 / Math.Sqrt(2) * 1.02);
    }

    [Fact]
    public void ACsdWithFlagsAndAnOutputPathWithSpacesRenders()
    {
        string csd = Write("piece one.csd", $"<CsoundSynthesizer>\n<CsOptions>\n-d\n</CsOptions>\n<CsInstruments>\n{Orchestra}</CsInstruments>\n<CsScore>\ni 1 0 1 330\n</CsScore>\n</CsoundSynthesizer>\n");
        string wav = Path.Combine(_folder, "out put.wav");
        using Csound cs = Engine();
        cs.CompileCommandLine("-W", "-o", wav, "-m0", csd);
        Assert.Equal(CsoundState.Compiled, cs.State);
        cs.Perform();
        cs.Dispose();
        AssertRendered(wav, 330, 1);
    }

    [Fact]
    public void AnOrchestraAndAScoreRender()
    {
        string orc = Write("tone.orc", Orchestra);
        string sco = Write("tone.sco", "i 1 0 0.75 550\n");
        string wav = Path.Combine(_folder, "pair.wav");
        using Csound cs = Engine();
        cs.CompileCommandLine("-W", $"-o{wav}", orc, sco);
        cs.Perform();
        cs.Dispose();
        AssertRendered(wav, 550, 0.75);
    }

    [Fact]
    public void BadInputIsRefusedAndTheEngineStaysUsable()
    {
        using Csound cs = Engine();
        Assert.Throws<FileNotFoundException>(() => cs.CompileCommandLine("-n", Path.Combine(_folder, "missing.csd")));
        Assert.Throws<ArgumentException>(() => cs.CompileCommandLine("-n"));
        // Refused by the option guard on Csound 6 (its long options are listed), by Csound's own decoder on 7.
        var option = Assert.ThrowsAny<CsoundException>(() => cs.CompileCommandLine("--no-such-option", Write("a.csd", "<CsoundSynthesizer></CsoundSynthesizer>")));
        Assert.Contains("no-such-option", option.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => cs.CompileCommandLine(null!));
        string broken = Write("broken.csd", "<CsoundSynthesizer>\n<CsInstruments>\ninstr 1\n out oscili(0.5, \nendin\n</CsInstruments>\n<CsScore>\ni 1 0 1\n</CsScore>\n</CsoundSynthesizer>\n");
        var error = Assert.Throws<CsoundCompileException>(() => cs.CompileCommandLine("-n", broken));
        Assert.Contains("error", error.Message, StringComparison.OrdinalIgnoreCase);
        KnownRender.AssertStillRenders(cs);
        cs.Start();
        Assert.Throws<InvalidOperationException>(() => cs.CompileCommandLine("-n", broken)); // options go before Start
    }
}
