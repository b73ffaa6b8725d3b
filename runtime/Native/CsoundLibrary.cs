using System;
using CsoundBindings.Interop;

namespace CsoundBindings;

/// <summary>
/// The native Csound library this process uses: chosen and loaded once, for the raw bindings and for this layer alike
/// (see <see cref="CsoundNativeLibrary"/>). An explicit file (<see cref="SetLibraryPath"/>, else the
/// <c>CSOUND_LIBRARY</c> environment variable) is the only place tried when given; then <c>$CSOUND7_ROOT/lib</c>
/// alone when that is set; otherwise the platform's usual names. A failure is a <see cref="CsoundNotFoundException"/>
/// that names what was tried.
/// </summary>
public static class CsoundLibrary
{
    /// <summary>Uses this library file; must be called before the first use of Csound.</summary>
    /// <exception cref="InvalidOperationException">A library is already loaded.</exception>
    public static void SetLibraryPath(string path) => CsoundNativeLibrary.SetLibraryPath(path);

    /// <summary>The path of the loaded library (loads it if needed).</summary>
    public static string LoadedPath => Ensure(() => CsoundNativeLibrary.LoadedPath);

    /// <summary><c>csoundGetVersion()</c> of the loaded library, e.g. 6181 or 7000.</summary>
    public static int Version => Ensure(() => CsoundNativeLibrary.Version);

    /// <summary>True when the loaded library is Csound 7 or later.</summary>
    public static bool IsApi7 => Version >= 7000;

    /// <summary>Before the first engine: keeps the plug-ins loaded so that engines can come and go (see <c>PluginPins</c>).</summary>
    internal static void PinPlugins() => Native.PluginPins.PinOnce(Version, Ensure(() => CsoundNativeLibrary.LoadedDirectory));

    // The raw layer reports a missing library as DllNotFoundException; this layer's callers get the typed one.
    private static T Ensure<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (DllNotFoundException e)
        {
            throw new CsoundNotFoundException(e.Message);
        }
    }
}
