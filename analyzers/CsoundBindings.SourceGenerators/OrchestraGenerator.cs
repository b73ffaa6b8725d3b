using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CsoundBindings.SourceGenerators.Emit;
using CsoundBindings.SourceGenerators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CsoundBindings.SourceGenerators;

/// <summary>
/// Turns each <c>[CsoundOrchestra("file")] partial class</c> into a typed orchestra: the orchestra (and a CSD's
/// options and score) as constants, a property per channel, a method per instrument. The orchestra files come
/// from the project's <c>AdditionalFiles</c> (<c>.csd</c>, <c>.orc</c>, <c>.udo</c>, <c>.inc</c>).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OrchestraGenerator : IIncrementalGenerator
{
    /// <summary>The attribute that marks a typed orchestra class (defined in the CsoundBindings runtime).</summary>
    public const string AttributeName = "CsoundBindings.CsoundOrchestraAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<OrchestraFile> files = context.AdditionalTextsProvider
            .Where(static f => OrchestraFile.IsOrchestra(f.Path))
            .Select(static (f, ct) => new OrchestraFile(f.Path, f.GetText(ct)?.ToString() ?? string.Empty))
            .WithTrackingName("OrchestraFiles");

        IncrementalValuesProvider<OrchestraTarget> targets = context.SyntaxProvider
            .ForAttributeWithMetadataName(AttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => OrchestraTarget.From(ctx, ct))
            .WithTrackingName("Targets");

        IncrementalValuesProvider<(OrchestraTarget Target, ImmutableArray<OrchestraFile> Files)> combined =
            targets.Combine(files.Collect()).WithTrackingName("TargetsWithFiles");

        context.RegisterSourceOutput(combined, static (spc, pair) => Emit(spc, pair.Target, pair.Files));
    }

    private static void Emit(SourceProductionContext context, OrchestraTarget target, ImmutableArray<OrchestraFile> files)
    {
        OrchestraFile? file = OrchestraFile.Find(files, target.OrchestraPath);
        if (file is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Diagnostics.OrchestraNotFoundRule, target.AttributeLocation(),
                $"'{target.OrchestraPath}' is not an AdditionalFiles item of the project (add <AdditionalFiles Include=\"{target.OrchestraPath}\" /> to the project file)"));
            return;
        }
        OrchestraModel model = OrchestraParser.Parse(file.Path, file.Text, (from, include) => OrchestraFile.Resolve(files, from, include));
        foreach (OrchestraProblem problem in model.Problems)
        {
            context.ReportDiagnostic(Diagnostic.Create(Diagnostics.For(problem.Id), OrchestraFile.Location(problem.File, problem.Line, problem.Column), problem.Message));
        }
        context.CancellationToken.ThrowIfCancellationRequested();
        context.AddSource(target.HintName, SourceText.From(OrchestraEmitter.Emit(target, file, model), System.Text.Encoding.UTF8));
    }
}

/// <summary>An orchestra file of the project, compared by value (so that the generator's cache holds across edits).</summary>
internal sealed class OrchestraFile : IEquatable<OrchestraFile>
{
    public OrchestraFile(string path, string text)
    {
        Path = path;
        Text = text;
    }

    public string Path { get; }

    public string Text { get; }

    public static bool IsOrchestra(string path)
    {
        string ext = System.IO.Path.GetExtension(path);
        return ext.Equals(".csd", StringComparison.OrdinalIgnoreCase) || ext.Equals(".orc", StringComparison.OrdinalIgnoreCase)
            || ext.Equals(".udo", StringComparison.OrdinalIgnoreCase) || ext.Equals(".inc", StringComparison.OrdinalIgnoreCase);
    }

    private static string Normal(string path) => path.Replace('\\', '/');

    /// <summary>The file the attribute names: the same relative path at the end of a file's path, else the same file name.</summary>
    public static OrchestraFile? Find(ImmutableArray<OrchestraFile> files, string wanted)
    {
        string w = Normal(wanted).TrimStart('.', '/');
        return files.FirstOrDefault(f => Normal(f.Path).EndsWith("/" + w, StringComparison.Ordinal) || Normal(f.Path) == w)
            ?? files.FirstOrDefault(f => System.IO.Path.GetFileName(f.Path) == System.IO.Path.GetFileName(w));
    }

