using System;
using System.Collections.Generic;

namespace CsoundBindings.Generator.Model;

/// <summary>
/// The C builtin types the bindings can carry, with their blittable C# forms. C <c>long</c> is 32 bits on Windows and
/// 64 on Linux and macOS, so it becomes <c>CLong</c>/<c>CULong</c>, never a fixed-width type. Anything else
/// (<c>long double</c>, <c>__int128</c>, vectors) has no form: the parser skips what uses it, with the location.
/// </summary>
public static class BuiltinTypes
{
    private static readonly Dictionary<string, string> Map = new(StringComparer.Ordinal)
    {
        ["char"] = "sbyte", ["signed char"] = "sbyte", ["unsigned char"] = "byte",
        ["short"] = "short", ["unsigned short"] = "ushort", ["int"] = "int", ["unsigned int"] = "uint",
        ["long"] = "CLong", ["unsigned long"] = "CULong", ["long long"] = "long", ["unsigned long long"] = "ulong",
        ["float"] = "float", ["double"] = "double", ["_Bool"] = "bool", ["bool"] = "bool",
    };

    /// <summary>The C# form of a builtin (qualifiers ignored), or null when there is none.</summary>
    public static string? CSharp(string name) =>
        Map.TryGetValue(name.Replace("const ", string.Empty, StringComparison.Ordinal).Replace("volatile ", string.Empty, StringComparison.Ordinal), out string? mapped) ? mapped : null;

    /// <summary>True when the builtin has a C# form.</summary>
    public static bool IsMappable(string name) => CSharp(name) is not null;
}
