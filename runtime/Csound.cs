using System;
using System.Threading;
using CsoundBindings.Engine;
using CsoundBindings.Lifecycle;

namespace CsoundBindings;

/// <summary>
/// One in-process Csound engine. Works the same on Csound 6.18 and Csound 7: the runtime reads the loaded
/// library's version and drives the matching API. Failing calls throw <see cref="CsoundException"/>
/// (compiles: <see cref="CsoundCompileException"/>) with Csound's own text; the instance stays usable.
/// Not thread-safe except where a member says so; dispose it when done (Csound prints its summary then).
/// </summary>
public sealed partial class Csound : IDisposable, IAsyncDisposable
{
    private static readonly Lock InitGate = new();
    private static bool _initialized;

    private readonly CsoundApi _api;
    private readonly EngineState _state;

    /// <summary>Creates an engine. Loads Csound on first use (see <see cref="CsoundLibrary"/>).</summary>
    /// <exception cref="CsoundNotFoundException">No Csound library could be loaded.</exception>
    public Csound()
    {
        _api = CsoundApi.Current;
        EnsureInitialized();
        _state = new EngineState(this, _api);
        OnEngineCreated();
    }

    /// <summary>Where the engine is in its life (see <see cref="CsoundState"/>); <see cref="CsoundState.Disposed"/> after <see cref="Dispose"/>.</summary>
    public CsoundState State => _state.State;

    /// <summary>The state object behind this façade (channels, threads and callbacks reach the engine through it).</summary>
    internal EngineState Core => _state;

    /// <summary>The loaded library's version, e.g. 6181 for 6.18.1 or 7000 for 7.0.0, without creating an engine.</summary>
    public static int LibraryVersion => CsoundLibrary.Version;

    /// <summary>The engine's version number (6181 for 6.18.1, 7000 for 7.0.0).</summary>
    public int Version => _api.Version();

    /// <summary>The Csound generation this engine drives (6 or 7), for the checks outside this class.</summary>
    internal int Generation => _api.Generation;

    /// <summary>The host API version (400 on Csound 6.18); on Csound 7, which has none, equal to <see cref="Version"/>.</summary>
    public int ApiVersion => _api.ApiVersion();

    /// <summary>The native handle, for calls into the raw bindings that this class does not wrap.</summary>
    public CsoundSafeHandle Handle
    {
        get
        {
            ThrowIfDisposed();
            return _state.Handle;
        }
    }

    /// <summary>True once <see cref="Start"/> ran (explicitly or by a perform call), until <see cref="Reset"/>.</summary>
    public bool IsStarted => _state.IsStarted;

    /// <summary>
    /// Sets Csound's process-wide initialization flags. Must come before the first engine exists; later calls
    /// change nothing. Without a call, the runtime initializes with <see cref="InitializeOptions.NoSignalHandler"/>
    /// and <see cref="InitializeOptions.NoAtExit"/> so that Csound does not take Ctrl+C from the .NET host.
    /// </summary>
    /// <returns>True when this call initialized Csound; false when it already was.</returns>
    public static bool Initialize(InitializeOptions options)
    {
        lock (InitGate)
        {
            int result = CsoundApi.Current.Initialize((int)options);
            if (result < 0)
            {
                throw new CsoundException("csoundInitialize", result, string.Empty);
            }
            bool first = !_initialized && result == 0;
            _initialized = true;
            return first;
        }
    }

    private static void EnsureInitialized()
    {
        lock (InitGate)
        {
            if (!_initialized)
            {
                Initialize(InitializeOptions.NoSignalHandler | InitializeOptions.NoAtExit);
            }
            CsoundLibrary.PinPlugins();
        }
    }

    private nint Ptr => _state.Ptr;

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_state.IsDisposed, this);
}
