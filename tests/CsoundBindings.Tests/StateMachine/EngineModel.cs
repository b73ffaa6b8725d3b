using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace CsoundBindings.Tests.StateMachine;

/// <summary>One public operation of the state-machine test; <c>ToCode</c> prints it as the C# a failing sequence replays.</summary>
internal enum OpKind
{
    SetOption,
    CompileOrc,
    CompileBad,
    Start,
    PerformCycles,
    ScoreEvent,
    InputMessage,
    ChannelSetGet,
    Reset,
    Stop,
    PerformAsyncStop,
    ThreadPlay,
    ThreadPause,
    ThreadStop,
    ThreadJoin,
    ThreadCompileAndSchedule,
    ThreadEval,
    ThreadEvent,
    Dispose,
}

internal readonly record struct Op(OpKind Kind, int Arg)
{
    public string ToCode() => Kind switch
    {
        OpKind.SetOption => "cs.SetOption(\"-m0\");",
        OpKind.CompileOrc => "cs.CompileOrc(Counting);",
        OpKind.CompileBad => "cs.CompileOrc(\"instr 1\\n a1 nosuchopcode 1\\nendin\\n\"); // throws CsoundCompileException",
        OpKind.Start => "cs.Start();",
        OpKind.PerformCycles => $"for (int i = 0; i < {Arg}; i++) cs.PerformKsmps();",
        OpKind.ScoreEvent => "cs.ScoreEvent('i', 1, 0, 0.001);",
        OpKind.InputMessage => "cs.InputMessage(\"i 1 0 0.001\");",
        OpKind.ChannelSetGet => $"cs[\"x\"] = {Arg}; _ = cs[\"x\"];",
        OpKind.Reset => "cs.Reset();",
        OpKind.Stop => "cs.Stop();",
        OpKind.PerformAsyncStop => $"var run = cs.PerformAsync(); /* {Arg} cycles */ cs.Stop(); await run;",
        OpKind.ThreadPlay => "cs.PerformanceThread.Play();",
        OpKind.ThreadPause => "cs.PerformanceThread.Pause();",
        OpKind.ThreadStop => "cs.PerformanceThread.Stop();",
        OpKind.ThreadJoin => "cs.PerformanceThread.Join();",
        OpKind.ThreadCompileAndSchedule => $"_ = cs.PerformanceThread.CompileOrcAsync(\"instr {100 + Arg} ...\"); cs.PerformanceThread.ScoreEvent(false, 'i', {100 + Arg}, 0, 0.001);",
        OpKind.ThreadEval => "await cs.PerformanceThread.EvalCodeAsync(\"return 6 * 7\");",
        OpKind.ThreadEvent => "cs.PerformanceThread.ScoreEvent(false, 'i', 1, 0, 0.001);",
        OpKind.Dispose => "cs.Dispose();",
        _ => Kind.ToString(),
    };
}

/// <summary>
/// Drives one real engine with a sequence of operations and checks, after every step, what a host relies on: no
/// crash or hang (every call and task ends within a bound), the state the lifecycle table promises, wrong calls
/// refused with <see cref="InvalidOperationException"/>, compile errors with Csound's text, messages still flowing,
/// and at the end every event for an existing instrument performed exactly once (counted by the orchestra).
/// </summary>
internal sealed class EngineModel : IDisposable
{
    public const string Counting = "sr=44100\nksmps=64\nnchnls=1\n0dbfs=1\ninstr 1\n icount chnget \"count\"\n chnset icount + 1, \"count\"\nendin\n";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private readonly Csound _cs = new();
    private int _messages;
    private CsoundState _state = CsoundState.Created;
    private bool _orchestra;       // instrument 1 exists in this incarnation
    private int _expected;         // events for existing instruments that must run exactly once
    private int _unresolved;       // instrument-1 events not yet performed: they run at the next cycle if instrument 1 exists then
    private bool _uncertain;       // a stop or end raced with events: only "at most once" can be checked
    private int _maybe;            // events whose fate the engines decide differently (instrument missing when sent)
    private bool _stopped;         // Stop was called: every loop started from now on ends at once (until Reset)
    private ThreadModel _thread;

