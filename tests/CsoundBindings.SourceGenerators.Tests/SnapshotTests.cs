using System;
using System.IO;
using System.Linq;
using Xunit;

namespace CsoundBindings.SourceGenerators.Tests;

/// <summary>
/// Orchestra in, generated C# out, compared with golden files. After an intended change run the tests with
/// CSOUNDBINDINGS_ACCEPT=1 and review the golden file's diff in the same commit (as the bindings' snapshots).
/// </summary>
public sealed class SnapshotTests
{
    private const string Class = "namespace Demo;\n[CsoundBindings.CsoundOrchestra(\"synth.csd\")]\npublic partial class Synth;\n";

    [Theory]
    [InlineData("synth.csd", "Synth.Orchestra.g.cs.golden")]
    public void TheGeneratedCodeMatchesItsGoldenFile(string orchestra, string golden)
    {
        var (sources, generator, compiler) = GeneratorHarness.Run(Class, new InMemoryText($"/project/{orchestra}", GeneratorHarness.Snapshot(orchestra)));
        Assert.Empty(compiler);
        Assert.DoesNotContain(generator, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        string actual = Assert.Single(sources);
        string path = Path.Combine(GeneratorHarness.SnapshotSource(), golden);
        if (Environment.GetEnvironmentVariable("CSOUNDBINDINGS_ACCEPT") == "1")
        {
            File.WriteAllText(path, actual);
        }
        Assert.True(File.Exists(path), $"no golden file {golden}: run with CSOUNDBINDINGS_ACCEPT=1 and review it");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    [Fact]
    public void TheSameOrchestraGivesTheSameTextTwice()
    {
        var first = GeneratorHarness.Run(Class, new InMemoryText("/project/synth.csd", GeneratorHarness.Snapshot("synth.csd"))).Sources.Single();
        var second = GeneratorHarness.Run(Class, new InMemoryText("/project/synth.csd", GeneratorHarness.Snapshot("synth.csd"))).Sources.Single();
        Assert.Equal(first, second);
    }
}
