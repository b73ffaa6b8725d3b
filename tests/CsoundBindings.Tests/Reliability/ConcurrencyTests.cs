using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests.Reliability;

/// <summary>
/// Many threads sending 100,000 events at once: before start, into a playing performance thread, and into a ksmps loop
/// on another thread. Counted by the orchestra. (Before the SDK spread floods over cycles these did not finish within
/// 5 minutes: Csound's cost per cycle grows with the square of the events it is given at once.)
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Threads = 8;
    private const int PerThread = 12_500;
    private const int Total = Threads * PerThread;

    // Each event adds its p4 (1) to "count" and its index to "sum": a lost event lowers both, a duplicate raises both.
    private const string Counting = SilentEngine.Header +
        "instr 1\n icount chnget \"count\"\n chnset icount + 1, \"count\"\n isum chnget \"sum\"\n chnset isum + p4, \"sum\"\nendin\n";

    private static readonly double ExpectedSum = Enumerable.Range(0, Total).Sum(i => (double)i);

    [Fact]
    public void EightThreadsQueueEventsBeforeStartAndEveryOneRunsOnce()
    {
        using Csound cs = SilentEngine.Create(Counting);
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            for (int i = 0; i < PerThread; i++)
            {
                int index = t * PerThread + i;
                cs.ScoreEvent('i', 1, 0, 1e-4, index);
            }
        });
        // All at once (at distinct future times Csound's sorted event list makes 100,000 inserts quadratic: > 2 min).
        for (int k = 0; k < Total / Csound.EventsPerCycle + 20 && !(cs.TryGetControlChannel("count", out double n) && n >= Total); k++)
        {
            cs.PerformKsmps();
        }
        Assert.Equal(Total, cs.GetControlChannel("count"));
        Assert.Equal(ExpectedSum, cs.GetControlChannel("sum"));
    }

    [Fact]
    public async Task EightThreadsSendEventsIntoAPlayingPerformanceThreadAndNoneIsLostOrDoubled()
    {
        using Csound cs = SilentEngine.Create(Counting);
        PerformanceThread thread = cs.PerformanceThread;
        thread.Play();
        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            for (int i = 0; i < PerThread; i++)
            {
                thread.ScoreEvent(false, 'i', 1, 0, 1e-4, t * PerThread + i);
            }
        })));
        await thread.FlushTasksAsync().WaitAsync(TimeSpan.FromSeconds(60));
        // The last events start at the cycle after they were taken.
        long until = await thread.InvokeAsync(c => c.CurrentTimeSamples) + 4 * 64;
        Assert.True(SpinWait.SpinUntil(() => cs.CurrentTimeSamples >= until, 10_000));
        double count = await thread.InvokeAsync(c => c.GetControlChannel("count"));
        double sum = await thread.InvokeAsync(c => c.GetControlChannel("sum"));
        Assert.Equal(Total, count);
        Assert.Equal(ExpectedSum, sum);
    }

    [Fact]
    public async Task EightThreadsSendEventsIntoAKsmpsLoopOnAnotherThreadAndNoneIsLostOrDoubled()
    {
        using Csound cs = SilentEngine.Create(Counting);
        cs.Start();
        using var stop = new CancellationTokenSource();
        Task loop = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested && !cs.PerformKsmps())
            {
            }
        }, TaskCreationOptions.LongRunning);
        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            for (int i = 0; i < PerThread; i++)
            {
                cs.ScoreEvent('i', 1, 0, 1e-4, t * PerThread + i);
            }
        })));
        // Read on the loop's side of the channel lock: the counters settle once the queue has drained.
        bool settled = SpinWait.SpinUntil(() => cs.TryGetControlChannel("count", out double n) && n >= Total, 60_000);
        Thread.Sleep(50);
        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(settled, $"only {cs.GetControlChannel("count")} of {Total} events ran within 60 s");
        Assert.Equal(Total, cs.GetControlChannel("count"));
        Assert.Equal(ExpectedSum, cs.GetControlChannel("sum"));
    }
}