    private enum ThreadModel
    {
        None,
        Idle,
        Playing,
        Paused,
        Ended,
    }

    public EngineModel()
    {
        _cs.Message += (_, _) => Interlocked.Increment(ref _messages);
        _cs.SetOption("-n -d");
    }

    private bool Performing => _thread is ThreadModel.Playing or ThreadModel.Paused;

    public void Apply(Op op)
    {
        if (_state == CsoundState.Disposed)
        {
            Assert.ThrowsAny<ObjectDisposedException>(() => _cs.CompileOrc(Counting));
            return;
        }
        switch (op.Kind)
        {
            case OpKind.SetOption:
                if (_state is CsoundState.Created or CsoundState.Compiled)
                {
                    _cs.SetOption("-m0");
                }
                else
                {
                    Refused(() => _cs.SetOption("-m0"));
                }
                break;
            case OpKind.CompileOrc:
                _cs.CompileOrc(Counting);
                _orchestra = true;
                if (_state == CsoundState.Created)
                {
                    _state = CsoundState.Compiled;
                }
                break;
            case OpKind.CompileBad:
                int before = Volatile.Read(ref _messages);
                var error = Assert.Throws<CsoundCompileException>(() => _cs.CompileOrc("instr 1\n a1 nosuchopcode 1\nendin\n"));
                Assert.Contains("nosuchopcode", error.CsoundText, StringComparison.Ordinal);
                Assert.True(Volatile.Read(ref _messages) > before, "Message did not fire for a compile error");
                break;
            case OpKind.Start:
                StartModel(() => _cs.Start());
                break;
            case OpKind.PerformCycles:
                if (Performing)
                {
                    Refused(() => _cs.PerformKsmps());
                    break;
                }
                if (!_orchestra && !_cs.IsStarted)
                {
                    break; // an engine with no orchestra is not worth performing
                }
                StartModel(() => { });
                for (int i = 0; i < op.Arg; i++)
                {
                    if (_cs.PerformKsmps())
                    {
                        _state = CsoundState.Finished;
                        _uncertain = true;
                        break;
                    }
                }
                break;
            case OpKind.ScoreEvent:
                _cs.ScoreEvent('i', 1, 0, 0.001);
                CountEvent();
                break;
            case OpKind.InputMessage:
                _cs.InputMessage("i 1 0 0.001\n");
                CountEvent();
                break;
            case OpKind.ChannelSetGet:
                _cs["x"] = op.Arg;
                Assert.Equal(op.Arg, _cs["x"]);
                break;
            case OpKind.Reset:
                if (Performing)
                {
                    Refused(_cs.Reset);
                    break;
                }
                _cs.Reset();
                _cs.SetOption("-n -d");
                _state = CsoundState.Created;
                _orchestra = false;
                _expected = _unresolved = _maybe = 0;
                _uncertain = _stopped = false;
                _thread = ThreadModel.None;
                break;
            case OpKind.Stop:
                _cs.Stop();
                _uncertain = _stopped = true;
                if (Performing)
                {
                    Wait(_cs.PerformanceThread.JoinAsync());
                    _state = CsoundState.Finished;
                    _thread = ThreadModel.Ended;
                }
                EndIdleThread();
                break;
            case OpKind.PerformAsyncStop:
                if (Performing)
                {
                    Refused(() => _cs.PerformAsync());
                    break;
                }
                if (!_orchestra && !_cs.IsStarted)
                {
                    break;
                }
                StartModel(() => { });
                long startedAt = _cs.CurrentTimeSamples;
                Task<PerformResult> run = _cs.PerformAsync();
                SpinWait.SpinUntil(() => run.IsCompleted || _cs.CurrentTimeSamples >= startedAt + 64 * op.Arg, 2000);
                _cs.Stop();
                Wait(run);
                _state = CsoundState.Finished;
                _uncertain = _stopped = true;
                EndIdleThread();
                break;
            case OpKind.ThreadPlay:
                ThreadPlay();
                break;
            case OpKind.ThreadPause:
                if (_thread is ThreadModel.Playing)
                {
                    _cs.PerformanceThread.Pause();
                    _thread = ThreadModel.Paused;
                }
                break;
            case OpKind.ThreadStop:
                if (_thread is ThreadModel.Idle or ThreadModel.Playing or ThreadModel.Paused)
                {
                    _cs.PerformanceThread.Stop();
                    Wait(_cs.PerformanceThread.JoinAsync());
                    if (_thread != ThreadModel.Idle)
                    {
                        _state = CsoundState.Finished;
                    }
                    _thread = ThreadModel.Ended;
                    _uncertain = true;
                }
                break;
            case OpKind.ThreadJoin:
                if (_thread is ThreadModel.Ended)
                {
                    _ = _cs.PerformanceThread.Join();
                }
                else if (_thread is ThreadModel.Idle)
                {
                    Refused(() => _cs.PerformanceThread.Join());
                }
                break;
            case OpKind.ThreadCompileAndSchedule:
                if (!EnsureThread())
                {
                    break;
                }
                PerformanceThread pt = _cs.PerformanceThread;
                int instr = 100 + op.Arg;
                Task compiled = pt.CompileOrcAsync($"instr {instr}\n icount chnget \"count\"\n chnset icount + 1, \"count\"\nendin\n");
                pt.ScoreEvent(false, 'i', instr, 0, 0.001);
                if (_thread == ThreadModel.Ended)
                {
                    Faulted(compiled);
                    break;
                }
                Wait(compiled);
                if (_state == CsoundState.Created)
                {
                    _state = CsoundState.Compiled;
                }
                ThreadEventCounted(instrumentOne: false);
                break;
            case OpKind.ThreadEval:
                if (!EnsureThread())
                {
                    break;
                }
                Task<double> value = _cs.PerformanceThread.EvalCodeAsync("return 6 * 7");
                if (_thread == ThreadModel.Ended)
                {
                    Faulted(value);
                }
                else
                {
                    Wait(value);
                    Assert.Equal(42.0, value.Result);
                }
                break;
            case OpKind.ThreadEvent:
                if (!EnsureThread())
                {
                    break;
                }
                _cs.PerformanceThread.ScoreEvent(false, 'i', 1, 0, 0.001);
                ThreadEventCounted(instrumentOne: true);
                break;
            case OpKind.Dispose:
                _cs.Dispose();
                _state = CsoundState.Disposed;
                break;
        }
        if (_state != CsoundState.Disposed)
        {
            Assert.Equal(_state, _cs.State);
        }
    }

