using System;
using System.IO;
using System.Linq;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests.Reliability;

/// <summary>
/// <c>#include</c> in orchestra text. Replayed in C on a fresh engine: on Csound 7 an include of a file that does
/// not exist, or whose name is 100 bytes or longer, crashes the preprocessor (its name buffer holds 99 bytes and a
/// missing file aborts the compile with no recovery point); in score text (ReadScore) a missing include crashes both
/// engines, which is why score text takes no <c>#include</c> at all. The SDK resolves the file as Csound does (as
/// given, then along INCDIR) and refuses what Csound could not open with Csound's own message; an include that
/// resolves still compiles, on both engines.
/// </summary>
public sealed class IncludeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("csoundbindings include ").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);


    private string Udo(string name)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, "instr 7\n out oscili(0.5, 440)\nendin\n");
        return path;
    }

    private void Send(Csound cs, string member, string text)
    {
        string csd = $"<CsoundSynthesizer>\n<CsInstruments>\n{text}</CsInstruments>\n</CsoundSynthesizer>\n";
        switch (member)
        {
            case nameof(Csound.CompileCsd):
                string path = Path.Combine(_folder, "with include.csd");
                File.WriteAllText(path, csd);
                cs.CompileCsd(path);
                break;
            case nameof(Csound.CompileOrc):
                cs.CompileOrc(text);
                break;
            case nameof(Csound.CompileCsdText):
                cs.CompileCsdText(csd);
                break;
            default:
                cs.EvalCode(text);
                break;
        }
    }

    [Theory]
    [InlineData(nameof(Csound.CompileOrc), "#include \"no such file.orc\"\n")]
    [InlineData(nameof(Csound.CompileOrc), "instr 2\nendin\n#include \"nofile.orc\"")]
    [InlineData(nameof(Csound.CompileOrc), " S1 #include S1 then </CsoundSynthesizer>\n")] // the fuzzer's form: any character delimits the name
    [InlineData(nameof(Csound.CompileOrc), "#include |a|\n")]
    [InlineData(nameof(Csound.CompileOrc), "#include\n\"nofile.orc\"\n")] // the name may start on a later line
    [InlineData(nameof(Csound.CompileCsdText), "#include \n f q turnoff f <CsScore>\n")] // the fuzzer's form: the name " q turno"
    [InlineData(nameof(Csound.CompileOrc), "#include \rnofile.orc\r\n")] // a carriage return delimits too
    [InlineData(nameof(Csound.EvalCode), "#include \"nofile.orc\"\n")]
    [InlineData(nameof(Csound.CompileOrc), "#includestr \"nofile.orc\"\n")]
    [InlineData(nameof(Csound.EvalCode), "#includestr Named\n S1 sprintf \"%d\", p4\n")] // the fuzzer's form: the next string is the name
    [InlineData(nameof(Csound.CompileCsdText), "#include \"nofile.orc\"\n")]
    [InlineData(nameof(Csound.CompileCsd), "#include \"nofile.orc\"\n")]
    [InlineData(nameof(Csound.CompileOrc), "\\\"#includevnv")] // the fuzzer's form: an escaped quote opens no string, so the include is code
    public void AnIncludeOfAMissingFileIsRefusedWithCsoundsMessage(string member, string text)
    {
        using Csound cs = SilentEngine.Started();
        var error = Assert.Throws<CsoundCompileException>(() => Send(cs, member, text));
        Assert.StartsWith("Cannot open #include'd file", error.Message, StringComparison.Ordinal); // the cause first
        Assert.Contains(member, error.Message, StringComparison.Ordinal);
        KnownRender.AssertStillRenders(cs);
    }

    [Fact]
    public void AnIncludeNameOf100BytesOrMoreIsRefusedEvenWhenTheFileExists()
    {
        string deep = Path.Combine(_folder, new string('d', 60), new string('e', 60));
        Directory.CreateDirectory(deep);
        File.WriteAllText(Path.Combine(deep, "ok.orc"), "instr 7\nendin\n");
        using Csound cs = SilentEngine.Started();
        var error = Assert.Throws<CsoundCompileException>(() => cs.CompileOrc($"#include \"{Path.Combine(deep, "ok.orc")}\"\n"));
        Assert.Contains("99 bytes", error.Message, StringComparison.Ordinal);
        KnownRender.AssertStillRenders(cs);
    }

    // Csound's preprocessor skips ';', '//' and '/* */' comments and {{ }} strings, so an include there is no include
    // (replayed in C: each compiles on both engines with no such file).
    [Theory]
    [InlineData("/* #include \"nofile.orc\" */\ninstr 3\nendin\n")]
    [InlineData("// #include \"nofile.orc\"\ninstr 3\nendin\n")]
    [InlineData("gS3 = {{ #include \"nofile.orc\" }}\ninstr 3\nendin\n")]
    [InlineData("gS4 = \"#include \\\"nofile.orc\" ; #include \"nofile.orc\"\ninstr 3\nendin\n")]
    public void AnIncludeInACommentOrStringIsLeftToCsound(string text)
    {
        using Csound cs = SilentEngine.Started();
        cs.CompileOrc(text);
        KnownRender.AssertStillRenders(cs);
    }

    [Fact]
    public void AnIncludeThatResolvesCompilesAndPlays()
    {
        string path = Udo("seven.orc");
        using Csound cs = SilentEngine.Create(SilentEngine.Header + $"#include \"{path}\"\n");
        cs.ScoreEvent('i', 7, 0, 1);
        cs.Start();
        var audio = Enumerable.Range(0, 100).SelectMany(_ =>
        {
            cs.PerformKsmps();
            return cs.Spout.ToArray();
        }).ToArray();
        Assert.InRange(Signal.Pitch(audio, 44100), 440 * 0.99, 440 * 1.01);
    }

    [Fact]
    public void AnIncludeIsFoundAlongIncdirAndAnIllFormedOneIsLeftToCsound()
    {
        _ = Udo("along incdir.orc");
        using (Csound cs = SilentEngine.Started())
        {
            // Csound ignores an include whose name is not closed on its line, with a warning.
            cs.CompileOrc("#include \"never closed\ninstr 3\nendin\n");
            Assert.Throws<CsoundCompileException>(() => cs.CompileOrc("#include \"along incdir.orc\"\n"));
        }
        // A relative name is looked up along INCDIR as the engine's environment holds it (read when it is created).
        NativeEnvironment.Set("INCDIR", "/nonexistent:" + _folder);
        try
        {
            using Csound cs = SilentEngine.Started();
            Assert.Equal("/nonexistent:" + _folder, cs.GetEnv("INCDIR"));
            cs.CompileOrc("#include \"along incdir.orc\"\n");
        }
        finally
        {
            NativeEnvironment.Set("INCDIR", null);
        }
    }
}
