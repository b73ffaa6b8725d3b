using System;
using System.Threading;
using System.Threading.Tasks;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>Starts the engine once; later calls do nothing. Perform calls start it themselves.</summary>
    /// <exception cref="CsoundException">Csound could not start (e.g. the audio device failed to open).</exception>
    public void Start()
    {
        nint cs = Ptr;
        if (_started)
        {
            return;
        }
        Checked("Start", () => _api.Start(cs), compile: false);
        _started = true;
        FlushPendingEvents();
    }

    /// <summary>
    /// Performs one control cycle (ksmps frames), starting the engine first if needed.
    /// Returns true when the performance has finished (end of score, <see cref="Stop"/>, or an error);
    /// the loop <c>while (!cs.PerformKsmps()) { ... }</c> allocates nothing per cycle.
    /// </summary>
    public bool PerformKsmps()
    {
        if (!_started)
        {
            Start();
        }
        return _api.PerformKsmps(Ptr) != 0 || _stopRequested;
    }

    /// <summary>
    /// Performs until the score ends or <see cref="Stop"/> is called (from any thread, even before the loop has
    /// begun). Returns Csound's final code: on Csound 6 the code the last cycle returned (2 at the end of the score,
    /// as <c>csoundPerform</c> reports it), on Csound 7 1, as libcsound reports it; 0 when stopped.
    /// </summary>
    public int Perform()
    {
        if (!_started)
        {
            Start();
        }
        // Counted as running before the handle is read, so that a concurrent Dispose either waits for this loop or
        // has already asked it to stop (see Dispose).
        using var running = new PerformScope(this);
        nint cs = Ptr;
        // A ksmps loop rather than csoundPerform on both versions: a Stop that comes before the native loop has
        // begun would otherwise be lost and the call would never return.
        int result = 0;
        while (!_stopRequested && (result = _api.PerformKsmps(cs)) == 0)
        {
        }
        return result == 0 ? 0 : _api.PerformReturnsCycleCode ? result : 1;
    }

    /// <summary>
    /// Runs the ksmps loop on a thread-pool thread until the score ends, <see cref="Stop"/> is called or the token is
    /// cancelled (the task is then cancelled). The result is the last <c>csoundPerformKsmps</c> code.
    /// </summary>
    public Task<int> PerformAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        if (!_started)
        {
            Start();
        }
        return Task.Run(() =>
        {
            using var running = new PerformScope(this);
            nint cs = Ptr;
            int result = 0;
            while (!_stopRequested && (result = _api.PerformKsmps(cs)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            return result;
        }, cancellationToken);
    }

    private int _performing;

    // Marks a perform loop the runtime owns, so that Dispose on another thread waits for it instead of destroying
    // the engine under it.
    private readonly struct PerformScope : IDisposable
    {
        private readonly Csound _owner;

        public PerformScope(Csound owner)
        {
            _owner = owner;
            Interlocked.Increment(ref owner._performing);
        }

        public void Dispose() => Interlocked.Decrement(ref _owner._performing);
    }

    private void StopAndWaitForPerformLoops(nint cs)
    {
        if (Volatile.Read(ref _performing) == 0)
        {
            return;
        }
        _api.Stop(cs);
        SpinWait.SpinUntil(() => Volatile.Read(ref _performing) == 0, TimeSpan.FromSeconds(10));
    }

    /// <summary>Asks a running <see cref="Perform"/>, <see cref="PerformAsync"/> or ksmps loop to end after the current cycle.</summary>
    public void Stop()
    {
        nint cs = Ptr;
        _stopRequested = true;
        _api.Stop(cs);
    }

    /// <summary>Returns the engine to its state after creation (options and orchestra cleared); it can be compiled and started again.</summary>
    /// <exception cref="InvalidOperationException">A perform loop or the performance thread is still running.</exception>
    public void Reset()
    {
        nint cs = Ptr;
        if (Volatile.Read(ref _performing) != 0 || _thread is { Status: 0 })
        {
            throw new InvalidOperationException("The engine is performing: stop it (and dispose its PerformanceThread) before Reset.");
        }
        InvalidateChannels();
        _api.Reset(cs);
        _started = false;
        _spoutLength = 0;
        _stopRequested = false;
        _pending.Clear();
    }

    /// <summary>Ends the performance and closes its files (Csound 6; nothing to do on Csound 7).</summary>
    public void Cleanup()
    {
        nint cs = Ptr;
        Checked("Cleanup", () => _api.Cleanup(cs), compile: false);
    }
}
