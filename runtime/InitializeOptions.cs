using System;

namespace CsoundBindings;

/// <summary>Process-wide flags for <see cref="Csound.Initialize"/>.</summary>
[Flags]
public enum InitializeOptions
{
    /// <summary>Csound installs its signal handlers and atexit cleanup.</summary>
    None = 0,

    /// <summary>Do not install signal handlers (keeps Ctrl+C with the .NET host).</summary>
    NoSignalHandler = 1,

    /// <summary>Do not register an atexit cleanup.</summary>
    NoAtExit = 2,
}
