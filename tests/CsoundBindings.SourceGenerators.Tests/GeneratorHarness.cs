using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CsoundBindings.SourceGenerators.Tests;

/// <summary>An orchestra file handed to the compiler as an AdditionalFiles item.</summary>
internal sealed class InMemoryText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Builds compilations against the CsoundBindings runtime and runs the generator and analyzer on them.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        string platform = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var paths = platform.Split(Path.PathSeparator).Where(p => p.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        paths.Add(typeof(CsoundBindings.Csound).Assembly.Location);
        return paths.Distinct(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create("TypedOrchestraTest",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: $"/project/Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(params AdditionalText[] files) =>
        CSharpGeneratorDriver.Create(
            new[] { new OrchestraGenerator().AsSourceGenerator() },
            files,
            new CSharpParseOptions(LanguageVersion.Latest),
            optionsProvider: null,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns the generated sources, its diagnostics and those of the resulting compilation.</summary>
    public static (string[] Sources, ImmutableArray<Diagnostic> Generator, ImmutableArray<Diagnostic> Compiler) Run(string source, params AdditionalText[] files)
    {
        CSharpCompilation compilation = Compilation(source);
        GeneratorDriver driver = Driver(files).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        GeneratorDriverRunResult result = driver.GetRunResult();
        string[] generated = result.GeneratedTrees.Select(t => t.GetText().ToString()).ToArray();
        return (generated, diagnostics.AddRange(result.Diagnostics).Distinct().ToImmutableArray(),
            output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray());
    }

    public static ImmutableArray<Diagnostic> Analyze(string source, params AdditionalText[] files)
    {
        CSharpCompilation compilation = Compilation(source);
        var options = new AnalyzerOptions(files.ToImmutableArray());
        return compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ChannelNameAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }

    public static string Snapshot(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", name));

    /// <summary>The folder of the snapshots in the source tree (the accept step writes there).</summary>
    public static string SnapshotSource([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Snapshots");
}
