using System;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using CsoundBindings.Engine;
using CsoundBindings.Native;
using CsoundBindings.Threading;

namespace CsoundBindings;

/// <summary>
/// Runs an engine's performance loop on Csound's own native thread (libcsnd6 on Csound 6, libcsound on
/// Csound 7). It starts paused; <see cref="Play"/> starts the engine if needed. One per <see cref="Csound"/>:
/// get it from <see cref="Csound.PerformanceThread"/> or construct it once. Disposing the engine stops and
/// joins the thread first. Transport and event calls are safe from any thread.
/// </summary>
public sealed unsafe class PerformanceThread : IDisposable
{
    /// <summary>Host tasks run per cycle at most, so a burst cannot stall the audio thread.</summary>
    public const int MaxTasksPerCycle = 10;

    private readonly CsoundApi _api;
    private readonly ConcurrentQueue<Action<Csound>> _tasks = new();
    private GCHandle _self;
    private nint _pt;
    private Recorder? _recorder;

    /// <summary>Creates the performance thread of <paramref name="csound"/> (paused).</summary>
    /// <exception cref="InvalidOperationException">The engine already has one.</exception>
    public PerformanceThread(Csound csound)
    {
        ArgumentNullException.ThrowIfNull(csound);
        Csound = csound;
        _api = CsoundApi.Current;
        nint cs = csound.Handle.DangerousGetHandle();
        csound.AttachThread(this);
        _pt = _api.PtCreate(cs);
        if (_pt == 0)
        {
            csound.DetachThread(this);
            throw new CsoundException("The performance thread could not be created.");
        }
        _self = GCHandle.Alloc(this);
        _api.PtSetProcessCallback(_pt, &OnCycle, (void*)GCHandle.ToIntPtr(_self));
    }

    /// <summary>The engine this thread performs.</summary>
    public Csound Csound { get; }

    /// <summary>
    /// Runs on the audio thread before every control cycle, with the engine (it may use the engine's API
    /// without locking). Keep it short; exceptions are reported through <see cref="Csound.CallbackException"/>.
    /// </summary>
    public Action<Csound>? ProcessCallback { get; set; }

    /// <summary>True while the native thread exists (Csound 6.18 reports true already before <see cref="Play"/>).</summary>
    public bool IsRunning => _api.PtIsRunning(Ptr);

    /// <summary>0 while playing or paused, positive once the score ended or it was stopped, negative on error.</summary>
    public int Status => _api.PtStatus(Ptr);

    private nint Ptr
    {
        get
        {
            ObjectDisposedException.ThrowIf(_pt == 0, this);
            return _pt;
        }
    }

    /// <summary>Starts the engine if needed, then plays.</summary>
    public void Play()
    {
        nint pt = Ptr;
        Csound.Start();
        _api.PtPlay(pt);
    }

    /// <summary>Pauses after the current cycle (no samples advance while paused).</summary>
    public void Pause() => _api.PtPause(Ptr);

    /// <summary>Toggles between playing and paused.</summary>
    public void TogglePause() => _api.PtTogglePause(Ptr);

    /// <summary>Ends the performance (final: a stopped thread cannot play again).</summary>
    public void Stop() => _api.PtStop(Ptr);

    /// <summary>Waits until the performance ends; returns its status (positive when it ended normally).</summary>
    public int Join()
    {
        nint pt = Ptr;
        return _api.PtJoin(pt);
    }

