using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace CsoundBindings.Native;

/// <summary>
/// Keeps Csound's plug-in libraries loaded for the life of the process. Csound opens every plug-in when an engine
/// is created and closes them when it is destroyed, so their dependencies are unloaded and loaded again per engine;
/// some of those run a constructor each time that takes a thread-local key and never gives it back (libjack through
/// the JACK rt module, libgomp on Csound 6). After about 300 engines the keys run out and the next load crashes
/// the process (SIGSEGV in libjack's constructor; "libgomp: could not create thread pool destructor"). Opened once
/// here, Csound's own open and close only count references and nothing is loaded twice.
/// </summary>
internal static class PluginPins
{
    private static readonly List<nint> Pinned = new();
    private static bool _done;

    /// <summary>The folders searched, in order, for a Csound of <paramref name="major"/> loaded from <paramref name="libraryDirectory"/>.</summary>
    public static IEnumerable<string> Folders(int major, string libraryDirectory)
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(major >= 7 ? "OPCODE7DIR64" : "OPCODE6DIR64");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            yield return fromEnvironment;
            yield break;
        }
        string leaf = $"plugins64-{major}.0";
        if (Path.IsPathRooted(libraryDirectory))
        {
            yield return Path.Combine(libraryDirectory, "csound", leaf);
        }
        yield return Path.Combine("/usr/lib/x86_64-linux-gnu/csound", leaf);
        yield return Path.Combine("/usr/local/lib/csound", leaf);
    }

    /// <summary>Loads every plug-in once (Linux; elsewhere nothing). Failures are ignored: Csound reports them itself.</summary>
    public static void PinOnce(int version, string libraryDirectory)
    {
        lock (Pinned)
        {
            if (_done)
            {
                return;
            }
            _done = true;
            if (!OperatingSystem.IsLinux())
            {
                return;
            }
            foreach (string folder in Folders(version / 1000, libraryDirectory))
            {
                if (!Directory.Exists(folder))
                {
                    continue;
                }
                foreach (string plugin in Directory.EnumerateFiles(folder, "*.so"))
                {
                    if (NativeLibrary.TryLoad(plugin, out nint handle))
                    {
                        Pinned.Add(handle);
                    }
                }
                return;
            }
        }
    }
}
