using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CsoundBindings.Lifecycle;

/// <summary>
/// Events and input lines for a started engine that Csound is not handed at once: past
/// <see cref="Csound.EventsPerCycle"/> in one cycle, sent asynchronously, or sent from a thread other than the one
/// performing. The performing thread hands them over at the start of each cycle, in the order they were sent, at most
/// <see cref="Csound.EventsPerCycle"/> a cycle. Nothing here waits: a caller either sends now or leaves the item.
/// </summary>
internal sealed class EventBacklog
{
    private readonly Lock _gate = new();
    private readonly Queue<PendingEvents.Item> _waiting = new();
    private volatile int _count;
    private readonly List<(long Mark, TaskCompletionSource Done)> _waiters = new();
    private int _sentThisCycle;
    private bool _handingOver;
    private int _taken;
    private long _added;
    private long _handedOver;

    /// <summary>How many items wait for a cycle.</summary>
    public int Count => _count;

    /// <summary>
    /// Whether the caller may send <paramref name="weight"/> events to Csound now: nothing waits before them and the
    /// cycle's allowance is not spent (one item larger than the allowance goes alone, at the start of a cycle).
    /// </summary>
    public bool TryReserve(int weight)
    {
        lock (_gate)
        {
            if (_count > 0 || _handingOver || (_sentThisCycle > 0 && _sentThisCycle + weight > Csound.EventsPerCycle))
            {
                return false;
            }
            _sentThisCycle += weight;
            return true;
        }
    }

    /// <summary>Leaves an item for the next cycles.</summary>
    public void Add(PendingEvents.Item item)
    {
        lock (_gate)
        {
            _waiting.Enqueue(item);
            _count = _waiting.Count;
            _added++;
        }
    }

    /// <summary>How many items have been left here so far (a mark for <see cref="WhenHandedOver"/>).</summary>
    public long Added
    {
        get
        {
            lock (_gate)
            {
                return _added;
            }
        }
    }

    /// <summary>Completes once the first <paramref name="mark"/> items have gone to Csound (or were dropped by a reset).</summary>
    public Task WhenHandedOver(long mark)
    {
        lock (_gate)
        {
            if (_handedOver >= mark)
            {
                return Task.CompletedTask;
            }
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((mark, done));
            return done.Task;
        }
    }

    private void ReleaseWaiters()
    {
        for (int i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_handedOver >= _waiters[i].Mark)
            {
                _waiters[i].Done.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    /// <summary>A cycle has run: what was sent has been taken, a new allowance begins (no lock).</summary>
    public void NewAllowance() => Volatile.Write(ref _sentThisCycle, 0);

    /// <summary>
    /// Just before a cycle, on the performing thread: the waiting items that fit in what is left of the cycle's
    /// allowance, oldest first. While they are handed over, callers leave theirs behind them (<see cref="EndHandover"/>
    /// ends that).
    /// </summary>
    public bool TakeForCycle(List<PendingEvents.Item> into)
    {
        lock (_gate)
        {
            while (_waiting.TryPeek(out PendingEvents.Item item))
            {
                int weight = item.Weight;
                if (_sentThisCycle > 0 && _sentThisCycle + weight > Csound.EventsPerCycle)
                {
                    break;
                }
                into.Add(_waiting.Dequeue());
                _sentThisCycle += weight;
            }
            _count = _waiting.Count;
            _taken = into.Count;
            _handingOver = into.Count > 0;
            return _handingOver;
        }
    }

    /// <summary>The items taken by <see cref="TakeForCycle"/> have been sent.</summary>
    public void EndHandover()
    {
        lock (_gate)
        {
            _handingOver = false;
            _handedOver += _taken;
            _taken = 0;
            ReleaseWaiters();
        }
    }

    /// <summary>After reset or dispose: what waits is dropped.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _waiting.Clear();
            _count = 0;
            _sentThisCycle = 0;
            _handingOver = false;
            _handedOver = _added;
            _taken = 0;
            ReleaseWaiters();
        }
    }
}
