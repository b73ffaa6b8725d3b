using System;
using System.Collections.Generic;
using System.Linq;
using CsoundBindings.Generator.Model;

namespace CsoundBindings.Generator.Emission;

/// <summary>Maps IR types to blittable C# type names.</summary>
internal sealed class TypeMapper(ApiModel model)
{
    private readonly HashSet<string> _records = model.Records.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _enums = model.Enums.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _callbacks = model.Callbacks.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

    // Fixed-width typedefs keep their width on every platform, whatever their canonical type is here.
    private static readonly Dictionary<string, string> KnownTypedefs = new(StringComparer.Ordinal)
    {
        ["int8_t"] = "sbyte", ["uint8_t"] = "byte", ["int16_t"] = "short", ["uint16_t"] = "ushort",
        ["int32_t"] = "int", ["uint32_t"] = "uint", ["int64_t"] = "long", ["uint64_t"] = "ulong",
        ["size_t"] = "nuint", ["ssize_t"] = "nint", ["intptr_t"] = "nint", ["uintptr_t"] = "nuint",
    };

    /// <summary>True when the record has a C# definition (opaque records included).</summary>
    public bool IsKnownRecord(string name) => _records.Contains(name);

    /// <summary>The C# spelling of a type used as a parameter, return or pointee.</summary>
    public string Map(NativeType type) => type.Kind switch
    {
        "void" => "void",
        "builtin" => Builtin(type.Name!),
        "typedef" => KnownTypedefs.TryGetValue(type.Name!, out string? fixedWidth) ? fixedWidth : Map(type.Underlying!),
        "enum" => _enums.Contains(type.Name!) ? type.Name! : type.Underlying is { } integer ? Map(integer) : "int",
        "record" => _records.Contains(type.Name!) ? type.Name! : throw new NotSupportedException($"Record '{type.Name}' is used by value but not declared in scope."),
        "callback" => _callbacks.Contains(type.Name!) ? type.Name! : "void*",
        "array" => Map(type.Element!) + "*",
        "va_list" => "void*", // passed by reference (a pointer) on every 64-bit ABI .NET runs on
        "pointer" => Pointer(type.Element!),
        "function" => FunctionPointer(type),
        _ => throw new NotSupportedException($"Type '{type.Spelling}' ({type.Kind}) has no C# form."),
    };

    private string Pointer(NativeType pointee) => pointee.Kind switch
    {
        "function" => FunctionPointer(pointee),
        "record" when !_records.Contains(pointee.Name!) => "void*",
        _ => Map(pointee) + "*",
    };

    /// <summary>A <c>delegate* unmanaged[Cdecl]</c> type for a C function type.</summary>
    public string FunctionPointer(NativeType function) =>
        "delegate* unmanaged[Cdecl]<" + string.Join(", ", function.Parameters!.Append(function.Returns!).Select(Map)) + ">";

    private static string Builtin(string name) =>
        BuiltinTypes.CSharp(name) ?? throw new NotSupportedException($"C type '{name}' has no blittable C# form.");

    /// <summary>True when C# can hold the type in a fixed buffer.</summary>
    public bool IsFixedBufferElement(NativeType type) =>
        Map(type) is "bool" or "byte" or "sbyte" or "short" or "ushort" or "int" or "uint" or "long" or "ulong" or "float" or "double";
}
