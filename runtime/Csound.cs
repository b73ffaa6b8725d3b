using System;
using System.Runtime.InteropServices;
using System.Threading;
using CsoundBindings.Engine;

namespace CsoundBindings;

/// <summary>
/// One in-process Csound engine. Works the same on Csound 6.18 and Csound 7: the runtime reads the loaded
/// library's version and drives the matching API. Failing calls throw <see cref="CsoundException"/>
/// (compiles: <see cref="CsoundCompileException"/>) with Csound's own text; the instance stays usable.
/// Not thread-safe except where a member says so; dispose it when done (Csound prints its summary then).
/// </summary>
public sealed partial class Csound : IDisposable
{
    private static readonly Lock InitGate = new();
    private static bool _initialized;

    private readonly CsoundApi _api;
    private readonly CsoundSafeHandle _handle;
    private GCHandle _self;
    private bool _started;
    private volatile bool _stopRequested;

    /// <summary>Creates an engine. Loads Csound on first use (see <see cref="CsoundLibrary"/>).</summary>
    /// <exception cref="CsoundNotFoundException">No Csound library could be loaded.</exception>
    public Csound()
    {
        _api = CsoundApi.Current;
        EnsureInitialized();
        _self = GCHandle.Alloc(this, GCHandleType.Weak);
        nint cs = _api.Create(GCHandle.ToIntPtr(_self));
        if (cs == 0)
        {
            _self.Free();
            throw new CsoundException("csoundCreate returned no instance.");
        }
        _handle = new CsoundSafeHandle(cs, owned: true);
        unsafe
        {
            _api.SetMessageStringCallback(cs, Messages.MessageRouter.Pointer);
        }
    }

    /// <summary>The loaded library's version, e.g. 6181 for 6.18.1 or 7000 for 7.0.0, without creating an engine.</summary>
    public static int LibraryVersion => CsoundLibrary.Version;

    /// <summary>The engine's version number (6181 for 6.18.1, 7000 for 7.0.0).</summary>
    public int Version => _api.Version();

    /// <summary>The host API version (400 on Csound 6.18); on Csound 7, which has none, equal to <see cref="Version"/>.</summary>
    public int ApiVersion => _api.ApiVersion();

    /// <summary>The native handle, for calls into the raw bindings that this class does not wrap.</summary>
    public CsoundSafeHandle Handle
    {
        get
        {
            ThrowIfDisposed();
            return _handle;
        }
    }

    /// <summary>True once <see cref="Start"/> ran (explicitly or by a perform call).</summary>
    public bool IsStarted => _started;

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
        }
    }

    private nint Ptr
    {
        get
        {
            ThrowIfDisposed();
            return _handle.DangerousGetHandle();
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_handle.IsClosed, this);

    /// <summary>
    /// Destroys the engine. A <see cref="Perform"/> or <see cref="PerformAsync"/> running on another thread is stopped
    /// and waited for first, and so is the performance thread. Csound reports its end-of-performance summary
    /// through <see cref="Message"/>.
    /// </summary>
    public void Dispose()
    {
        if (_handle.IsClosed)
        {
            return;
        }
        // Stop first, then look for running loops; a loop registers before it reads the flag, so with the fence
        // between, either this sees the loop and waits, or the loop sees the flag and never calls into Csound.
        _stopRequested = true;
        Interlocked.MemoryBarrier();
        StopAndWaitForPerformLoops(_handle.DangerousGetHandle());
        _thread?.Dispose();
        InvalidateChannels();
        _handle.Dispose();
        foreach (var opcode in _managedOpcodes)
        {
            opcode.Dispose();
        }
        _managedOpcodes.Clear();
        if (_self.IsAllocated)
        {
            _self.Free();
        }
    }
}
