using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CsoundBindings.SourceGenerators.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Simplification;
using Xunit;

namespace CsoundBindings.SourceGenerators.Tests;

/// <summary>The fix for CSO100/CSO101 puts the typed orchestra's constant (or the closest name) where the typo was.</summary>
public sealed class CodeFixTests
{
    private const string Marked = "namespace Demo;\n[CsoundBindings.CsoundOrchestra(\"synth.csd\")]\npublic partial class Synth;\n";

    private static string Fix(string host, bool withTypedClass)
    {
        var synth = new InMemoryText("/project/synth.csd", GeneratorHarness.Snapshot("synth.csd"));
        using var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject("Host", LanguageNames.CSharp)
            .WithCompilationOptions(GeneratorHarness.Compilation().Options)
            .WithMetadataReferences(GeneratorHarness.Compilation().References);
        if (withTypedClass)
        {
            // What the IDE compiles: the marked class and the generator's output for it.
            string generated = GeneratorHarness.Run(Marked, synth).Sources.Single();
            project = project.AddDocument("Synth.cs", Marked).Project.AddDocument("Synth.Orchestra.g.cs", generated).Project;
        }
        Document document = project.AddDocument("Host.cs", host);
        Compilation compilation = document.Project.GetCompilationAsync().GetAwaiter().GetResult()!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Diagnostic diagnostic = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ChannelNameAnalyzer()), new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(synth)))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Single();

        var actions = new System.Collections.Generic.List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        new ChannelNameCodeFix().RegisterCodeFixesAsync(context).GetAwaiter().GetResult();
        CodeAction fix = Assert.Single(actions);
        Solution fixedSolution = fix.GetOperationsAsync(CancellationToken.None).GetAwaiter().GetResult()
            .OfType<ApplyChangesOperation>().Single().ChangedSolution;
        Document changed = fixedSolution.GetDocument(document.Id)!;
        changed = Simplifier.ReduceAsync(changed, Simplifier.Annotation).GetAwaiter().GetResult();
        return fix.Title + "\n" + changed.GetTextAsync().GetAwaiter().GetResult();
    }

    private const string Host = "using CsoundBindings;\npublic static class Host\n{\n    public static void Run(Csound cs) => cs.SetControlChannel(\"cutof\", 1000);\n}\n";

    [Fact]
    public void TheTypoBecomesTheTypedOrchestrasConstant()
    {
        string result = Fix(Host, withTypedClass: true);
        Assert.StartsWith("Use Synth.Channels.Cutoff\n", result, System.StringComparison.Ordinal);
        Assert.Contains("cs.SetControlChannel(Demo.Synth.Channels.Cutoff, 1000)", result, System.StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutATypedClassTheTypoBecomesTheClosestName()
    {
        string result = Fix(Host, withTypedClass: false);
        Assert.StartsWith("Use 'cutoff'\n", result, System.StringComparison.Ordinal);
        Assert.Contains("cs.SetControlChannel(\"cutoff\", 1000)", result, System.StringComparison.Ordinal);
    }
}
