using System;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using CsoundBindings.Engine;
using CsoundBindings.Lifecycle;
using CsoundBindings.Threading;

namespace CsoundBindings;

/// <summary>
/// Runs an engine's performance loop on Csound's own native thread (libcsnd6 on Csound 6, libcsound on Csound 7).
/// It starts paused; <see cref="Play"/> starts the engine if needed.
/// <para>
/// Everything sent to one thread (score events, score text, end marker, score offset, compiles, evals, posted work)
/// runs in the order it was sent, between cycles on the audio thread: a compile followed by an event for the new
/// instrument always finds it. While the thread is not playing (before <see cref="Play"/>, or paused) the sender runs
/// what it sends itself, in the same order, so every task completes. Once the performance has ended, tasks fault with
/// <see cref="InvalidOperationException"/> (disposed: <see cref="ObjectDisposedException"/>); each takes a token.
/// </para>
/// One live thread per engine: a new one may be created once the previous one ended. Disposing the engine stops and
/// joins its thread first. Transport and command calls are safe from any thread.
/// </summary>
public sealed class PerformanceThread : IDisposable, IAsyncDisposable
{
    /// <summary>Posted host tasks run per cycle at most, so a burst cannot stall the audio thread.</summary>
    public const int MaxTasksPerCycle = 10;

    private enum Transport
    {
        Idle,
        Playing,
        Paused,
        Ended,
    }

    private readonly CsoundApi _api;
    private readonly EngineState _engine;
    private readonly ConcurrentQueue<Command> _commands = new();
    private readonly Lock _gate = new();
    private readonly Lock _drainGate = new();
    private readonly Lock _nativeGate = new();
    private bool _joined;
    private readonly TaskCompletionSource<PerformResult> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _endHandled = new(false);
    private GCHandle _self;
    private nint _pt;
    private Transport _transport;
    private bool _ownsLoop;
    private volatile bool _stopRequested;
    [ThreadStatic]
    private static PerformanceThread? t_inCycle;
    private Recorder? _recorder;

