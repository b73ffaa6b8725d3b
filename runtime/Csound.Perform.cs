using System;
using System.Threading;
using System.Threading.Tasks;
using CsoundBindings.Lifecycle;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>
    /// Performs one control cycle (ksmps frames), starting the engine first if needed. Returns true when the
    /// performance has finished (end of score, <see cref="Stop"/>, or an error); the loop
    /// <c>while (!cs.PerformKsmps()) { ... }</c> allocates nothing per cycle. Not while another loop or the
    /// performance thread performs the engine, and not from two threads at once.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another loop or the <see cref="PerformanceThread"/> performs this engine.</exception>
    public bool PerformKsmps() => PerformStep(wholeBuffer: false, nameof(PerformKsmps));

    private bool PerformStep(bool wholeBuffer, string member)
    {
        EngineState s = _state;
        if (!s.IsStarted)
        {
            s.Require(Operation.PerformKsmps, member);
            Start();
        }
        CsoundState state = s.State;
        if (state != CsoundState.Started)
        {
            if (state == CsoundState.Finished)
            {
                return true;
            }
            s.Require(Operation.PerformKsmps, member);
        }
        HandOverWaitingEvents();
        // Counted in flight before the disposing flag is read, so that Dispose either waits or is seen here.
        s.EnterNative();
        int result;
        try
        {
            if (s.Disposing || s.StopRequested)
            {
                result = 1;
            }
            else
            {
                nint cs = s.Handle.DangerousGetHandle();
                result = wholeBuffer ? _api.PerformBuffer(cs) : _api.PerformKsmps(cs);
            }
        }
        finally
        {
            s.ExitNative();
            s.Backlog.NewAllowance();
        }
        if (result != 0)
        {
            s.MarkFinished();
            s.RunDeferredDispose();
            return true;
        }
        return false;
    }

    /// <summary>
    /// Performs on the calling thread until the score ends or <see cref="Stop"/> is called (from any thread, even
    /// before the loop has begun). The result means the same on Csound 6 and 7 (see <see cref="PerformResult"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">Another loop or the performance thread performs this engine.</exception>
    public PerformResult Perform()
    {
        BeginPerformLoop(nameof(Perform));
        PerformResult result = default;
        try
        {
            result = RunLoop(CancellationToken.None);
            return result;
        }
        finally
        {
            _state.EndLoop(finished: Ended(result));
            _state.RunDeferredDispose();
        }
    }

    /// <summary>
    /// Performs on a dedicated thread (not the thread pool) until the score ends, <see cref="Stop"/> is called or the
    /// token is cancelled (the task is then cancelled, after the current cycle).
    /// </summary>
    /// <exception cref="InvalidOperationException">Another loop or the performance thread performs this engine.</exception>
    public Task<PerformResult> PerformAsync(CancellationToken cancellationToken = default)
    {
        BeginPerformLoop(nameof(PerformAsync));
        var completion = new TaskCompletionSource<PerformResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            PerformResult result = default;
            Exception? failure = null;
            try
            {
                result = RunLoop(cancellationToken);
            }
#pragma warning disable CA1031 // handed to the awaiting caller
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = e;
            }
            // The engine leaves Performing before the caller's continuation runs, so it can Reset at once. A cancelled
            // loop leaves the engine Started: it may be performed again.
            _state.LeavePerforming(finished: failure is not null || Ended(result) || !cancellationToken.IsCancellationRequested);
            if (failure is not null)
            {
                completion.TrySetException(failure);
            }
            else if (cancellationToken.IsCancellationRequested && result.Outcome == PerformOutcome.Stopped)
            {
                completion.TrySetCanceled(cancellationToken);
            }
            else
            {
                completion.TrySetResult(result);
            }
            _state.ReleaseLoop();
            _state.RunDeferredDispose();
        })
        {
            IsBackground = true,
            Name = "CsoundBindings perform",
        };
        thread.Start();
        return completion.Task;
    }

    private bool Ended(PerformResult result) => result.Outcome != PerformOutcome.Stopped || _state.StopRequested || result.Code != 0;

    private void BeginPerformLoop(string member)
    {
        _state.Require(Operation.Perform, member);
        Start();
        _state.BeginLoop(Operation.Perform, member);
    }

    // A ksmps loop rather than csoundPerform on both versions: a Stop that comes before the native loop has begun
    // would otherwise be lost and the call would never return.
    private PerformResult RunLoop(CancellationToken cancellationToken)
    {
        EngineState s = _state;
        nint cs = s.Handle.DangerousGetHandle();
        int result = 0;
        s.RuntimeLoopBegins();
        try
        {
            using (CallbackScope.Enter(s))
            {
                while (!s.StopRequested && !cancellationToken.IsCancellationRequested && (result = Cycle(s, cs)) == 0)
                {
                    if (s.BetweenCycles.HasWork)
                    {
                        s.BetweenCycles.Drain();
                    }
                }
            }
        }
        finally
        {
            // Work handed over during the last cycle runs now; the engine no longer performs.
            s.RuntimeLoopEnds();
            s.BetweenCycles.Drain();
        }
        bool stopped = result == 0 || s.StopRequested || cancellationToken.IsCancellationRequested;
        return PerformResult.From(result, stopped && result >= 0);
    }

    // One cycle of a runtime loop: what waits goes first, and the cycle is marked in flight for other threads' sends.
    private int Cycle(EngineState s, nint cs)
    {
        HandOverWaitingEvents();
        s.EnterNative();
        try
        {
            return _api.PerformKsmps(cs);
        }
        finally
        {
            s.ExitNative();
            s.Backlog.NewAllowance();
        }
    }
}
