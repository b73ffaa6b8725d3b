using System;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests.Reliability;

/// <summary>
/// Inputs the free-text fuzzer found killing the process, each minimised and replayed alone on a fresh engine through
/// Csound's C API (it crashed there too, on both engines): the SDK refuses them with a typed exception before Csound
/// sees them, the engine stays usable, and the valid forms next to them still go through.
/// </summary>
public sealed class ScoreCrasherTests
{
    public static TheoryData<string, string> Crashers => new()
    {
        { "ReadScore", "r 0\n" },
        { "ReadScore", "r -1\n" },
        { "ReadScore", "r 0.5\n" },
        { "ReadScore", "i 1 0 0.1\nr -0.08 -3.2 1181\n" },
        { "ReadScore", "}8qW\n" },
        { "ReadScore", "i 1 0 1 }\n" },
        { "ReadScore", "i 1 0 1 {\n" },
        { "ReadScore", "a}_@oVW@7Gzmw\n" },
        { "ReadScore", "x #define\n" },
        { "ReadScore", "\" k1 } ksmps {\n" },
        { "ReadScore", "f]:X+\"<5>ms|BK;s|t5i}G?]`{8Z\"\n" },
        { "ReadScore", "Cy\n" },                             // C (carry) without its number: the fuzzer's random text, minimised
        { "ReadScore", "C\n" },
        { "ReadScore", "\"\\\";{" },                          // Csound 7, alone: \" escapes the quote, so the ';' and '{' are in an open string
        { "InputMessage", "i 1 0 0.1 \"a\\\" ; }" },
        // A letter where p1 begins (an unquoted instrument name, the fuzzer's "i i i ..."): both engines read past the
        // reader's text buffer (valgrind, alone in C).
        { "ReadScore", "i Named 0 1\n" },
        { "InputMessage", "i x 0 1" },
        { "ReadScore", "f x 0 16 10 1\n" },
        { "ReadScore", "i i i i i i\n" },
        // A negative clock base inside a loop of 400 or more: invalid reads on both engines (the fuzzer's "{ 980", b, t).
        { "ReadScore", "{ 400\nb -1\ni 1 0 0.01\n}\n" },
        { "ReadScore", "{ 980\n{ 2\nb -1\n}\ni 1 0 0.01\n}\n" },
        { "ReadScore", "y\\" },                             // a y (seed) line ending the text on a backslash: both engines, alone in C
        { "ReadScore", "y \\" },
        { "ReadScore", "B\n" },                             // B (accumulating clock base) without its number, both engines
        { "ReadScore", "BsHQKJPh;Q1|l+?O$DL>7+!]bE_C#rj!\n" },     // the fuzzer's random text, minimised to "B"
        { "ReadScore", "{ 0\n}\n" },                       // a loop that repeats 0 times (fuzzer find)
        { "ReadScore", "{ 0 n\ni 1 0 0.1\n}\n" },
        { "ReadScore", "{ 0.5 n\ni 1 0 0.1\n}\n" },
        { "CompileOrc", "instr 2\n/* a */ out 0 /* b\nendin\n" },
        // A string left open at the very end of orchestra text, ending in a backslash: the lexer's escape reads past the
        // end (invalid reads in C: both engines for "\"\\", Csound 7 for the rest; the fuzzer's form ended "...WU]\\").
        { "CompileOrc", "S \"V2=86*s{ Q6}3I*fmAbh!EfQq;.w^#K >=^tG~,Q43uJO=%/Oe4uDuLU(\\[rO!V@iu5|kVnY}8B_Y?b;0k#TV0C,.Z|GNa:M.6WU]\\" },
        { "CompileOrc", "\"\\" },
        { "CompileOrc", "instr 2\nendin\nS \"a\\ " },
        { "EvalCode", "S \"ab\\\\\\\t" },
        { "EvalCode", "/* a */ /*" },
        // An escaped ';' in a string on the text's last line, open or closed (the fuzzer's random orchestra, minimised
        // through the SDK to "\"\\;"; both engines alone in C).
        { "CompileOrc", "\"\\;" },
        { "EvalCode", "instr 2\nendin\nS1 = \"a\\;b\"" },
        { "CompileOrc", "S1 = \"a\\\\\\;\"\r" },
        // A #define whose parameter list runs to the end of the text: both preprocessors read past it (the fuzzer's
        // mutated seed orchestra, minimised through the SDK to "#defineo("; alone in C on both engines).
        { "CompileOrc", "#defineo(" },
        { "EvalCode", "#define o(a#b" },
        { "CompileOrc", "instr 1\nendin\n#define Twice(x'y \n" },
        // turnoff with an argument takes an instance handle from nstance, a memory address: a number there crashes
        // both engines when it runs (the fuzzer's "turnoff ksmps" in EvalCode; alone in C, in global code and in an
        // instrument).
        { "EvalCode", "turnoff ksmps" },
        { "CompileOrc", "instr 2\n turnoff 1 ; stop\nendin\nschedule 2, 0, 1\n" },
        { "EvalCode", "turnoff -1.5" },
        // Csound 7: an 'e' input line longer than about 20,420 characters corrupts the heap (alone, in C); the fuzzer's
        // form was 150 KB of "else else ...".
        { "InputMessage", "e" + new string(' ', 30_000) },
        { "ReadScore", "e" + new string(' ', 30_000) + "\n" },                         // the same in score text, both engines
        { "ReadScore", string.Concat(System.Linq.Enumerable.Repeat("event ", 5_000)) + "\n" },
        { "ReadScore", "s" + new string(' ', 30_000) + "\n" },                         // s and y lines too (fuzzer: "s s s ...")
        { "ReadScore", string.Concat(System.Linq.Enumerable.Repeat("s ", 15_000)) + "\n" },
        { "ReadScore", "y 1" + new string(' ', 30_000) + "\n" },
        { "InputMessage", string.Concat(System.Linq.Enumerable.Repeat("else ", 5_000)) },
        // Csound 6: a string not closed on its input line makes csoundInputMessage read on past the text (220,000
        // invalid reads under valgrind, in C, alone on a fresh engine; the fuzzer's form was f " <CsOptions> */).
        { "InputMessage", "f \" <CsOptions> */" },
        { "InputMessage", "i 1 0 1 \"abc\n" },
        { "ReadScore", "i \"\n" },                          // in score text the reader reads past it too (84 invalid reads)
        // Named sections (m marks, n repeats), each reproduced alone in C on both engines. A reader error inside a repeat
        // reads an uninitialised input slot (valgrind; through the SDK a dirty heap made it SIGSEGV: the fuzzer's find).
        { "ReadScore", "m A\ni 1 0 0.1\nQ 1 2\ns\nn A\n" },
        { "ReadScore", "m A\ni 1 0 0.1\nn A\n" },                  // a repeat inside its own section reads itself (invalid reads)
        { "ReadScore", "m " + new string('a', 5_000) + "\n" },        // the name overflows a 200-byte stack buffer (stack smashing)
        { "ReadScore", "m -0.125 0 -9\ni 1 0 0.1\ns\nn -6\n" },    // the fuzzer's form: both names are empty, so they match
        { "ReadScore", "m A\ni 1 0 0.1\ni 1 0.1 0.1 . +\ns\nn A\n" },  // carries where the reader reports them (valgrind)
        // An s or e line whose first field is not a number: the reader takes a v, B, C or b after it as a statement
        // without its number and crashes (both engines, alone in C; the fuzzer's "s^v" on Csound 6).
        { "ReadScore", "s^v" },
        { "ReadScore", "s1v\n" },
        { "ReadScore", "e@B\n" },
        { "ReadScore", "s^ v\ni 1 0 0.1\n" },
    };

