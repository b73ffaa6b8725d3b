using System.Linq;
using CsCheck;
using CsoundBindings.SourceGenerators.Parsing;
using CsoundBindings.Tests.Shared;
using Xunit;

namespace CsoundBindings.SourceGenerators.Tests;

/// <summary>
/// The orchestra reader runs inside the compiler: no input may make it throw, and the code it leads to compiles. The
/// inputs are the same on every run (<see cref="FixedSeed"/>).
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] Pieces =
    {
        "instr ", "endin", "opcode", "endop", "Voice", "1", ",", "+", "\n", " ", "\t", "\"", "name\"", "{{", "}}", "/*", "*/", ";", "//",
        "#include \"", "#define X #", "#", "$X", "p4", "p5", "p999999999999", "iamp", "=", "init", "pset", "0.5", "-1e308", "chn_k", "chn_a",
        "chn_S", "chnget", "chnset", "chnexport", "invalue", "outvalue", "kx", "Sx", "ax", "gkx", "[", "]", "(", ")", "\\", "\r\n", "é", "\0",
    };

    private static readonly Gen<string> Orchestra = Gen.OneOf(
        Gen.Int[0, Pieces.Length - 1].Array[0, 60].Select(ix => string.Concat(ix.Select(i => Pieces[i]))),
        Gen.String);

    [Fact]
    public void TheReaderNeverThrows() =>
        Orchestra.SampleFixed(text =>
        {
            OrchestraModel model = OrchestraParser.Parse("/project/fuzz.orc", text, (_, _) => ("/project/inc.orc", text));
            Assert.DoesNotContain(model.Problems, p => p.Id == Diagnostics.ParserFailure);
        }, seed: "0N0XIzNsQ0O2", iter: 5000, print: text => text);

    [Fact]
    public void TheGeneratedCodeCompilesWhateverTheOrchestra() =>
        Orchestra.SampleFixed(text =>
        {
            var (sources, generator, compiler) = GeneratorHarness.Run("[CsoundBindings.CsoundOrchestra(\"fuzz.orc\")]\npublic partial class Fuzz;\n", new InMemoryText("/project/fuzz.orc", text));
            // When the generator throws it contributes no source: say what it reported.
            Assert.True(sources.Length == 1, $"{sources.Length} generated sources; generator diagnostics: {string.Join(" | ", generator)}");
            Assert.Empty(compiler);
        }, seed: "0N0XIzNsQ0O2", iter: 150, print: text => text);
}
