using System;

namespace CsoundBindings;

public sealed partial class Csound
{
    private PerformanceThread? _thread;

    /// <summary>The engine's performance thread, created (paused) on first access; the same object afterwards.</summary>
    public PerformanceThread PerformanceThread
    {
        get
        {
            ThrowIfDisposed();
            return _thread ?? new PerformanceThread(this);
        }
    }

    internal void AttachThread(PerformanceThread thread)
    {
        if (_thread is not null)
        {
            throw new InvalidOperationException("This engine already has a performance thread; use Csound.PerformanceThread.");
        }
        _thread = thread;
    }

    internal void DetachThread(PerformanceThread thread)
    {
        if (ReferenceEquals(_thread, thread))
        {
            _thread = null;
        }
    }
}
