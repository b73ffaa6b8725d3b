using System.Collections.Generic;

namespace CsoundBindings.Generator.Model;

/// <summary>
/// A C type as the generator sees it. <see cref="Kind"/> is one of:
/// <c>void</c>, <c>builtin</c>, <c>pointer</c>, <c>array</c>, <c>record</c>, <c>enum</c>, <c>typedef</c>,
/// <c>callback</c> (a named function-pointer typedef) or <c>function</c> (an unnamed function type).
/// </summary>
public sealed record NativeType
{
    /// <summary>What sort of type this is (see the type summary).</summary>
    public required string Kind { get; init; }

    /// <summary>The C spelling, kept for <c>[NativeTypeName]</c>.</summary>
    public required string Spelling { get; init; }

    /// <summary>Builtin, record, enum, typedef or callback name.</summary>
    public string? Name { get; init; }

    /// <summary>Pointee of a pointer, element of an array.</summary>
    public NativeType? Element { get; init; }

    /// <summary>Element count of a constant array.</summary>
    public long? Length { get; init; }

    /// <summary>For a typedef of a builtin: what it stands for.</summary>
    public NativeType? Underlying { get; init; }

    /// <summary>For a function type: the return type.</summary>
    public NativeType? Returns { get; init; }

    /// <summary>For a function type: the parameter types.</summary>
    public IReadOnlyList<NativeType>? Parameters { get; init; }
}

/// <summary>A function parameter.</summary>
public sealed record Parameter(string Name, NativeType Type);

/// <summary>An exported C function.</summary>
public sealed record FunctionDef(string Name, string Library, string Header, NativeType Returns, IReadOnlyList<Parameter> Parameters);

/// <summary>One enumerator.</summary>
public sealed record EnumMember(string Name, long Value);

/// <summary>A C enum; <see cref="Name"/> is the tag or the typedef that names it.</summary>
public sealed record EnumDef(string Name, string Header, string Underlying, IReadOnlyList<EnumMember> Members);

/// <summary>A field of a struct or union, with clang's byte offset.</summary>
public sealed record Field(string Name, long Offset, NativeType Type);

/// <summary>A struct or union with clang's size and alignment; opaque when only declared.</summary>
public sealed record RecordDef(string Name, string CName, string Header, bool IsUnion, bool IsOpaque, long Size, long Align, IReadOnlyList<Field> Fields);

/// <summary>A named function-pointer typedef.</summary>
public sealed record CallbackDef(string Name, string Header, NativeType Returns, IReadOnlyList<Parameter> Parameters);

/// <summary>A typedef of a builtin type (for instance <c>MYFLT</c>).</summary>
public sealed record TypedefDef(string Name, string Header, NativeType Type);

/// <summary>A <c>#define</c> whose value clang could evaluate; <see cref="Kind"/> is int, float or string.</summary>
public sealed record ConstantDef(string Name, string Header, string Kind, string NativeType, string Value);

/// <summary>Something the generator saw and did not emit, with the reason.</summary>
public sealed record SkippedItem(string Name, string Kind, string Reason);

/// <summary>The whole intermediate model of one API version, written as stable, sorted JSON.</summary>
public sealed record ApiModel
{
    /// <summary>The API generation (6 or 7).</summary>
    public required int Api { get; init; }

    /// <summary>The C# namespace of the emitted code.</summary>
    public required string Namespace { get; init; }

    /// <summary>The Csound version the headers declare, e.g. 6.18.1.</summary>
    public required string CsoundVersion { get; init; }

    /// <summary>The headers read, by file name.</summary>
    public required IReadOnlyList<string> Headers { get; init; }

    /// <summary>Library name per logical library.</summary>
    public required IReadOnlyDictionary<string, string> Libraries { get; init; }

    /// <summary>Functions, sorted by name.</summary>
    public required IReadOnlyList<FunctionDef> Functions { get; init; }

    /// <summary>Enums, sorted by name.</summary>
    public required IReadOnlyList<EnumDef> Enums { get; init; }

    /// <summary>Structs and unions, sorted by name.</summary>
    public required IReadOnlyList<RecordDef> Records { get; init; }

    /// <summary>Callback typedefs, sorted by name.</summary>
    public required IReadOnlyList<CallbackDef> Callbacks { get; init; }

    /// <summary>Builtin typedefs, sorted by name.</summary>
    public required IReadOnlyList<TypedefDef> Typedefs { get; init; }

    /// <summary>Macro constants, sorted by name.</summary>
    public required IReadOnlyList<ConstantDef> Constants { get; init; }

    /// <summary>Functions bound with SuppressGCTransition (tiny, non-blocking calls), from the manifest.</summary>
    public IReadOnlyList<string> SuppressGcTransition { get; init; } = [];

    /// <summary>Everything left out, sorted by kind then name.</summary>
    public required IReadOnlyList<SkippedItem> Skipped { get; init; }

    /// <summary>Structs and enums emitted once in bindings/Common (headers/shared.json), not in this API's folder.</summary>
    public IReadOnlyList<string> SharedTypes { get; init; } = [];
}
