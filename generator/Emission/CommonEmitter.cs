using System;
using System.Collections.Generic;
using System.Linq;
using CsoundBindings.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static CsoundBindings.Generator.Emission.SyntaxHelpers;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace CsoundBindings.Generator.Emission;

/// <summary>
/// From the IRs of several API generations: the functions every one declares with the same C# signature (the
/// engine handle passed as <c>nint</c>), as an interface of static abstract members plus, per generation, a
/// struct that forwards each to that generation's generated import. Code written once against the interface
/// (a generic constrained to it) then calls each generation's own bindings with no indirection.
/// </summary>
public static class CommonEmitter
{
    /// <summary>Namespace of the common files.</summary>
    public const string Namespace = "CsoundBindings.Interop";

    /// <summary>Name of the interface.</summary>
    public const string InterfaceName = "ICsoundFunctions";

    /// <summary>The struct implementing the interface for a generation, e.g. Api6Functions.</summary>
    public static string ImplementationName(int api) => $"Api{api}Functions";

    /// <summary>
    /// File name to text for the shared structs and enums, the interface and one implementation per model: exactly
    /// what <paramref name="shared"/> lists, each checked to be the same in every model. <paramref name="notes"/>
    /// gets the symbols every model shares that the list leaves out (so that they are never dropped silently).
    /// </summary>
    /// <exception cref="InvalidOperationException">A listed symbol is missing from a model or differs between models.</exception>
    public static IReadOnlyDictionary<string, string> Emit(IReadOnlyList<ApiModel> models, SharedSurface shared, out List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(shared);
        notes = [];
        var mappers = models.Select(m => new TypeMapper(m)).ToList();
        string Generations(IEnumerable<int> indexes) => string.Join(", ", indexes.Select(i => $"API {models[i].Api}"));
        var problems = new List<string>();

        List<RecordDef> identical = CommonRecords(models, mappers);
        var records = new List<RecordDef>();
        foreach (string name in shared.Records.Order(StringComparer.Ordinal))
        {
            RecordDef? same = identical.FirstOrDefault(r => r.Name == name);
            if (same is null)
            {
                var lacking = Enumerable.Range(0, models.Count).Where(i => !models[i].Records.Any(r => r.Name == name)).ToList();
                problems.Add(lacking.Count > 0
                    ? $"struct {name}: not declared by {Generations(lacking)}"
                    : $"struct {name}: laid out differently between the generations (size, field offsets or field types), or it holds a struct that is not shared");
                continue;
            }
            records.Add(same);
        }
        notes.AddRange(identical.Where(r => !shared.Records.Contains(r.Name)).Select(r => $"struct {r.Name} is laid out the same in every generation but not listed as shared"));

        var enums = new List<EnumDef>();
        foreach (string name in shared.Enums.Order(StringComparer.Ordinal))
        {
            var versions = models.Select(m => m.Enums.FirstOrDefault(e => e.Name == name)).ToList();
            if (versions.Any(v => v is null))
            {
                problems.Add($"enum {name}: not declared by {Generations(Enumerable.Range(0, models.Count).Where(i => versions[i] is null))}");
                continue;
            }
            string Shape(EnumDef e) => e.Underlying + ":" + string.Join(",", e.Members.Select(m => $"{m.Name}={m.Value}"));
            if (versions.Select(v => Shape(v!)).Distinct().Count() != 1)
            {
                problems.Add($"enum {name}: members or values differ between the generations");
                continue;
            }
            enums.Add(versions[0]!);
        }

        var recordNames = records.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var common = new List<(FunctionDef Function, string Returns, List<string> Parameters)>();
        foreach (string name in shared.Functions.Order(StringComparer.Ordinal))
        {
            var versions = models.Select(m => m.Functions.FirstOrDefault(f => f.Name == name)).ToList();
            if (versions.Any(v => v is null))
            {
                problems.Add($"function {name}: not declared by {Generations(Enumerable.Range(0, models.Count).Where(i => versions[i] is null))}");
                continue;
            }
            var shapes = versions.Select((f, i) => Shape(mappers[i], f!, recordNames)).ToList();
            if (shapes.Any(s => s is null) || shapes.Select(s => string.Join("|", s!.Value.Parameters.Prepend(s.Value.Returns))).Distinct().Count() != 1)
            {
                problems.Add($"function {name}: its C# signature differs between the generations (or uses a type that is not shared): "
                    + string.Join("; ", versions.Select((f, i) => $"API {models[i].Api} {f!.Returns.Spelling} {name}({string.Join(", ", f.Parameters.Select(p => p.Type.Spelling))})")));
                continue;
            }
            common.Add((versions[0]!, shapes[0]!.Value.Returns, shapes[0]!.Value.Parameters));
        }
        foreach (FunctionDef function in models[0].Functions.Where(f => !shared.Functions.Contains(f.Name)))
        {
            var shapes = models.Select((m, i) => m.Functions.FirstOrDefault(f => f.Name == function.Name) is { } f ? Shape(mappers[i], f, recordNames) : null).ToList();
            if (shapes.All(x => x is not null) && shapes.Select(x => string.Join("|", x!.Value.Parameters.Prepend(x.Value.Returns))).Distinct().Count() == 1)
            {
                notes.Add($"function {function.Name} has the same signature in every generation but is not listed as shared");
            }
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"{shared.File}: {problems.Count} shared symbol(s) cannot be shared by {Generations(Enumerable.Range(0, models.Count))}:\n  "
                + string.Join("\n  ", problems) + "\nRemove them from the shared list (the runtime then needs a per-API path) or fix the headers.");
        }

