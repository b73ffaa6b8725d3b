using System;
using System.IO;
using CsoundBindings.Engine;
using CsoundBindings.Native;

namespace CsoundBindings;

public sealed partial class Csound
{
    private static string? _pluginDirectory;
    private static bool _engineCreated;

    /// <summary>The folder chosen with <see cref="SetPluginDirectory"/>, or null for Csound's own.</summary>
    public static string? PluginDirectory
    {
        get
        {
            lock (InitGate)
            {
                return _pluginDirectory;
            }
        }
    }

    /// <summary>
    /// Chooses the folder every engine of this process loads its plug-ins from, before the first engine exists.
    /// On Csound 6 it replaces Csound's own folder (<c>csoundSetOpcodedir</c>, process-wide). On Csound 7 each new
    /// engine loads it with <see cref="LoadPlugins"/>, on top of Csound's own folder: the create argument that
    /// replaces the folder hangs <c>csoundCreate</c> at this Csound 7.0 snapshot. To leave out Csound 7's own
    /// plug-ins, point <c>OPCODE7DIR64</c> at an empty folder before the process starts.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidOperationException">An engine was already created in this process.</exception>
    public static unsafe void SetPluginDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"Plug-in folder '{full}' does not exist.");
        }
        lock (InitGate)
        {
            if (_engineCreated)
            {
                throw new InvalidOperationException(
                    "SetPluginDirectory must come before the first engine of the process (Csound reads the folder when an engine is created); call it at start-up, or load a folder into one engine with LoadPlugins.");
            }
            using var utf8 = new Utf8Text(full);
            fixed (sbyte* p = utf8)
            {
                // Csound 6 copies the string; Csound 7 has no process-wide setting and loads per engine below.
                _ = CsoundApi.Current.SetGlobalPluginDirectory(p);
            }
            _pluginDirectory = full;
        }
    }

    /// <summary>Called once a native instance exists: later plug-in folder choices are refused; Csound 7 loads the chosen folder.</summary>
    private void OnEngineCreated()
    {
        string? folder;
        lock (InitGate)
        {
            _engineCreated = true;
            folder = _pluginDirectory;
        }
        if (folder is not null && _api.Generation >= 7)
        {
            LoadPlugins(folder);
        }
    }
}
