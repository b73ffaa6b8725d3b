using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace CsoundBindings.SourceGenerators.CodeFixes;

/// <summary>
/// Fixes a mistyped channel or instrument name (CSO100, CSO101): replaces the string with the typed orchestra's
/// constant for the closest known name (<c>Synth.Channels.Cutoff</c>), or with the name itself when no typed
/// orchestra class declares it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ChannelNameCodeFix))]
[Shared]
public sealed class ChannelNameCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("CSO100", "CSO101");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        Diagnostic diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue(ChannelNameAnalyzer.SuggestionKey, out string? suggestion) || suggestion is null)
        {
            return;
        }
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal)
        {
            return;
        }
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        string group = diagnostic.Id == "CSO100" ? "Channels" : "Instruments";
        IFieldSymbol? constant = model is null ? null : TypedConstant(model.Compilation, group, suggestion, context.CancellationToken);
        ExpressionSyntax replacement = constant is null
            ? SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion))
            : SyntaxFactory.ParseExpression(constant.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + constant.Name)
                .WithAdditionalAnnotations(Simplifier.Annotation);
        string title = constant is null
            ? $"Use '{suggestion}'"
            : $"Use {constant.ContainingType.ContainingType.Name}.{group}.{constant.Name}";
        context.RegisterCodeFix(
            CodeAction.Create(title, ct => Replace(context.Document, root, literal, replacement.WithTriviaFrom(literal)), equivalenceKey: title),
            diagnostic);
    }

    private static Task<Document> Replace(Document document, SyntaxNode root, SyntaxNode old, SyntaxNode replacement) =>
        Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(old, replacement)));

    // The generated "Channels"/"Instruments" constant with that value, in a class marked [CsoundOrchestra].
    private static IFieldSymbol? TypedConstant(Compilation compilation, string group, string value, CancellationToken cancellationToken)
    {
        INamedTypeSymbol? attribute = compilation.GetTypeByMetadataName(OrchestraGenerator.AttributeName);
        if (attribute is null)
        {
            return null;
        }
        foreach (INamedTypeSymbol type in compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type, cancellationToken).OfType<INamedTypeSymbol>())
        {
            if (!type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)))
            {
                continue;
            }
            IFieldSymbol? field = type.GetTypeMembers(group).SelectMany(g => g.GetMembers().OfType<IFieldSymbol>())
                .FirstOrDefault(f => f.IsConst && f.ConstantValue is string s && s == value);
            if (field is not null)
            {
                return field;
            }
        }
        return null;
    }
}
