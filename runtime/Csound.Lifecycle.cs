using System;
using System.Threading.Tasks;
using CsoundBindings.Lifecycle;

namespace CsoundBindings;

public sealed partial class Csound
{
    private static readonly TimeSpan LoopStopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Starts the engine once; later calls do nothing. Events and score text sent before it are sent right after, in
    /// order. The perform calls and <see cref="PerformanceThread.Play"/> start the engine themselves; nothing else does.
    /// </summary>
    /// <exception cref="CsoundException">Csound could not start (e.g. the audio device failed to open); the message starts with Csound's cause.</exception>
    public void Start()
    {
        nint cs = _state.Require(Operation.Start, nameof(Start));
        if (_state.IsStarted)
        {
            return;
        }
        Checked(nameof(Start), () => _api.Start(cs), compile: false);
        _state.MarkStarted();
        FlushPendingEvents();
    }

    /// <summary>
    /// Stops whatever performs the engine: a <see cref="Perform"/> or <see cref="PerformAsync"/> loop or a host ksmps
    /// loop (after the current cycle), and the <see cref="PerformanceThread"/>. Safe from any thread; a Stop that comes
    /// before a loop begins is kept, so that loop returns at once (until <see cref="Reset"/>).
    /// </summary>
    public void Stop()
    {
        nint cs = Ptr;
        _state.StopRequested = true;
        _api.Stop(cs);
        _state.Thread?.RequestStop();
    }

    /// <summary>
    /// Returns the engine to <see cref="CsoundState.Created"/>: options, orchestra, pending events, channels and the
    /// ended performance thread go; the message handler, channel and MIDI callbacks and C# opcodes stay registered.
    /// </summary>
    /// <exception cref="InvalidOperationException">A perform loop or the performance thread is running (stop it first), or this is one of the engine's callbacks.</exception>
    public void Reset()
    {
        nint cs = _state.Require(Operation.Reset, nameof(Reset));
        CallbackScope.ThrowIfInside(_state, nameof(Reset));
        if (_state.Thread is { } thread)
        {
            thread.Dispose();
        }
        _state.Channels.Invalidate();
        _state.SwitchDebuggerOff(cs);
        _api.Reset(cs);
        _state.FlushMessages();
        _state.AfterReset();
    }

    /// <summary>Ends the performance and closes its files (Csound 6; nothing to do on Csound 7 or before Start).</summary>
    public void Cleanup()
    {
        nint cs = _state.Require(Operation.Cleanup, nameof(Cleanup));
        if (!_state.IsStarted)
        {
            return;
        }
        Checked(nameof(Cleanup), () => _api.Cleanup(cs), compile: false);
        _state.MarkFinished();
    }

    /// <summary>
    /// Destroys the engine. A <see cref="Perform"/> or <see cref="PerformAsync"/> running on another thread is stopped
    /// and waited for first, and so is the performance thread. Csound reports its end-of-performance summary through
    /// <see cref="Message"/>. Called from one of this engine's own callbacks, the disposal happens once that callback's
    /// native call has returned. Never throws.
    /// </summary>
    public void Dispose()
    {
        if (_state.IsDisposed)
        {
            return;
        }
        if (CallbackScope.IsInside(_state))
        {
            _state.DeferDispose();
            return;
        }
        _state.StopRequested = true;
        _state.Disposing = true;
        System.Threading.Interlocked.MemoryBarrier();
        if (_state.RunningLoops > 0)
        {
            _api.Stop(_state.Handle.DangerousGetHandle());
            _state.Thread?.RequestStop();
        }
        _state.Thread?.Dispose();
        _state.WaitForLoops(LoopStopTimeout);
        _state.WaitForNativeCalls(LoopStopTimeout);
        _state.Channels.Invalidate();
        _state.SwitchDebuggerOff(_state.Handle.DangerousGetHandle());
        _state.Handle.Dispose();
        _state.FlushMessages();
        _state.Detach();
    }

    /// <summary>Like <see cref="Dispose"/>, but waits for running loops and the performance thread without blocking the caller's thread.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_state.IsDisposed)
        {
            return;
        }
        if (!CallbackScope.IsInside(_state))
        {
            _state.StopRequested = true;
            _api.Stop(_state.Handle.DangerousGetHandle());
            if (_state.Thread is { } thread)
            {
                await thread.DisposeAsync().ConfigureAwait(false);
            }
            await _state.WhenLoopsEnded().WaitAsync(LoopStopTimeout).ConfigureAwait(false);
        }
        Dispose();
    }
}
