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


    // [NativeTypeName] only where the C spelling says more than the C# type does.
    internal static SyntaxList<AttributeListSyntax> NativeName(string cSpelling, string csharp) =>
        cSpelling.Replace(" ", string.Empty, StringComparison.Ordinal) == csharp.Replace(" ", string.Empty, StringComparison.Ordinal)
            ? default
            : SingletonList(Attr("NativeTypeName", Str(cSpelling)));


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
