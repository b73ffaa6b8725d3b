using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CsoundBindings.SourceGenerators.Tests;

/// <summary>The generator is incremental: an edit that touches neither the marked class nor an orchestra re-runs nothing.</summary>
public sealed class CachingTests
{
    private const string Marked = "namespace Demo;\n[CsoundBindings.CsoundOrchestra(\"synth.csd\")]\npublic partial class Synth;\n";

    [Fact]
    public void AnUnrelatedEditLeavesEveryStepCached()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(Marked, "namespace Demo; public static class Other { public static int A => 1; }");
        GeneratorDriver driver = GeneratorHarness.Driver(new InMemoryText("/project/synth.csd", GeneratorHarness.Snapshot("synth.csd")));
        driver = driver.RunGenerators(compilation);
        Assert.Single(driver.GetRunResult().GeneratedTrees);

        SyntaxTree other = compilation.SyntaxTrees.Last();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(other,
            CSharpSyntaxTree.ParseText("namespace Demo; public static class Other { public static int A => 2; public static int B => 3; }", (CSharpParseOptions)other.Options, other.FilePath));
        driver = driver.RunGenerators(edited);
        GeneratorRunResult run = driver.GetRunResult().Results.Single();

        Assert.All(run.TrackedSteps["Targets"].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.All(run.TrackedSteps["TargetsWithFiles"].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void EditingTheOrchestraRunsTheOutputAgain()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(Marked);
        var original = new InMemoryText("/project/synth.csd", GeneratorHarness.Snapshot("synth.csd"));
        GeneratorDriver driver = GeneratorHarness.Driver(original).RunGenerators(compilation);
        var changed = new InMemoryText("/project/synth.csd", GeneratorHarness.Snapshot("synth.csd").Replace("\"volume\"", "\"gain\""));
        driver = driver.ReplaceAdditionalText(original, changed).RunGenerators(compilation);
        GeneratorRunResult run = driver.GetRunResult().Results.Single();
        Assert.Contains(run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("public double Gain", run.GeneratedSources.Single().SourceText.ToString(), System.StringComparison.Ordinal);
    }
}