    public static TheoryData<string, string> ValidNeighbours => new()
    {
        { "ReadScore", "r 1\ni 1 0 0.1\n" },
        { "ReadScore", "m A\ni 1 0 0.1\ni 1 0.1 0.1 [1 + 2] \"s\"\ns\nn A\n" },
        { "ReadScore", "r 2\ni 1 0 0.1\n" },
        { "ReadScore", "#define M #0.1#\ni 1 0 $M\n" },
        { "ReadScore", "/* a */ i 1 0 0.1 /* b */\n" },
        { "ReadScore", "{ 2 n\ni 1 [$n * 0.1] 0.1\n}\n" },
        { "ReadScore", "C 1\ni 1 0 0.1\n" },
        { "ReadScore", "B 1\ni 1 0 0.1\n" },
        { "ReadScore", "y 5\ni 1 0 0.1\n" },
        { "ReadScore", "i 1 0 0.1\ns 0.5 ; the section ends\ni 1 0 0.1\ns\n" },
        { "ReadScore", "i 1 0 0.1\ns2\ni 1 0 0.1\ns 1 v\n" },
        { "ReadScore", "{ 400\nb 1\ni 1 0 0.001\n}\n" },
        { "ReadScore", "b -1\ni 1 1.5 0.1\n" },
        { "ReadScore", "i 1 0 0.1 \"say \\\"hi\\\"\" ; a comment {\n" },        // escaped quotes inside a closed string
        { "ReadScore", "i 1 0 0.1" + new string(' ', 30_000) + "\ns\ni 1 0 0.1\n" },
        { "CompileOrc", "instr 2\n/* a */ out a(0) /* b */\nendin\n" },
        { "CompileOrc", "gS1 = \"a\\\\\" ; \"x\\" },               // a string that ends in an escaped backslash, a comment after it
        { "CompileOrc", "gS2 = \"a;b\"" },                             // a ';' in a string, not escaped, on the last line
        { "CompileOrc", "#define Twice(x) #$x*2#\ngiX = $Twice(3)\n" },
        { "CompileOrc", "instr 2\n turnoff\nendin\n" },
        { "CompileOrc", "instr 2\n ih nstance 1, 0, 1\n turnoff ih\nendin\n" },
        { "EvalCode", "; turnoff 1\nturnoff 0\n" },                    // 0 is Csound's 'instance not valid' warning
        { "InputMessage", "e 10  ; a time, with a comment\n" },
        { "InputMessage", "i 1 0 0.1" + new string(' ', 30_000) + "\n" },
        { "InputMessage", "i \"Named\" 0 0.1 7 ; a \"quote in a comment\n" },
    };

