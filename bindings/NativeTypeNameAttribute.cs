using System;
using System.Diagnostics;

namespace CsoundBindings.Interop;

/// <summary>Records the C spelling of a type that the generated C# signature maps to a blittable type.</summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false, Inherited = true)]
[Conditional("DEBUG")]
public sealed class NativeTypeNameAttribute : Attribute
{
    /// <summary>Creates the attribute with the C spelling.</summary>
    public NativeTypeNameAttribute(string name) => Name = name;

    /// <summary>The C spelling, e.g. <c>const char *</c>.</summary>
    public string Name { get; }
}
