using System;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>
    /// The engine's performance thread, created (paused) on first access and the same object afterwards, until
    /// <see cref="Reset"/> or a new <see cref="CsoundBindings.PerformanceThread"/> replaces it once it has ended.
    /// </summary>
    public PerformanceThread PerformanceThread
    {
        get
        {
            ThrowIfDisposed();
            return _state.Thread ?? new PerformanceThread(this);
        }
    }

    internal void AttachThread(PerformanceThread thread)
    {
        if (_state.Thread is { } current)
        {
            if (!current.HasEnded)
            {
                throw new InvalidOperationException(
                    "This engine already has a performance thread that has not ended: use Csound.PerformanceThread, or Stop and Join it first.");
            }
            current.Dispose();
        }
        _state.Thread = thread;
    }

    internal void DetachThread(PerformanceThread thread)
    {
        if (ReferenceEquals(_state.Thread, thread))
        {
            _state.Thread = null;
        }
    }
}
