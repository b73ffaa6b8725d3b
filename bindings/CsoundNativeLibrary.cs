using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace CsoundBindings.Interop;

/// <summary>
/// Chooses and loads the native Csound library once per process, and resolves every import of these bindings to it.
/// An explicit file (<see cref="SetLibraryPath"/>, else the <c>CSOUND_LIBRARY</c> environment variable) is the only
/// place tried when given; then a Csound 7 prefix in <c>CSOUND7_ROOT</c> (only there: a prefix without the library is
/// an error naming it); otherwise the platform's usual names. Hand-written, not generated: it lives with the imports
/// so that calling the raw layer first binds the same library as the idiomatic one.
/// </summary>
/// <exception cref="DllNotFoundException">No library loaded; the message lists what was tried and how to install Csound.</exception>
public static unsafe class CsoundNativeLibrary
{
    private static readonly Lock Gate = new();
    private static string? _explicitPath;
    private static Loaded? _loaded;

    private sealed record Loaded(nint Handle, string Path, int Version, string Directory)
    {
        public nint Csnd;
    }

    /// <summary>Uses this library file; must be called before the first call into Csound.</summary>
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

    /// <summary>The folder of the loaded library (loads it if needed).</summary>
    public static string LoadedDirectory => Load().Directory;

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
                                        return _loaded;
                }
                tried.Add(candidate);
            }
            if (_explicitPath is null && Environment.GetEnvironmentVariable("CSOUND_LIBRARY") is not { Length: > 0 }
                && Environment.GetEnvironmentVariable("CSOUND7_ROOT") is { Length: > 0 } prefix)
            {
                throw new DllNotFoundException(
                    $"CSOUND7_ROOT is '{prefix}', but there is no Csound library under it. Tried:\n  " + string.Join("\n  ", tried) + "\n" +
                    "Set CSOUND7_ROOT to the prefix Csound 7 was installed into (the folder holding lib/libcsound64.so), or unset it to use the system's Csound.");
            }
            throw new DllNotFoundException(
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

    /// <summary>
    /// Registered when this assembly is first used, before any of its imports binds: whichever layer calls Csound
    /// first, every import of "csound64" (API 6 or 7) and "csnd6" resolves to the one library chosen here.
    /// </summary>
#pragma warning disable CA2255 // the resolver must be in place before the first import of this assembly binds
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterResolver() => NativeLibrary.SetDllImportResolver(typeof(CsoundNativeLibrary).Assembly, Resolve);

    // The generated bindings import "csound64" and (API 6 performance thread) "csnd6".
    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name is not ("csound64" or "csnd6"))
        {
            return 0;
        }
        Loaded loaded = Load();
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
        throw new DllNotFoundException(
            "The Csound 6 performance thread needs libcsnd6, which did not load. Tried:\n  " + string.Join("\n  ", tried) +
            "\nDebian/Ubuntu: sudo apt-get install libcsnd-dev");
    }
}