    /// <summary>Creates the performance thread of <paramref name="csound"/> (paused).</summary>
    /// <exception cref="InvalidOperationException">The engine has a thread that has not ended, or another loop performs it.</exception>
    public unsafe PerformanceThread(Csound csound)
    {
        ArgumentNullException.ThrowIfNull(csound);
        Csound = csound;
        _engine = csound.Core;
        _api = _engine.Api;
        nint cs = _engine.Require(Operation.CreateThread, "new PerformanceThread");
        csound.AttachThread(this);
        _pt = _api.PtCreate(cs);
        if (_pt == 0)
        {
            csound.DetachThread(this);
            throw new CsoundException("The performance thread could not be created.");
        }
        _self = GCHandle.Alloc(this);
        _api.PtSetProcessCallback(_pt, &OnCycle, (void*)GCHandle.ToIntPtr(_self));
        // The native thread exists from creation on; its end is handled once, for Join, JoinAsync and Dispose.
        nint pt = _pt;
        EndWatcher.Watch(() => _api.PtStatus(pt) != 0, () => HandleEnd(pt));
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

    /// <summary>True between <see cref="Play"/> and a pause or the end.</summary>
    public bool IsPlaying
    {
        get
        {
            lock (_gate)
            {
                return _transport == Transport.Playing;
            }
        }
    }

    /// <summary>True once the performance ended (end of score, stop or error).</summary>
    public bool HasEnded => _ended.Task.IsCompleted;

    /// <summary>0 while playing or paused, positive once the score ended or it was stopped, negative on error.</summary>
    public int Status => _api.PtStatus(Ptr);

    /// <summary>Completes when the performance ends, with its result (never faults).</summary>
    public Task<PerformResult> Completion => _ended.Task;

    private nint Ptr
    {
        get
        {
            nint pt = Volatile.Read(ref _pt);
            ObjectDisposedException.ThrowIf(pt == 0, this);
            return pt;
        }
    }

    // True only inside this thread's own process callback (managed thread ids are reused, so no id is kept).
    private bool OnCycleThread => ReferenceEquals(t_inCycle, this);

    /// <summary>Starts the engine if needed, then plays (after a pause: resumes).</summary>
    /// <exception cref="InvalidOperationException">The performance ended, or another loop performs the engine.</exception>
    public void Play()
    {
        nint pt = Ptr;
        lock (_gate)
        {
            if (_transport == Transport.Ended || _ended.Task.IsCompleted)
            {
                throw new InvalidOperationException("This performance thread has ended: create a new PerformanceThread (after Reset to perform again).");
            }
            if (!_ownsLoop)
            {
                _engine.Require(Operation.PlayThread, "PerformanceThread.Play");
                Csound.Start();
                _engine.BeginLoop(Operation.PlayThread, "PerformanceThread.Play");
                _ownsLoop = true;
            }
            _transport = Transport.Playing;
        }
        Native(pt, _api.PtPlay);
        if (_engine.StopRequested)
        {
            RequestStop(); // a Csound.Stop before Play is kept: this performance ends at once
        }
    }

    /// <summary>Pauses after the current cycle (no samples advance while paused; commands sent meanwhile run on the sender).</summary>
    public void Pause()
    {
        nint pt = Ptr;
        lock (_gate)
        {
            if (_transport == Transport.Playing)
            {
                _transport = Transport.Paused;
            }
        }
        Native(pt, _api.PtPause);
        if (!OnCycleThread)
        {
            // Only once the native thread has taken the pause is it between cycles for good: then the sender may run
            // commands itself (Csound 7's event calls take no lock).
            Native(pt, _api.PtFlushMessageQueue);
        }
        DrainIfIdle();
    }

    /// <summary>Toggles between playing and paused.</summary>
    public void TogglePause()
    {
        if (IsPlaying)
        {
            Pause();
        }
        else
        {
            Play();
        }
    }

    /// <summary>Ends the performance (final: a stopped thread cannot play again). Returns at once; see <see cref="Join"/>.</summary>
    public void Stop()
    {
        nint pt = Ptr;
        _stopRequested = true;
        Native(pt, _api.PtStop);
    }

    /// <summary>Stops the thread when it has not ended (used by <see cref="Csound.Stop"/>).</summary>
    internal void RequestStop()
    {
        nint pt = Volatile.Read(ref _pt);
        if (pt != 0 && !_ended.Task.IsCompleted)
        {
            _stopRequested = true;
            Native(pt, _api.PtStop);
        }
    }

    /// <summary>Waits until the performance ends and returns how it ended.</summary>
    /// <exception cref="InvalidOperationException">It was never played, or this is the thread's own callback.</exception>
    public PerformResult Join()
    {
        _ = Ptr;
        ThrowIfOnCycleThread(nameof(Join));
        lock (_gate)
        {
            if (_transport == Transport.Idle && !_ended.Task.IsCompleted)
            {
                throw new InvalidOperationException("Join would wait for ever: this performance thread was never played (call Play or Stop first).");
            }
        }
        return _ended.Task.GetAwaiter().GetResult();
    }

    /// <summary>Waits for the end without blocking a thread; the token cancels the wait (not the performance).</summary>
    public Task<PerformResult> JoinAsync(CancellationToken cancellationToken = default)
    {
        _ = Ptr;
        return _ended.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Queues a score event. With <paramref name="absolute"/> p2 counts from the start of the performance, otherwise from when it runs.</summary>
    public void ScoreEvent(bool absolute, char type, params ReadOnlySpan<double> pfields)
    {
        CsoundApi.CheckEventType(type, pfields, _api.EventTypes, _api.Generation);
        Csound.CheckTableFile(type, pfields);
        Send(new EventCommand(type, pfields.ToArray(), absolute));
    }

    /// <summary>Queues score text (several lines allowed).</summary>
    public void InputMessage(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Options.ScoreGuard.Check(text, nameof(InputMessage), realtime: _api.EventTypes);
        Options.SoundFileGuard.CheckText(text, Csound.Generation, Csound.GetEnv);
        Send(new MessageCommand(text));
    }

    /// <summary>Ends the performance at <paramref name="seconds"/> (from now, or from the start when <paramref name="absolute"/>).</summary>
    public void SetEndMarker(double seconds, bool absolute = false) => ScoreEvent(absolute, 'e', 0, seconds);

    /// <summary>Moves the score clock to <paramref name="seconds"/>, in order with the other commands.</summary>
    public void SetScoreOffsetSeconds(double seconds) => Send(new ActionCommand(cs => cs.ScoreOffsetSeconds = seconds, hostWork: false));

    /// <summary>Waits until every command sent before it has run (or the performance ended).</summary>
    public void FlushMessageQueue()
    {
        ThrowIfOnCycleThread(nameof(FlushMessageQueue));
        Task flush = FlushTasksAsync();
        try
        {
            flush.GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // ended: nothing more will run
        }
    }

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
        if (_ended.Task.IsCompleted && !_engine.IsDisposed)
        {
            recorder.Capture(Csound);
        }
        recorder.Dispose();
    }

    /// <summary>Queues work to run in order with the other commands (on the audio thread while playing). Safe from any thread.</summary>
    public void Post(Action<Csound> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        Send(new ActionCommand(task, hostWork: true));
    }

    /// <summary>Runs <paramref name="work"/> in order with the other commands and completes with its result, exception or cancellation.</summary>
    public Task<T> InvokeAsync<T>(Func<Csound, T> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var command = new WorkCommand<T>(work, cancellationToken);
        Send(command);
        return command.Task;
    }

    /// <summary>
    /// Completes once every command sent before it has run, and the events among them have gone to Csound (a flood
    /// goes <see cref="Csound.EventsPerCycle"/> a cycle), or once the performance has ended.
    /// </summary>
    public async Task FlushTasksAsync(CancellationToken cancellationToken = default)
    {
        EventBacklog backlog = _engine.Backlog;
        long mark = await InvokeAsync(_ => backlog.Added, cancellationToken).ConfigureAwait(false);
        await Task.WhenAny(backlog.WhenHandedOver(mark), Completion).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Compiles orchestra code in order with the other commands; faults with <see cref="CsoundCompileException"/> on errors.</summary>
    public Task CompileOrcAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        return InvokeAsync(cs =>
        {
            cs.CompileOrc(code);
            return true;
        }, cancellationToken);
    }

    /// <summary>Evaluates code in order with the other commands and completes with the value it returns.</summary>
    public Task<double> EvalCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        return InvokeAsync(cs => cs.EvalCode(code), cancellationToken);
    }

