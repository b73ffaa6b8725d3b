using System;

namespace CsoundBindings.Tests.Support;

/// <summary>Which Csound this test process drives (one engine per process; see build.cake's Test target).</summary>
internal static class TestEngine
{
    /// <summary>The generation the build asked for through CSOUNDBINDINGS_ENGINE, or null when run by hand.</summary>
    public static int? Requested =>
        int.TryParse(Environment.GetEnvironmentVariable("CSOUNDBINDINGS_ENGINE"), out int value) ? value : null;

    public static bool IsApi7 => CsoundLibrary.IsApi7;

    /// <summary>The version straight from the raw generated binding, bypassing the runtime's seam.</summary>
    public static int RawVersion() => IsApi7 ? Interop.Api7.Methods.csoundGetVersion() : Interop.Api6.Methods.csoundGetVersion();

    /// <summary>The API version straight from the raw binding (Csound 6 only).</summary>
    public static int RawApiVersion() => Interop.Api6.Methods.csoundGetAPIVersion();
}
