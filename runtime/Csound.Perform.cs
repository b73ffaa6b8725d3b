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
    /// Performs until the score ends or <see cref="Stop"/> is called. Returns Csound's final code: on Csound 6
    /// the native result (2 at the end of the score), on Csound 7 (which has no native perform) 1.
    /// </summary>
    public int Perform()
    {
        if (!_started)
        {
            Start();
        }
        nint cs = Ptr;
        using var running = new PerformScope(this);
        if (_api.HasNativePerform)
        {
            return _api.Perform(cs);
        }
        while (_api.PerformKsmps(cs) == 0 && !_stopRequested)
        {
        }
        return 1;
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
            nint cs = Ptr;
            using var running = new PerformScope(this);
            int result;
            while ((result = _api.PerformKsmps(cs)) == 0 && !_stopRequested)
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
