using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace CsoundBindings.Generator.Emission;

/// <summary>Small syntax builders shared by the emitters.</summary>
internal static class SyntaxHelpers
{
    internal static SyntaxTriviaList Doc(string text) =>
        TriviaList(Comment("/// <summary>" + System.Security.SecurityElement.Escape(text) + "</summary>"), LineFeed);


    internal static AttributeListSyntax Attr(string name, params string[] args) =>
        AttributeList(SingletonSeparatedList(Attribute(ParseName(name))
            .WithArgumentList(args.Length == 0 ? null : AttributeArgumentList(SeparatedList(args.Select(a => ParseAttributeArgument(a)))))));


    internal static AttributeArgumentSyntax ParseAttributeArgument(string text)
    {
        int eq = text.IndexOf(" = ", StringComparison.Ordinal);
        if (eq > 0 && !text.StartsWith('"'))
        {
            return AttributeArgument(ParseExpression(text[(eq + 3)..])).WithNameEquals(NameEquals(IdentifierName(text[..eq])));
        }
        return AttributeArgument(ParseExpression(text));
    }


    internal static string Str(string value) => Literal(value).ToString();


    internal static SyntaxToken Name(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
            ? Identifier("@" + name)
            : Identifier(name);


    // [NativeTypeName] only where the C spelling says more than the C# type does. An exact-width integer typedef
    // says no more than the C# keyword (int32_t is int), so a header that moves from int to int32_t (as Csound 7's
    // did) changes no generated line.
    internal static SyntaxList<AttributeListSyntax> NativeName(string cSpelling, string csharp) =>
        Compact(ExactWidth.Aggregate(cSpelling, (text, pair) => System.Text.RegularExpressions.Regex.Replace(text, $@"\b{pair.C}\b", pair.CSharp))) == Compact(csharp)
            ? default
            : SingletonList(Attr("NativeTypeName", Str(cSpelling)));

    private static readonly (string C, string CSharp)[] ExactWidth =
    [
        ("int8_t", "sbyte"), ("uint8_t", "byte"), ("int16_t", "short"), ("uint16_t", "ushort"),
        ("int32_t", "int"), ("uint32_t", "uint"), ("int64_t", "long"), ("uint64_t", "ulong"),
    ];

    private static string Compact(string text) => text.Replace(" ", string.Empty, StringComparison.Ordinal);


    internal static ExpressionSyntax Number(string value) =>
        value.StartsWith('-')
            ? PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, ParseExpression(value[1..]))
            : ParseExpression(value);


    /// <summary>A whole file: the generated-code header, usings, a file-scoped namespace and the members.</summary>
    internal static string RenderFile(string header, string ns, IEnumerable<MemberDeclarationSyntax> members)
    {
        CompilationUnitSyntax unit = CompilationUnit()
            .WithUsings(List(new[]
            {
                UsingDirective(ParseName("System.Runtime.CompilerServices")),
                UsingDirective(ParseName("System.Runtime.InteropServices")),
            }))
            .WithMembers(SingletonList<MemberDeclarationSyntax>(
                FileScopedNamespaceDeclaration(ParseName(ns)).WithMembers(List(members))));
        return header + unit.NormalizeWhitespace(indentation: "    ", eol: "\n").ToFullString() + "\n";
    }
}