    private void Send(Command command)
    {
        _ = Ptr;
        bool runHere;
        lock (_gate)
        {
            if (_transport == Transport.Ended)
            {
                command.Abandon(Ended());
                return;
            }
            _commands.Enqueue(command);
            runHere = _transport is Transport.Idle or Transport.Paused;
        }
        if (runHere && !OnCycleThread)
        {
            Drain(fromCycle: false);
        }
    }

    private void DrainIfIdle()
    {
        bool idle;
        lock (_gate)
        {
            idle = _transport is Transport.Idle or Transport.Paused;
        }
        if (idle && !OnCycleThread)
        {
            Drain(fromCycle: false);
        }
    }

    // Runs what is queued, in order. From the cycle at most MaxTasksPerCycle posted tasks; what comes after waits.
    private void Drain(bool fromCycle)
    {
        lock (_drainGate)
        {
            int budget = _commands.Count;
            int tasks = 0;
            while (budget-- > 0 && _commands.TryPeek(out Command? command))
            {
                if (fromCycle && command.IsHostWork && tasks == MaxTasksPerCycle)
                {
                    break;
                }
                _commands.TryDequeue(out _);
                tasks += command.IsHostWork ? 1 : 0;
                try
                {
                    command.Run(Csound);
                }
#pragma warning disable CA1031 // a fire-and-forget command's failure is reported, the stream goes on
                catch (Exception e)
#pragma warning restore CA1031
                {
                    _engine.ReportCallbackException(e);
                }
            }
        }
    }

