using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CsoundBindings.SourceGenerators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CsoundBindings.SourceGenerators;

/// <summary>
/// Warns when a string literal names a channel (<c>SetControlChannel</c>, <c>GetControlChannel</c>, the indexer,
/// the string and audio channel calls) or an instrument (<c>InstrumentNumber</c>, <c>KillInstance</c>) that no
/// orchestra of the project has: such a typo makes a new, silent channel at run time. Only in projects with
/// orchestra files among their <c>AdditionalFiles</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ChannelNameAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The property of the diagnostic that holds the closest known name, for the code fix.</summary>
    public const string SuggestionKey = "Suggestion";

    private static readonly HashSet<string> ChannelMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        "SetControlChannel", "GetControlChannel", "SetStringChannel", "GetStringChannel",
        "OpenControlChannel", "OpenAudioChannel", "OpenStringChannel",
    };

    private static readonly HashSet<string> InstrumentMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        "InstrumentNumber", "TryGetInstrumentNumber", "KillInstance",
    };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Diagnostics.UnknownChannelRule, Diagnostics.UnknownInstrumentRule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? csound = start.Compilation.GetTypeByMetadataName("CsoundBindings.Csound");
            if (csound is null)
            {
                return;
            }
            var channels = new HashSet<string>(StringComparer.Ordinal);
            var instruments = new HashSet<string>(StringComparer.Ordinal);
            ImmutableArray<OrchestraFile> files = start.Options.AdditionalFiles
                .Where(f => OrchestraFile.IsOrchestra(f.Path))
                .Select(f => new OrchestraFile(f.Path, f.GetText(start.CancellationToken)?.ToString() ?? string.Empty))
                .ToImmutableArray();
            if (files.IsEmpty)
            {
                return;
            }
            foreach (OrchestraFile file in files)
            {
                OrchestraModel model = OrchestraParser.Parse(file.Path, file.Text, (from, include) => OrchestraFile.Resolve(files, from, include));
                channels.UnionWith(model.Channels.Select(c => c.Name));
                instruments.UnionWith(model.Instruments.SelectMany(i => i.Labels).Where(l => !char.IsDigit(l[0])));
            }
            start.RegisterOperationAction(op => Invocation(op, csound, channels, instruments), OperationKind.Invocation);
            start.RegisterOperationAction(op => Indexer(op, csound, channels), OperationKind.PropertyReference);
        });
    }

    private static void Invocation(OperationAnalysisContext context, INamedTypeSymbol csound, HashSet<string> channels, HashSet<string> instruments)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        if (!SymbolEqualityComparer.Default.Equals(method.ContainingType, csound))
        {
            return;
        }
        bool channel = ChannelMethods.Contains(method.Name);
        if (!channel && !InstrumentMethods.Contains(method.Name))
        {
            return;
        }
        IArgumentOperation? first = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0);
        if (first?.Parameter?.Type.SpecialType != SpecialType.System_String)
        {
            return;
        }
        Check(context, first.Value, channel ? channels : instruments, channel ? Diagnostics.UnknownChannelRule : Diagnostics.UnknownInstrumentRule);
    }

    private static void Indexer(OperationAnalysisContext context, INamedTypeSymbol csound, HashSet<string> channels)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        if (reference.Property.IsIndexer && SymbolEqualityComparer.Default.Equals(reference.Property.ContainingType, csound)
            && reference.Arguments.Length == 1 && reference.Arguments[0].Parameter?.Type.SpecialType == SpecialType.System_String)
        {
            Check(context, reference.Arguments[0].Value, channels, Diagnostics.UnknownChannelRule);
        }
    }

    private static void Check(OperationAnalysisContext context, IOperation value, HashSet<string> known, DiagnosticDescriptor rule)
    {
        if (value.ConstantValue is not { HasValue: true, Value: string name } || known.Contains(name))
        {
            return;
        }
        string? closest = known.OrderBy(k => Naming.Distance(k, name)).ThenBy(k => k, StringComparer.Ordinal).FirstOrDefault();
        bool near = closest is not null && Naming.Distance(closest, name) <= Math.Max(2, name.Length / 3);
        ImmutableDictionary<string, string?> properties = near
            ? ImmutableDictionary<string, string?>.Empty.Add(SuggestionKey, closest)
            : ImmutableDictionary<string, string?>.Empty;
        context.ReportDiagnostic(Diagnostic.Create(rule, value.Syntax.GetLocation(), properties, name, near ? $" (did you mean '{closest}'?)" : string.Empty));
    }
}
