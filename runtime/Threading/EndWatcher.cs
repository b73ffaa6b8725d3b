using System;
using System.Collections.Generic;
using System.Threading;

namespace CsoundBindings.Threading;

/// <summary>
/// One background thread for the whole process that notices when performance threads end. Csound reports the end
/// only through the thread's status (its join blocks), so something has to look; a waiting thread per performance
/// thread cost a thread start and its stack per engine (about 12 KB of RSS each that a host creating an engine per
/// job never got back). Here the status of every live thread is read every 2 ms, and an ended one is handed to the
/// thread pool, where its join returns at once.
/// </summary>
internal static class EndWatcher
{
    private static readonly Lock Gate = new();
    private static readonly List<(Func<bool> HasEnded, Action OnEnd)> Watched = new();
    private static readonly AutoResetEvent Wake = new(false);
    private static Thread? _thread;

    /// <summary>Calls <paramref name="onEnd"/> once, on the thread pool, after <paramref name="hasEnded"/> first returns true.</summary>
    public static void Watch(Func<bool> hasEnded, Action onEnd)
    {
        lock (Gate)
        {
            Watched.Add((hasEnded, onEnd));
            if (_thread is null)
            {
                _thread = new Thread(Loop) { IsBackground = true, Name = "CsoundBindings performance-thread watcher" };
                _thread.Start();
            }
        }
        Wake.Set();
    }

    private static void Loop()
    {
        var ended = new List<Action>();
        while (true)
        {
            bool any;
            lock (Gate)
            {
                for (int i = Watched.Count - 1; i >= 0; i--)
                {
                    if (Watched[i].HasEnded())
                    {
                        ended.Add(Watched[i].OnEnd);
                        Watched.RemoveAt(i);
                    }
                }
                any = Watched.Count > 0;
            }
            foreach (Action onEnd in ended)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static action => action(), onEnd, preferLocal: false);
            }
            ended.Clear();
            if (any)
            {
                Thread.Sleep(2);
            }
            else
            {
                Wake.WaitOne();
            }
        }
    }
}