    private static InvalidOperationException Ended() =>
        new("The performance thread has ended: nothing sent to it runs any more (create a new PerformanceThread).");

    private void Abandon(Exception reason)
    {
        while (_commands.TryDequeue(out Command? command))
        {
            command.Abandon(reason);
        }
    }

    private void ThrowIfOnCycleThread(string member)
    {
        if (OnCycleThread)
        {
            throw new InvalidOperationException($"PerformanceThread.{member} cannot be called from the thread's own callback (it would wait for itself).");
        }
    }

    // Transport calls queue a message in the native thread, whose join frees the queue's lock: a call racing the join
    // would lock freed memory. So they and the join take one gate, and none goes native once joined.
    private void Native(nint pt, Action<nint> call)
    {
        lock (_nativeGate)
        {
            if (!_joined)
            {
                call(pt);
            }
        }
    }

    private void HandleEnd(nint pt)
    {
        // Called once the native status turned non-zero (see EndWatcher): only then is the join taken (under the
        // gate), so it never blocks a transport call for long.
        try
        {
            int status;
            lock (_nativeGate)
            {
                _joined = true;
                status = _api.PtJoin(pt);
            }
            bool ownedLoop;
            lock (_gate)
            {
                _transport = Transport.Ended;
                ownedLoop = _ownsLoop;
                _ownsLoop = false;
            }
            if (ownedLoop)
            {
                _engine.EndLoop(finished: true);
            }
            Abandon(Ended());
            _ended.TrySetResult(PerformResult.From(status, _stopRequested));
        }
        finally
        {
            _endHandled.Set();
        }
        if (_engine.DisposeDeferred)
        {
            // Dispose was called from this thread's own callback: finish it off the audio and join threads.
            _engine.RunDeferredDispose();
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(System.Runtime.CompilerServices.CallConvCdecl) })]
    private static unsafe void OnCycle(void* data)
    {
        if (GCHandle.FromIntPtr((nint)data).Target is not PerformanceThread thread)
        {
            return;
        }
        PerformanceThread? outer = t_inCycle;
        t_inCycle = thread;
        using var scope = CallbackScope.Enter(thread._engine);
        try
        {
            // The native loop has no hook after a cycle: the allowance renews before the next one.
            thread._engine.Backlog.NewAllowance();
            thread.Csound.HandOverWaitingEvents();
            Volatile.Read(ref thread._recorder)?.Capture(thread.Csound);
            thread.ProcessCallback?.Invoke(thread.Csound);
        }
#pragma warning disable CA1031 // never throw into native code
        catch (Exception e)
#pragma warning restore CA1031
        {
            thread._engine.ReportCallbackException(e);
        }
        thread.Drain(fromCycle: true);
        t_inCycle = outer;
    }

    /// <summary>Stops the performance, waits for the thread and frees it. The engine stays usable (reset it to play again).</summary>
    /// <exception cref="InvalidOperationException">Called from the thread's own callback (use <see cref="Stop"/> there).</exception>
    public void Dispose()
    {
        if (Volatile.Read(ref _pt) == 0)
        {
            return;
        }
        ThrowIfOnCycleThread(nameof(Dispose));
        nint pt = Interlocked.Exchange(ref _pt, 0);
        if (pt == 0)
        {
            return;
        }
        _stopRequested = true;
        Native(pt, _api.PtStop);
        _endHandled.Wait();
        _endHandled.Dispose();
        StopRecord();
        _api.PtDestroy(pt);
        if (_self.IsAllocated)
        {
            _self.Free();
        }
        Abandon(new ObjectDisposedException(nameof(PerformanceThread)));
        Csound.DetachThread(this);
    }

    /// <summary>Stops the performance and waits for its end without blocking the caller's thread, then frees it.</summary>
    public async ValueTask DisposeAsync()
    {
        nint pt = Volatile.Read(ref _pt);
        if (pt == 0)
        {
            return;
        }
        _stopRequested = true;
        Native(pt, _api.PtStop);
        await _ended.Task.ConfigureAwait(false);
        Dispose();
    }
}