    /// <summary>An #include seen from <paramref name="from"/>: beside it first, then anywhere in the project by name.</summary>
    public static (string Path, string Text)? Resolve(ImmutableArray<OrchestraFile> files, string from, string include)
    {
        string folder = System.IO.Path.GetDirectoryName(Normal(from))?.Replace('\\', '/') ?? string.Empty;
        string beside = Normal(System.IO.Path.Combine(folder, include));
        OrchestraFile? found = files.FirstOrDefault(f => Normal(f.Path) == beside)
            ?? files.FirstOrDefault(f => System.IO.Path.GetFileName(f.Path) == System.IO.Path.GetFileName(include));
        return found is null ? null : (found.Path, found.Text);
    }

    public static Location Location(string path, int line, int column)
    {
        var position = new LinePosition(Math.Max(line - 1, 0), Math.Max(column - 1, 0));
        return Microsoft.CodeAnalysis.Location.Create(path, default, new LinePositionSpan(position, position));
    }

    public bool Equals(OrchestraFile? other) => other is not null && Path == other.Path && Text == other.Text;

    public override bool Equals(object? obj) => Equals(obj as OrchestraFile);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Path) ^ StringComparer.Ordinal.GetHashCode(Text);
}

/// <summary>A class marked with the attribute: what the emitter needs, compared by value.</summary>
internal sealed class OrchestraTarget : IEquatable<OrchestraTarget>
{
    private static readonly char[] Bar = { '|' };

    private OrchestraTarget(string ns, string name, string accessibility, string containers, string orchestraPath, string sourcePath, TextSpan span, LinePositionSpan lines)
    {
        Namespace = ns;
        Name = name;
        Accessibility = accessibility;
        Containers = containers;
        OrchestraPath = orchestraPath;
        SourcePath = sourcePath;
        Span = span;
        Lines = lines;
    }

    public string Namespace { get; }

    public string Name { get; }

    public string Accessibility { get; }

    /// <summary>Enclosing classes, outermost first, as "public partial class A|internal partial class B".</summary>
    public string Containers { get; }

    public string OrchestraPath { get; }

    public string SourcePath { get; }

    public TextSpan Span { get; }

    public LinePositionSpan Lines { get; }

    public string HintName
    {
        get
        {
            var parts = new List<string>();
            if (Namespace.Length > 0)
            {
                parts.Add(Namespace);
            }
            foreach (string container in Containers.Split(Bar, StringSplitOptions.RemoveEmptyEntries))
            {
                parts.Add(container.Substring(container.LastIndexOf(' ') + 1));
            }
            parts.Add(Name);
            return string.Join(".", parts) + ".Orchestra.g.cs";
        }
    }

    public Location AttributeLocation() => Location.Create(SourcePath, Span, Lines);

    public static OrchestraTarget From(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var symbol = (INamedTypeSymbol)context.TargetSymbol;
        AttributeData attribute = context.Attributes[0];
        string path = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string p ? p : string.Empty;
        SyntaxReference? reference = attribute.ApplicationSyntaxReference;
        SyntaxNode? node = reference?.GetSyntax(cancellationToken);
        Location location = node?.GetLocation() ?? context.TargetNode.GetLocation();
        var containers = new List<string>();
        for (INamedTypeSymbol? outer = symbol.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            containers.Insert(0, $"{Access(outer)} partial class {outer.Name}");
        }
        return new OrchestraTarget(
            symbol.ContainingNamespace.IsGlobalNamespace ? string.Empty : symbol.ContainingNamespace.ToDisplayString(),
            symbol.Name, Access(symbol), string.Join("|", containers), path,
            location.SourceTree?.FilePath ?? string.Empty, location.SourceSpan, location.GetLineSpan().Span);
    }

    private static string Access(INamedTypeSymbol symbol) => symbol.DeclaredAccessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Private => "private",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        _ => "internal",
    };

    public bool Equals(OrchestraTarget? other) => other is not null && Namespace == other.Namespace && Name == other.Name
        && Accessibility == other.Accessibility && Containers == other.Containers && OrchestraPath == other.OrchestraPath
        && SourcePath == other.SourcePath && Span == other.Span && Lines == other.Lines;

    public override bool Equals(object? obj) => Equals(obj as OrchestraTarget);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name) ^ StringComparer.Ordinal.GetHashCode(OrchestraPath);
}