    /// <summary>Waits for the end on a thread-pool thread.</summary>
    public Task<int> JoinAsync(CancellationToken cancellationToken = default) =>
        Task.Factory.StartNew(Join, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// Queues a score event. With <paramref name="absolute"/> p2 counts from the start of the performance,
    /// otherwise from now. Safe from any thread.
    /// </summary>
    public void ScoreEvent(bool absolute, char type, params ReadOnlySpan<double> pfields)
    {
        CsoundApi.CheckEventType(type, "aifqe", _api.Generation);
        nint pt = Ptr;
        fixed (double* p = pfields)
        {
            _api.PtScoreEvent(pt, absolute, type, pfields.Length, p);
        }
    }

    /// <summary>Queues score text (several lines allowed).</summary>
    public void InputMessage(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        nint pt = Ptr;
        using var utf8 = new Utf8Text(text);
        fixed (byte* p = utf8)
        {
            _api.PtInputMessage(pt, p);
        }
    }

    /// <summary>Ends the performance at <paramref name="seconds"/> (from now, or from the start when <paramref name="absolute"/>).</summary>
    public void SetEndMarker(double seconds, bool absolute = false) => ScoreEvent(absolute, 'e', 0, seconds);

    /// <summary>Moves the score clock to <paramref name="seconds"/>.</summary>
    public void SetScoreOffsetSeconds(double seconds) => _api.PtSetScoreOffsetSeconds(Ptr, seconds);

    /// <summary>Waits until every queued event and message has been taken by the thread.</summary>
    public void FlushMessageQueue() => _api.PtFlushMessageQueue(Ptr);

    /// <summary>
    /// Starts writing the output to a WAV file (16 or 24-bit PCM, 32 or 64-bit float) from the next cycle on.
    /// The recorder runs in .NET (see the remarks in the source): <paramref name="buffers"/> sizes its block pool.
    /// </summary>
    public void Record(string path, int bits = 16, int buffers = 4)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _ = Ptr;
        Csound.Start();
        var recorder = new Recorder(path, bits, buffers, Csound);
        Interlocked.Exchange(ref _recorder, recorder)?.Dispose();
    }

    /// <summary>Stops recording and closes the file (safe to call after the performance ended).</summary>
    public void StopRecord()
    {
        Recorder? recorder = Interlocked.Exchange(ref _recorder, null);
        if (recorder is null)
        {
            return;
        }
        // The last cycle before the end has no following callback: take it here if the clock moved.
        if (Status != 0)
        {
            recorder.Capture(Csound);
        }
        recorder.Dispose();
    }

    /// <summary>
    /// Queues work to run inside the performance loop, on the audio thread, between cycles (at most
    /// <see cref="MaxTasksPerCycle"/> per cycle). Safe from any thread.
    /// </summary>
    public void Post(Action<Csound> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        _ = Ptr;
        _tasks.Enqueue(task);
    }

    /// <summary>Runs <paramref name="work"/> inside the loop and completes with its result (or exception).</summary>
    public Task<T> InvokeAsync<T>(Func<Csound, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(cs =>
        {
            try
            {
                completion.SetResult(work(cs));
            }
#pragma warning disable CA1031 // handed to the awaiting caller
            catch (Exception e)
#pragma warning restore CA1031
            {
                completion.SetException(e);
            }
        });
        return completion.Task;
    }

    /// <summary>Completes once every task posted before it has run.</summary>
    public Task FlushTasksAsync() => InvokeAsync(static _ => true);

    /// <summary>Compiles orchestra code inside the loop (no API lock contention with the audio thread).</summary>
    public Task CompileOrcAsync(string code) => InvokeAsync(cs =>
    {
        cs.CompileOrc(code);
        return true;
    });

    /// <summary>Evaluates code inside the loop and completes with the value it returns.</summary>
    public Task<double> EvalCodeAsync(string code) => InvokeAsync(cs => cs.EvalCode(code));

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(System.Runtime.CompilerServices.CallConvCdecl) })]
    private static void OnCycle(void* data)
    {
        try
        {
            if (GCHandle.FromIntPtr((nint)data).Target is not PerformanceThread thread)
            {
                return;
            }
            Volatile.Read(ref thread._recorder)?.Capture(thread.Csound);
            thread.ProcessCallback?.Invoke(thread.Csound);
            for (int i = 0; i < MaxTasksPerCycle && thread._tasks.TryDequeue(out Action<Csound>? task); i++)
            {
                task(thread.Csound);
            }
        }
#pragma warning disable CA1031 // never throw into native code
        catch (Exception e)
#pragma warning restore CA1031
        {
            Csound.ReportCallbackException(e);
        }
    }

    /// <summary>Stops the performance, waits for the thread and frees it. The engine stays usable (reset it to play again).</summary>
    public void Dispose()
    {
        nint pt = Interlocked.Exchange(ref _pt, 0);
        if (pt == 0)
        {
            return;
        }
        _api.PtStop(pt);
        _api.PtJoin(pt);
        _pt = pt;
        StopRecord();
        _pt = 0;
        _api.PtDestroy(pt);
        if (_self.IsAllocated)
        {
            _self.Free();
        }
        Csound.DetachThread(this);
    }
}