    /// <summary>At the end: perform long enough for every counted event, then compare the orchestra's count.</summary>
    public void CheckEventsPerformedOnce()
    {
        if (_state == CsoundState.Disposed || !_orchestra)
        {
            return;
        }
        if (_thread is ThreadModel.Playing)
        {
            PerformanceThread pt = _cs.PerformanceThread;
            Wait(pt.FlushTasksAsync());
            long until = Wait(pt.InvokeAsync(c => c.CurrentTimeSamples)) + 4 * 64;
            SpinWait.SpinUntil(() => _cs.CurrentTimeSamples >= until, Bound);
            Wait(pt.FlushTasksAsync());
        }
        else if (!Performing && _state is not CsoundState.Finished)
        {
            StartModel(() => { });
            for (int i = 0; i < 4 && !_cs.PerformKsmps(); i++)
            {
            }
        }
        else
        {
            _uncertain = true;
        }
        double count = _cs.TryGetControlChannel("count", out double c) ? c : 0;
        if (_uncertain || _maybe > 0 || _thread == ThreadModel.Paused)
        {
            // Never more than sent (no duplicates); all of them unless a stop, an end or a pause intervened.
            Assert.InRange(count, _uncertain || _thread == ThreadModel.Paused ? 0 : _expected, _expected + _maybe);
        }
        else
        {
            Assert.Equal(_expected, count);
        }
    }