        string sources = string.Join(", ", models.Select(m => $"API {m.Api}"));
        string header = "// <auto-generated>\n" +
                        $"// Generated by csound-bindgen from the IRs of {sources} and the shared list (headers/shared.json).\n" +
                        "// Do not edit: change the generator or headers/ and regenerate (./build.sh Generate).\n" +
                        "// </auto-generated>\n\n";
        ApiModel template = models[0] with { Namespace = Namespace, Records = records, Enums = enums, Callbacks = [], SharedTypes = [] };
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{InterfaceName}.g.cs"] = RenderFile(header, Namespace, new MemberDeclarationSyntax[] { Interface(common, sources) }),
            ["CommonStructs.g.cs"] = RenderFile(header, Namespace, CSharpEmitter.StructMembers(template)),
            ["CommonEnums.g.cs"] = RenderFile(header, Namespace, CSharpEmitter.EnumMembers(template)),
        };
        for (int i = 0; i < models.Count; i++)
        {
            files[$"{ImplementationName(models[i].Api)}.g.cs"] = RenderFile(header, Namespace, new MemberDeclarationSyntax[] { Implementation(models[i], mappers[i], common, recordNames) });
        }
        return files;
    }

    // Structs every generation lays out identically (same size, fields, offsets and C# field types; enums read as
    // their underlying integer), closed over the structs they contain. They are emitted once, in the common namespace.
    private static List<RecordDef> CommonRecords(IReadOnlyList<ApiModel> models, List<TypeMapper> mappers)
    {
        string? FieldShape(int i, NativeType type) =>
            type.Kind == "enum" ? models[i].Enums.FirstOrDefault(e => e.Name == type.Name)?.Underlying
            : type.Kind is "callback" ? null
            : Normalise(mappers[i].Map(type));
        var candidates = new List<RecordDef>();
        foreach (RecordDef record in models[0].Records.Where(r => !r.IsOpaque && r.Size > 0))
        {
            var versions = models.Select(m => m.Records.FirstOrDefault(r => r.Name == record.Name)).ToList();
            if (versions.Any(v => v is null || v.IsOpaque || v.Size != record.Size || v.Fields.Count != record.Fields.Count))
            {
                continue;
            }
            bool same = true;
            for (int f = 0; f < record.Fields.Count && same; f++)
            {
                var shapes = versions.Select((v, i) => (v!.Fields[f].Name, v.Fields[f].Offset, FieldShape(i, v.Fields[f].Type))).ToList();
                same = shapes.All(x => x.Item3 is not null) && shapes.Distinct().Count() == 1;
            }
            if (same)
            {
                candidates.Add(record with { Fields = record.Fields.Select(f => f.Type.Kind == "enum" ? f with { Type = Underlying(models[0], f.Type) } : f).ToList() });
            }
        }
        // Keep only structs whose struct-typed fields are common too. A pointer to a struct no generation declares
        // (CS_VARIABLE *, outside every manifest's scope) is a void* in each, so it does not stand in the way.
        var declared = models.SelectMany(m => m.Records).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        while (true)
        {
            var names = candidates.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            var keep = candidates.Where(c => c.Fields.All(f => RecordNames(f.Type).All(n => names.Contains(n) || !declared.Contains(n)))).ToList();
            if (keep.Count == candidates.Count)
            {
                return keep;
            }
            candidates = keep;
        }
    }

    private static NativeType Underlying(ApiModel model, NativeType enumType)
    {
        string underlying = model.Enums.First(e => e.Name == enumType.Name).Underlying;
        return new NativeType { Kind = "builtin", Spelling = enumType.Spelling, Name = underlying };
    }

    private static IEnumerable<string> RecordNames(NativeType type) =>
        (type.Kind == "record" ? new[] { type.Name! } : [])
            .Concat(type.Element is { } e ? RecordNames(e) : [])
            .Concat(type.Returns is { } r ? RecordNames(r) : [])
            .Concat(type.Parameters?.SelectMany(RecordNames) ?? []);

    private static string Normalise(string csharp) => csharp.Replace("CSOUND*", "nint", StringComparison.Ordinal);

    // The C# return and parameter types with the engine handle as nint; null when the signature uses a type that
    // differs per generation (structs that are not common, enums, callback wrappers).
    private static (string Returns, List<string> Parameters)? Shape(TypeMapper mapper, FunctionDef function, HashSet<string> commonRecords)
    {
        string? Map(NativeType type)
        {
            if (IsHandle(type))
            {
                return "nint";
            }
            return UsesPerApiType(type, commonRecords) ? null : Normalise(mapper.Map(type));
        }
        string? returns = Map(function.Returns);
        var parameters = function.Parameters.Select(p => Map(p.Type)).ToList();
        return returns is null || parameters.Any(p => p is null) ? null : (returns, parameters.Select(p => p!).ToList());
    }

    private static bool IsHandle(NativeType type) => type is { Kind: "pointer", Element: { Kind: "record", Name: "CSOUND" } };

    private static bool UsesPerApiType(NativeType type, HashSet<string> commonRecords) =>
        type.Kind is "enum" or "callback"
        || (type.Kind == "record" && type.Name != "CSOUND" && !commonRecords.Contains(type.Name!))
        || (type.Element is { } e && UsesPerApiType(e, commonRecords))
        || (type.Returns is { } r && UsesPerApiType(r, commonRecords))
        || (type.Parameters?.Any(p => UsesPerApiType(p, commonRecords)) ?? false);

    private static InterfaceDeclarationSyntax Interface(List<(FunctionDef Function, string Returns, List<string> Parameters)> common, string sources)
    {
        var members = common.Select(c =>
            (MemberDeclarationSyntax)MethodDeclaration(ParseTypeName(c.Returns), Name(c.Function.Name))
                .AddModifiers(Token(SyntaxKind.StaticKeyword), Token(SyntaxKind.AbstractKeyword))
                .WithParameterList(ParameterList(SeparatedList(c.Function.Parameters.Select((p, i) => Parameter(Name(p.Name)).WithType(ParseTypeName(c.Parameters[i]))))))
                .WithSemicolonToken(Token(SyntaxKind.SemicolonToken))
                .WithLeadingTrivia(Doc($"{c.Function.Name}, the same in every generation ({c.Function.Header} in the first).")));
        return InterfaceDeclaration(InterfaceName)
            .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.UnsafeKeyword), Token(SyntaxKind.PartialKeyword))
            .WithMembers(List(members))
            .WithLeadingTrivia(Doc($"The C functions {sources} declare with the same signature, the engine handle passed as nint."));
    }

    // The generation's own spelling of a type, with its struct names qualified by its namespace.
    private static string Qualified(ApiModel model, TypeMapper mapper, NativeType type)
    {
        string text = mapper.Map(type);
        foreach (string record in RecordNames(type).Where(n => !model.SharedTypes.Contains(n)).Distinct().OrderByDescending(n => n.Length))
        {
            text = System.Text.RegularExpressions.Regex.Replace(text, $@"(?<![\w.:])\b{record}\b", $"global::{model.Namespace}.{record}");
        }
        return text;
    }

    // Converts between the common spelling and the generation's own: pointers and function pointers by a cast,
    // structs passed by value by reinterpreting their (identical) bytes.
    private static ExpressionSyntax Convert(ExpressionSyntax value, NativeType type, string from, string to)
    {
        if (from == to)
        {
            return value;
        }
        if (type.Kind == "record")
        {
            return InvocationExpression(ParseExpression($"global::System.Runtime.CompilerServices.Unsafe.BitCast<{from}, {to}>"))
                .WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(value))));
        }
        return CastExpression(ParseTypeName(to), value);
    }

    private static StructDeclarationSyntax Implementation(ApiModel model, TypeMapper mapper, List<(FunctionDef Function, string Returns, List<string> Parameters)> common, HashSet<string> commonRecords)
    {
        string CommonSpelling(NativeType type) => IsHandle(type) ? "nint" : Normalise(mapper.Map(type)).Replace("global::", string.Empty, StringComparison.Ordinal);
        var members = common.Select(c =>
        {
            FunctionDef own = model.Functions.First(f => f.Name == c.Function.Name);
            var arguments = own.Parameters.Select((p, i) =>
                Argument(Convert(IdentifierName(Name(c.Function.Parameters[i].Name)), p.Type, CommonSpelling(p.Type), Qualified(model, mapper, p.Type))));
            ExpressionSyntax call = InvocationExpression(
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, ParseName($"global::{model.Namespace}.Methods"), IdentifierName(Name(own.Name))))
                .WithArgumentList(ArgumentList(SeparatedList(arguments)));
            call = Convert(call, own.Returns, Qualified(model, mapper, own.Returns), CommonSpelling(own.Returns));
            return (MemberDeclarationSyntax)MethodDeclaration(ParseTypeName(c.Returns), Name(c.Function.Name))
                .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.StaticKeyword))
                .WithParameterList(ParameterList(SeparatedList(c.Function.Parameters.Select((p, i) => Parameter(Name(p.Name)).WithType(ParseTypeName(c.Parameters[i]))))))
                .WithExpressionBody(ArrowExpressionClause(call))
                .WithSemicolonToken(Token(SyntaxKind.SemicolonToken))
                .WithLeadingTrivia(Doc($"Forwards to {model.Namespace}.Methods.{own.Name}."));
        });
        return StructDeclaration(ImplementationName(model.Api))
            .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.ReadOnlyKeyword), Token(SyntaxKind.UnsafeKeyword), Token(SyntaxKind.PartialKeyword))
            .WithBaseList(BaseList(SingletonSeparatedList<BaseTypeSyntax>(SimpleBaseType(ParseTypeName(InterfaceName)))))
            .WithMembers(List(members))
            .WithLeadingTrivia(Doc($"{InterfaceName} over the API {model.Api} bindings ({model.Namespace})."));
    }
}
