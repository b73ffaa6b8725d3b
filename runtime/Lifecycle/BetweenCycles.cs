using System;
using System.Collections.Concurrent;

namespace CsoundBindings.Lifecycle;

/// <summary>
/// Work that must not overlap a control cycle, handed to a runtime-owned perform loop (<see cref="Csound.Perform"/>,
/// <see cref="Csound.PerformAsync"/>) running on another thread: Csound 7 takes no lock in its compile, event and
/// channel-creation calls, so they run on the loop's thread between cycles while the caller waits. When the loop
/// ends, whatever is left runs on the thread that ends it (the engine no longer performs then).
/// </summary>
internal sealed class BetweenCycles
{
    private readonly ConcurrentQueue<Item> _items = new();

    private sealed class Item(Action work)
    {
        public readonly System.Threading.Tasks.TaskCompletionSource Done = new();

        public void Run()
        {
            try
            {
                work();
                Done.TrySetResult();
            }
#pragma warning disable CA1031 // handed back to the waiting caller
            catch (Exception e)
#pragma warning restore CA1031
            {
                Done.TrySetException(e);
            }
        }
    }

    /// <summary>True when something waits (one volatile read per cycle in the loop).</summary>
    public bool HasWork => !_items.IsEmpty;

    /// <summary>Queues <paramref name="work"/>, waits until a loop ran it, rethrows what it threw.</summary>
    public void Run(Action work, EngineState state)
    {
        var item = new Item(work);
        _items.Enqueue(item);
        // The loop may have ended between the caller's check and the enqueue: then run what is left here.
        while (!((IAsyncResult)item.Done.Task).AsyncWaitHandle.WaitOne(TimeSpan.FromMilliseconds(50)))
        {
            if (state.RuntimeLoops == 0)
            {
                Drain();
            }
        }
        item.Done.Task.GetAwaiter().GetResult(); // rethrows what the work threw
    }

    /// <summary>On the loop's thread between cycles (or at its end): runs everything queued.</summary>
    public void Drain()
    {
        while (_items.TryDequeue(out Item? item))
        {
            item.Run();
        }
    }
}
