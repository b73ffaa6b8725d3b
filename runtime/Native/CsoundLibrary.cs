using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;

namespace CsoundBindings;

/// <summary>
/// Finds and loads the native Csound library once per process and resolves the generated bindings' imports
/// to it. An explicit file (<see cref="SetLibraryPath"/>, else the <c>CSOUND_LIBRARY</c> environment variable)
/// is the only place tried when given; otherwise <c>$CSOUND7_ROOT/lib</c>, then the platform's usual names.
/// </summary>
public static unsafe class CsoundLibrary
{
    private static readonly Lock Gate = new();
    private static string? _explicitPath;
    private static Loaded? _loaded;

    private sealed record Loaded(nint Handle, string Path, int Version, string Directory)
    {
        public nint Csnd;
    }

    /// <summary>Uses this library file; must be called before the first use of Csound.</summary>
    /// <exception cref="InvalidOperationException">A library is already loaded.</exception>
    public static void SetLibraryPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        lock (Gate)
        {
            if (_loaded is not null)
            {
                throw new InvalidOperationException($"Csound is already loaded from {_loaded.Path}; set the path before the first use.");
            }
            _explicitPath = path;
        }
    }

    /// <summary>The path of the loaded library (loads it if needed).</summary>
    public static string LoadedPath => Load().Path;

    /// <summary><c>csoundGetVersion()</c> of the loaded library, e.g. 6181 or 7000.</summary>
    public static int Version => Load().Version;

    /// <summary>True when the loaded library is Csound 7 or later.</summary>
    public static bool IsApi7 => Version >= 7000;

    /// <summary>Before the first engine: keeps the plug-ins loaded so that engines can come and go (see <c>PluginPins</c>).</summary>
    internal static void PinPlugins()
    {
        Loaded loaded = Load();
        Native.PluginPins.PinOnce(loaded.Version, loaded.Directory);
    }

    private static Loaded Load()
    {
        Loaded? loaded = Volatile.Read(ref _loaded);
        if (loaded is not null)
        {
            return loaded;
        }
        lock (Gate)
        {
            if (_loaded is not null)
            {
                return _loaded;
            }
            var tried = new List<string>();
            foreach (string candidate in Candidates())
            {
                if (NativeLibrary.TryLoad(candidate, out nint handle))
                {
                    if (!NativeLibrary.TryGetExport(handle, "csoundGetVersion", out nint getVersion))
                    {
                        tried.Add($"{candidate} (loaded, but it exports no csoundGetVersion)");
                        continue;
                    }
                    int version = ((delegate* unmanaged[Cdecl]<int>)getVersion)();
                    string dir = System.IO.Path.GetDirectoryName(candidate) ?? string.Empty;
                    _loaded = new Loaded(handle, candidate, version, dir);
                    NativeLibrary.SetDllImportResolver(typeof(CsoundBindings.Interop.NativeTypeNameAttribute).Assembly, Resolve);
                    return _loaded;
                }
                tried.Add(candidate);
            }
            if (_explicitPath is null && Environment.GetEnvironmentVariable("CSOUND_LIBRARY") is not { Length: > 0 }
                && Environment.GetEnvironmentVariable("CSOUND7_ROOT") is { Length: > 0 } prefix)
            {
                throw new CsoundNotFoundException(
                    $"CSOUND7_ROOT is '{prefix}', but there is no Csound library under it. Tried:\n  " + string.Join("\n  ", tried) + "\n" +
                    "Set CSOUND7_ROOT to the prefix Csound 7 was installed into (the folder holding lib/libcsound64.so), or unset it to use the system's Csound.");
            }
            throw new CsoundNotFoundException(
                "Could not load the Csound library. Tried:\n  " + string.Join("\n  ", tried) + "\n" +
                "Install Csound 6 (Debian/Ubuntu: sudo apt-get install csound libcsound64-dev libcsnd-dev; " +
                "macOS: the CsoundLib64 framework; Windows: csound64.dll on PATH), set CSOUND7_ROOT to a Csound 7 prefix, " +
                "or point CSOUND_LIBRARY (or CsoundLibrary.SetLibraryPath) at the library file.");
        }
    }

    private static IEnumerable<string> Candidates()
    {
        // An explicit file is exact: if it does not load, nothing else is tried behind the user's back.
        if ((_explicitPath ?? Environment.GetEnvironmentVariable("CSOUND_LIBRARY")) is { Length: > 0 } exact)
        {
            yield return exact;
            yield break;
        }
        // A Csound 7 prefix is exact too: a mistyped one is an error naming it, never a quiet fall-back to Csound 6.
        if (Environment.GetEnvironmentVariable("CSOUND7_ROOT") is { Length: > 0 } root)
        {
            yield return System.IO.Path.Combine(root, "lib", OperatingSystem.IsWindows() ? "csound64.dll" : OperatingSystem.IsMacOS() ? "libcsound64.dylib" : "libcsound64.so");
            yield return System.IO.Path.Combine(root, "lib", "libcsound64.so.7.0");
            yield break;
        }
        if (OperatingSystem.IsWindows())
        {
            yield return "csound64.dll";
        }
        else if (OperatingSystem.IsMacOS())
        {
            yield return "/Library/Frameworks/CsoundLib64.framework/CsoundLib64";
            yield return "libcsound64.dylib";
        }
        else
        {
            yield return "libcsound64.so.6.0";
            yield return "libcsound64.so";
            yield return "/usr/lib/x86_64-linux-gnu/libcsound64.so.6.0";
            yield return "/usr/local/lib/libcsound64.so";
        }
    }

    // The generated bindings import "csound64" and (API 6 performance thread) "csnd6".
    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        Loaded loaded = _loaded!;
        if (name == "csound64")
        {
            return loaded.Handle;
        }
        if (name == "csnd6")
        {
            return loaded.Csnd != 0 ? loaded.Csnd : loaded.Csnd = LoadCsnd(loaded);
        }
        return 0;
    }

    private static nint LoadCsnd(Loaded loaded)
    {
        string[] names = OperatingSystem.IsWindows() ? new[] { "csnd6.dll" } : new[] { "libcsnd6.so.6.0", "libcsnd6.so" };
        var tried = new List<string>();
        foreach (string n in names)
        {
            foreach (string candidate in new[] { System.IO.Path.Combine(loaded.Directory, n), n })
            {
                if ((System.IO.Path.IsPathRooted(candidate) && !File.Exists(candidate)) || !NativeLibrary.TryLoad(candidate, out nint handle))
                {
                    tried.Add(candidate);
                    continue;
                }
                return handle;
            }
        }
        throw new CsoundNotFoundException(
            "The Csound 6 performance thread needs libcsnd6, which did not load. Tried:\n  " + string.Join("\n  ", tried) +
            "\nDebian/Ubuntu: sudo apt-get install libcsnd-dev");
    }
}
