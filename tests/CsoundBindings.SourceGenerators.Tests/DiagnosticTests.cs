using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CsoundBindings.SourceGenerators.Tests;

/// <summary>Each orchestra problem is a compile-time diagnostic with its stable id, at its file and line; the build goes on.</summary>
public sealed class DiagnosticTests
{
    private const string Class = "[CsoundBindings.CsoundOrchestra(\"bad.orc\")]\npublic partial class Bad;\n";

    private static Diagnostic[] Diagnose(string orchestra, params AdditionalText[] more)
    {
        var files = new AdditionalText[] { new InMemoryText("/project/bad.orc", orchestra) }.Concat(more).ToArray();
        var (sources, generator, compiler) = GeneratorHarness.Run(Class, files);
        Assert.Empty(compiler); // whatever the orchestra holds, the generated code compiles
        Assert.Single(sources);
        return generator.ToArray();
    }

    private static void Expect(Diagnostic[] found, string id, int line, string text)
    {
        Diagnostic d = Assert.Single(found, x => x.Id == id);
        Assert.Equal("/project/bad.orc", d.Location.GetLineSpan().Path);
        Assert.Equal(line, d.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains(text, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void AnInstrWithoutEndinIsCso001AtItsLine() =>
        Expect(Diagnose("instr 1\nendin\n\ninstr 2\n a1 oscili 0.1, 440\n"), "CSO001", 4, "has no endin");

    [Fact]
    public void AnEndinWithoutInstrIsCso001() =>
        Expect(Diagnose("instr 1\nendin\nendin\n"), "CSO001", 3, "endin without an instr");

    [Fact]
    public void AnUnterminatedStringIsCso002() =>
        Expect(Diagnose("instr 1\n Sname = \"open\nendin\n"), "CSO002", 2, "not closed");

    // Found by the fuzz test in CI: an instr label that is a string, here an unterminated one, made the
    // generator index an empty label and contribute no source at all.
    [Theory]
    [InlineData("instr \t\"\nchn_Sp4axinit]\n")]
    [InlineData("instr \"\"\nendin\n")]
    [InlineData("instr 1, \"\", Lead\nendin\n")]
    public void AStringWhereAnInstrumentNameGoesIsNoInstrumentAndTheBuildGoesOn(string orchestra)
    {
        Diagnose(orchestra);
        string source = GeneratorHarness.Run(Class, new InMemoryText("/project/bad.orc", orchestra)).Sources.Single();
        Assert.DoesNotContain("Schedule(null, Number(\"\")", source, System.StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnterminatedCommentIsCso003() =>
        Expect(Diagnose("instr 1\nendin\n/* the rest\ninstr 2\nendin\n"), "CSO003", 3, "not closed");

    [Fact]
    public void ADuplicateInstrumentNameIsCso004() =>
        Expect(Diagnose("instr Lead\nendin\ninstr Bass, Lead\nendin\n"), "CSO004", 3, "'Lead' is defined again");

    [Fact]
    public void APFieldUsedWithoutANameIsCso005AndStillAParameter()
    {
        Diagnostic[] found = Diagnose("instr 1\n iamp = p4\n a1 oscili iamp, p5\n out a1\nendin\n");
        Expect(found, "CSO005", 3, "p5 of instr 1 is used but never given a name");
        Assert.Equal(DiagnosticSeverity.Warning, found.Single(d => d.Id == "CSO005").Severity);
        string source = GeneratorHarness.Run(Class, new InMemoryText("/project/bad.orc", "instr 1\n iamp = p4\n a1 oscili iamp, p5\n out a1\nendin\n")).Sources.Single();
        Assert.Contains("Instr1(double start, double duration, double amp, double p5)", source, System.StringComparison.Ordinal);
    }

    [Fact]
    public void AnOrchestraFileMissingFromTheProjectIsCso006AtTheAttribute()
    {
        var (sources, generator, _) = GeneratorHarness.Run(Class);
        Assert.Empty(sources);
        Diagnostic d = Assert.Single(generator, x => x.Id == "CSO006");
        Assert.Equal("/project/Source0.cs", d.Location.GetLineSpan().Path);
        Assert.Contains("AdditionalFiles", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void AnIncludeOutsideTheProjectIsCso007AndOneInsideIsRead()
    {
        Expect(Diagnose("#include \"elsewhere.udo\"\ninstr 1\nendin\n"), "CSO007", 1, "elsewhere.udo");
        var (sources, generator, _) = GeneratorHarness.Run(Class,
            new InMemoryText("/project/bad.orc", "#include \"voices.inc\"\ninstr 1\nendin\n"),
            new InMemoryText("/project/voices.inc", "; Included lead.\ninstr Lead\n ipitch = p4\n chnset ipitch, \"pitch\"\nendin\n"));
        Assert.DoesNotContain(generator, d => d.Id == "CSO007");
        Assert.Contains("public global::CsoundBindings.ScheduledNote Lead(double start, double duration, double pitch)", sources.Single(), System.StringComparison.Ordinal);
        Assert.Contains("public double Pitch", sources.Single(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void ACleanOrchestraHasNoDiagnostics() =>
        Assert.Empty(Diagnose("; fine\ninstr 1\n iamp = p4 ; level\n out oscili(iamp, 440)\nendin\n"));
}
