using System;
using System.Threading;
using System.Threading.Tasks;
using CsoundBindings.Lifecycle;

namespace CsoundBindings.Threading;

/// <summary>
/// One entry of a <see cref="PerformanceThread"/>'s command stream. Every command sent to one thread (events,
/// score text, end marker, score offset, compile, eval, posted work) runs in the order it was sent, between cycles.
/// </summary>
internal abstract class Command
{
    /// <summary>Posted host work counts against <see cref="PerformanceThread.MaxTasksPerCycle"/>.</summary>
    public virtual bool IsHostWork => false;

    /// <summary>Runs the command on the engine; failures of fire-and-forget commands go to the engine's callback report.</summary>
    public abstract void Run(Csound csound);

    /// <summary>The command will never run (the performance ended, the thread was disposed).</summary>
    public virtual void Abandon(Exception reason)
    {
    }
}

/// <summary>A score event (relative to now, or to the start of the performance).</summary>
internal sealed class EventCommand(char type, double[] fields, bool absolute) : Command
{
    public override void Run(Csound csound)
    {
        if (absolute)
        {
            csound.ScoreEventAbsolute(type, 0, fields);
        }
        else
        {
            csound.ScoreEvent(type, fields);
        }
    }
}

/// <summary>Score text, as typed at Csound's console.</summary>
internal sealed class MessageCommand(string text) : Command
{
    public override void Run(Csound csound) => csound.InputMessage(text);
}

/// <summary>A fire-and-forget action on the engine (score offset, posted work).</summary>
internal sealed class ActionCommand(Action<Csound> action, bool hostWork) : Command
{
    public override bool IsHostWork => hostWork;

    public override void Run(Csound csound) => action(csound);
}

/// <summary>Work whose result (or exception, or cancellation) completes a task.</summary>
internal sealed class WorkCommand<T> : Command
{
    private readonly Func<Csound, T> _work;
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationToken _token;
    private readonly CancellationTokenRegistration _registration;

    public WorkCommand(Func<Csound, T> work, CancellationToken token)
    {
        _work = work;
        _token = token;
        if (token.CanBeCanceled)
        {
            _registration = token.Register(static state => ((WorkCommand<T>)state!).Cancel(), this);
        }
    }

    public Task<T> Task => _completion.Task;

    public override bool IsHostWork => true;

    private void Cancel() => _completion.TrySetCanceled(_token);

    public override void Run(Csound csound)
    {
        _registration.Dispose();
        if (_completion.Task.IsCompleted)
        {
            return; // cancelled while it waited
        }
        try
        {
            _completion.TrySetResult(_work(csound));
        }
#pragma warning disable CA1031 // handed to the awaiting caller
        catch (Exception e)
#pragma warning restore CA1031
        {
            _completion.TrySetException(e);
        }
    }

    public override void Abandon(Exception reason)
    {
        _registration.Dispose();
        _completion.TrySetException(reason);
    }
}