    // Csound.Stop ends the performance thread too; one that never played just ends.
    private void EndIdleThread()
    {
        if (_thread == ThreadModel.Idle)
        {
            Wait(_cs.PerformanceThread.JoinAsync());
            _thread = ThreadModel.Ended;
        }
    }

    // An instrument-1 event. Before start it waits in the runtime's queue and is sent at start; after start it counts
    // when instrument 1 exists (when it does not, the engines differ on when they look: Csound 6 rejects a score event
    // at once, a score line only at the next cycle), so only "at most once" is checked then.
    private void CountEvent()
    {
        if (_state == CsoundState.Finished)
        {
            _maybe++;
        }
        else if (!_cs.IsStarted)
        {
            _unresolved++;
        }
        else if (_orchestra)
        {
            _expected++;
        }
        else
        {
            _maybe++;
        }
    }

    private void ThreadEventCounted(bool instrumentOne)
    {
        if (_thread == ThreadModel.Ended)
        {
            return; // abandoned
        }
        if (instrumentOne)
        {
            CountEvent();
        }
        else if (_state == CsoundState.Finished)
        {
            _maybe++;
        }
        else
        {
            _expected++; // its compile ran right before it, in the same stream
        }
    }

    private bool EnsureThread()
    {
        if (_thread == ThreadModel.None)
        {
            // Allowed in every state but Performing (a finished engine's thread is refused at Play instead).
            _ = _cs.PerformanceThread;
            _thread = ThreadModel.Idle;
        }
        return true;
    }

    private void ThreadPlay()
    {
        if (!_orchestra && !_cs.IsStarted)
        {
            return;
        }
        if (!EnsureThread())
        {
            return;
        }
        if (_thread == ThreadModel.Ended || _state == CsoundState.Finished)
        {
            Refused(() => _cs.PerformanceThread.Play());
            return;
        }
        StartModel(() => _cs.PerformanceThread.Play());
        _state = CsoundState.Performing;
        _thread = ThreadModel.Playing;
        if (_stopped)
        {
            // A Stop before the thread played is kept: it ends at once.
            Wait(_cs.PerformanceThread.JoinAsync());
            _state = CsoundState.Finished;
            _thread = ThreadModel.Ended;
        }
    }

    // Runs something that starts the engine, then moves the model's pending events into the expected count.
    private void StartModel(Action start)
    {
        bool wasStarted = _cs.IsStarted;
        start();
        _cs.Start();
        if (!wasStarted)
        {
            // The queued events were sent at start: they count when instrument 1 existed then.
            if (_orchestra)
            {
                _expected += _unresolved;
            }
            else
            {
                _maybe += _unresolved;
            }
            _unresolved = 0;
            if (_state is CsoundState.Created or CsoundState.Compiled)
            {
                _state = CsoundState.Started;
            }
        }
    }

    private static void Refused(Action action)
    {
        var refused = Assert.Throws<InvalidOperationException>(action);
        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
    }

    private static void Faulted(Task task)
    {
        try
        {
            Assert.True(task.Wait(Bound), "a task did not end within the bound");
        }
        catch (AggregateException)
        {
        }
        Assert.True(task.IsFaulted, "a task for an ended performance thread did not fault");
        Assert.IsType<InvalidOperationException>(task.Exception!.InnerException);
    }

    private static void Refused(Func<object> action) => Refused(() => { _ = action(); });

    private static void Wait(Task task)
    {
        Assert.True(task.Wait(Bound), "a task did not end within the bound");
    }

    private static T Wait<T>(Task<T> task)
    {
        Assert.True(task.Wait(Bound), "a task did not end within the bound");
        return task.Result;
    }

    public void Dispose() => _cs.Dispose();
}