    private static void Send(Csound cs, string member, string text)
    {
        switch (member)
        {
            case "ReadScore":
                cs.ReadScore(text);
                break;
            case "CompileOrc":
                cs.CompileOrc(text);
                break;
            case "InputMessage":
                cs.InputMessage(text);
                break;
            default:
                cs.EvalCode(text);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Crashers))]
    public void ACsoundCrasherIsRefusedAndTheEngineStaysUsable(string member, string text)
    {
        using Csound cs = SilentEngine.Started();
        var error = Assert.Throws<ArgumentException>(() => Send(cs, member, text));
        Assert.Contains("crashes", error.Message, StringComparison.Ordinal);
        Assert.StartsWith(member, error.Message, StringComparison.Ordinal);
        KnownRender.AssertStillRenders(cs);
    }

    [Theory]
    [MemberData(nameof(ValidNeighbours))]
    public void TheValidFormNextToACrasherStillGoesThrough(string member, string text)
    {
        using Csound cs = SilentEngine.Started();
        Send(cs, member, text);
        for (int k = 0; k < 10; k++)
        {
            cs.PerformKsmps();
        }
        KnownRender.AssertStillRenders(cs);
    }

    // Csound reads C strings, so it sees text only up to a NUL: "/*\0*/" reaches it as an unclosed comment, which
    // crashed Csound 7 (SIGSEGV, found by the free-text fuzzer and minimised through the SDK to these five bytes).
    // Checks on the whole .NET string would pass it; the SDK refuses a NUL in any text it hands over.
    [Theory]
    [InlineData("ReadScore", "/*\0*/")]
    [InlineData("InputMessage", "i 1 0 0.1 /*\0*/\n")]
    [InlineData("CompileOrc", "instr 2\n/*\0*/\nendin\n")]
    [InlineData("EvalCode", "/*\0*/ return 1")]
    public void TextWithANulIsRefusedBeforeCsoundReadsHalfOfIt(string member, string text)
    {
        using Csound cs = SilentEngine.Started();
        var error = Assert.Throws<ArgumentException>(() => Send(cs, member, text));
        Assert.Contains("NUL", error.Message, StringComparison.Ordinal);
        Assert.StartsWith(member, error.Message, StringComparison.Ordinal);
        KnownRender.AssertStillRenders(cs);
    }

    // A channel name with a NUL reached Csound cut short ("a\0b" as "a"); in one fuzzed sequence on Csound 6 (a held
    // note, a failed compile, free score text, a 250 KB input message) it ended in heap corruption. Every string the
    // SDK hands to Csound is refused with a NUL in it.
    [Fact]
    public void ANulInANameOrOptionIsRefusedToo()
    {
        using Csound cs = SilentEngine.Started();
        Assert.Contains("NUL", Assert.Throws<ArgumentException>(() => cs.SetControlChannel("a\0b", 1)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => cs.GetStringChannel("t\0"));
        Assert.Throws<ArgumentException>(() => cs.SetStringChannel("title", "x\0y"));
        Assert.Throws<ArgumentException>(() => cs.OpenControlChannel("c\0"));
        KnownRender.AssertStillRenders(cs);
        using var fresh = new Csound();
        Assert.Throws<ArgumentException>(() => fresh.SetOption("-n\0-d"));
    }

    // Csound keeps a mark as a position in the text it read it from: an 'n' in a later call repeats whatever stands at
    // that position in the new text (the fuzzer's crash: a mark in one ReadScore, orchestra text in the next, then an
    // error inside the repeat). A repeat in the same text plays: its notes arrive twice.
    [Fact]
    public void ANamedSectionRepeatsInItsOwnTextAndNotFromAnEarlierOne()
    {
        using var cs = new Csound();
        cs.SetOption("-n -d -m0");
        cs.CompileOrc(SilentEngine.Header + "instr 1\n icount chnget \"count\"\n chnset icount + 1, \"count\"\nendin\n");
        cs.Start();
        cs.ReadScore("m Verse\ni 1 0 0.01\ni 1 0 0.01\ns\nn Verse\n");
        for (int k = 0; k < 50; k++)
        {
            cs.PerformKsmps();
        }
        Assert.Equal(4, cs.GetControlChannel("count"));
        var error = Assert.Throws<ArgumentException>(() => cs.ReadScore("i 1 0 0.01\nn Verse\n"));
        Assert.Contains("'m Verse' earlier in the same text", error.Message, StringComparison.Ordinal);
        KnownRender.AssertStillRenders(cs);
    }

    // Csound's table of section names holds 30 per engine; the 31st writes past it (300 names crash both engines at
    // destroy, in C). Reset empties the table.
    [Fact]
    public void AnEngineMarksAtMost30SectionNamesUntilReset()
    {
        using Csound cs = SilentEngine.Started();
        for (int n = 0; n < 30; n++)
        {
            cs.ReadScore($"m Part{n}\ni 1 0 0.01\ns\n");
        }
        cs.ReadScore("m Part3\ni 1 0 0.01\ns\n"); // a name already held takes no new place
        var error = Assert.Throws<ArgumentException>(() => cs.ReadScore("m Part30\ni 1 0 0.01\ns\n"));
        Assert.Contains("30 section names", error.Message, StringComparison.Ordinal);
        cs.Reset();
        cs.SetOption("-n -d -m0");
        cs.CompileOrc(SilentEngine.Header + "instr 1\nendin\n");
        cs.Start();
        cs.ReadScore("m Part30\ni 1 0 0.01\ns\n");
        KnownRender.AssertStillRenders(cs);
    }

    // Csound 7 reports "No number following instr" and then crashes in its parser's clean-up when the bare 'instr'
    // follows a whole instrument (in C: "Csound tidy up: Segmentation fault", then a hang); the fuzzer's forms were a
    // CSD and "instr//..." in EvalCode. Csound 6 reports it and survives. Both now give Csound's error, before parsing.
    [Theory]
    [InlineData("CompileOrc", "instr 1\nendin\ninstr\n")]
    [InlineData("EvalCode", "instr 1\nendin\ninstr//\"[</CsOptions>e<CsOptions>\", p4\n kx chnget \"x\"\nendin\n")]
    [InlineData("CompileCsdText", "instr 1\nendin\n instr ; no name\n")]
    public void AnInstrWithoutANameIsACompileErrorWithCsoundsWords(string member, string text)
    {
        using Csound cs = SilentEngine.Started();
        var error = Assert.Throws<CsoundCompileException>(() => Send(cs, member, text));
        Assert.StartsWith("No number following instr", error.Message, StringComparison.Ordinal);
        KnownRender.AssertStillRenders(cs);
        Send(cs, member, "instr 3\nendin\n"); // a named one still compiles
    }

    // Csound's i() (the init-time value of its argument) with nothing in it: Csound 6 crashes on "ix = i()" and
    // "print i ()", Csound 7 on "ix = 1 + i()" and "print i()" (alone in C: "Csound tidy up: Segmentation fault").
    // Never valid on either engine, so refused on both with Csound 7's words, before parsing.
    [Theory]
    [InlineData("CompileOrc", "instr 1\n ix = i()\nendin\n")]
    [InlineData("CompileOrc", "instr 1\n ix = 1 + i ( )\nendin\n")]
    [InlineData("EvalCode", "instr 1\n print i()\nendin\n")]
    [InlineData("CompileOrc", "ix = i(\t)")]
    public void AnEmptyInitCastIsACompileErrorWithCsoundsWords(string member, string text)
    {
        using Csound cs = SilentEngine.Started();
        var error = Assert.Throws<CsoundCompileException>(() => Send(cs, member, text));
        Assert.StartsWith("Unable to find opcode entry for 'i'", error.Message, StringComparison.Ordinal);
        KnownRender.AssertStillRenders(cs);
    }

    // The free-text fuzzer's "ftgen i // e while ...", minimised through the SDK to "ftgen i//": Csound 7
    // reads a lone i, the only argument of a statement with no outputs, as i() with nothing in it and crashes (alone in
    // C), also as i:k or after a label; for k it reports "opcode 'k' for expression with arg types (null) not found".
    // Csound 6 reads it as a variable: an error when it is not defined, valid when it is (i = 1).
    [Theory]
    [InlineData("CompileOrc", "ftgen i//", false)]
    [InlineData("CompileOrc", "instr 1\n print i\nendin\n", false)]
    [InlineData("EvalCode", "instr 1\n i = 1\n printk2 i ; the value\nendin\n", true)]
    [InlineData("CompileOrc", "instr 1\nlab: print\ti:k\nendin\n", false)]
    public void ALoneIArgumentIsACompileErrorOnCsound7AndCsound6sOwnOnCsound6(string member, string text, bool validOn6)
    {
        using Csound cs = SilentEngine.Started();
        if (TestEngine.IsApi7)
        {
            var error = Assert.Throws<CsoundCompileException>(() => Send(cs, member, text));
            Assert.StartsWith("opcode 'i' for expression with arg types (null) not found", error.Message, StringComparison.Ordinal);
        }
        else if (validOn6)
        {
            Send(cs, member, text);
        }
        else
        {
            var error = Assert.Throws<CsoundCompileException>(() => Send(cs, member, text));
            Assert.DoesNotContain("refused before parsing", error.Message, StringComparison.Ordinal); // Csound's own error
        }
        KnownRender.AssertStillRenders(cs);
    }

    [Theory]
    [InlineData("instr 1\n kx = 1\n ix = i(kx)\n print ix\nendin\n")]
    [InlineData("instr 1\n goto i\n i:\nendin\n")]
    [InlineData("instr i\nendin\n")]
    [InlineData("instr 1\n/*\n print i\n ix = i()\n*/\nendin\n")]
    [InlineData("instr 1\n Sx = {{\n print i\n}}\n Sy = \"i()\" ; i()\nendin\n")]
    public void TheFormsOfIThatCsoundCompilesStillGoThrough(string text)
    {
        using Csound cs = SilentEngine.Started();
        cs.CompileOrc(text);
        KnownRender.AssertStillRenders(cs);
    }

    // Csound 7: a variable declared with a type it does not know (x:s, x:zz) compiles in global code and crashes
    // when it runs (the fuzzer's mutated "ksmpst:chnls=1", minimised through the SDK to "t:s=1"; alone in C, before
    // and after Start). Refused with Csound's words for the same declaration in an instrument. Csound 6 has no
    // typed names: it reads "t:" as a label.
    [Theory]
    [InlineData("EvalCode", "t:s=1")]
    [InlineData("CompileOrc", "x:zz = 1\n")]
    [InlineData("CompileOrc", "struct Pt x:k, y:k\nq:Point init 1, 2\n")]
    public void AVariableOfATypeCsoundDoesNotKnowIsACompileError(string member, string text)
    {
        using Csound cs = SilentEngine.Started();
        if (TestEngine.IsApi7)
        {
            var error = Assert.Throws<CsoundCompileException>(() => Send(cs, member, text));
            Assert.StartsWith("cannot create variable ", error.Message, StringComparison.Ordinal);
            Assert.Contains(": NULL type", error.Message, StringComparison.Ordinal);
        }
        else
        {
            // Csound 6 reads "t:" as a label: what it makes of the rest is its own affair, and it survives it.
            Exception? error = Record.Exception(() => Send(cs, member, text));
            Assert.True(error is null or CsoundCompileException, error?.ToString());
        }
        KnownRender.AssertStillRenders(cs);
    }

    [Fact]
    public void AStructTypeDefinedInAnEarlierCompileIsKnownUntilReset()
    {
        if (!TestEngine.IsApi7)
        {
            return; // structs are Csound 7's
        }
        using Csound cs = SilentEngine.Started();
        cs.CompileOrc("struct Pt x:k, y:k\ngp:Pt init 1, 2\n");
        cs.CompileOrc("gq:Pt init 3, 4\ngr:k[] init 2\ngs:S = \"s\"\n");
        KnownRender.AssertStillRenders(cs);
        cs.Reset();
        cs.SetOption("-n -d -m0");
        cs.CompileOrc(SilentEngine.Header + "instr 1\nendin\n");
        cs.Start();
        var error = Assert.Throws<CsoundCompileException>(() => cs.CompileOrc("gq:Pt init 3, 4\n"));
        Assert.StartsWith("cannot create variable gq: NULL type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ColonsOutsideACsdsInstrumentsAreNoTypedNames()
    {
        using var cs = new Csound();
        cs.Message += (_, _) => { };
        cs.CompileCsdText("<CsoundSynthesizer>\n<CsOptions>\n-n -d -m0 --env:SSDIR+=/tmp\n</CsOptions>\n<CsInstruments>\n" +
            SilentEngine.Header + "instr 1\n kx = 1\nendin\n</CsInstruments>\n<CsScore>\ni 1 0 0.01 ; at 0:00\n</CsScore>\n</CsoundSynthesizer>\n");
        Assert.EndsWith("/tmp", cs.GetEnv("SSDIR"), StringComparison.Ordinal); // += appends to what the process holds
    }
}
