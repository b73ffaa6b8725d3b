using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

public sealed class PerformanceThreadTests
{
    private const string Orchestra = "sr=44100\nksmps=64\nnchnls=1\n0dbfs=1\ninstr 1\n a1 oscili p4, p5\n out a1\nendin\ninstr 2\n chnset p4, \"last\"\nendin\n";

    private static Csound NewRealtimeLike(string wav)
    {
        var cs = new Csound();
        cs.Message += (_, _) => { };
        // The ALSA file plugin: a real rt-audio device path that paces nothing and writes what it plays.
        cs.SetOption("-+rtaudio=alsa");
        cs.SetOption($"-odac:file:FILE={wav},FORMAT=wav");
        cs.CompileOrc(Orchestra);
        return cs;
    }

    [Fact]
    public async Task PlaysPausesTakesEventsFromSeveralThreadsAndJoins()
    {
        using var cs = new Csound();
        cs.Message += (_, _) => { };
        cs.SetOption("-n");
        cs.CompileOrc(Orchestra);
        PerformanceThread thread = cs.PerformanceThread;
        Assert.Same(thread, cs.PerformanceThread);
        Assert.Throws<InvalidOperationException>(() => new PerformanceThread(cs));
        int cycles = 0;
        thread.ProcessCallback = _ => Interlocked.Increment(ref cycles);
        thread.Play();
        SpinWait.SpinUntil(() => Volatile.Read(ref cycles) > 100, 5000);

        thread.Pause();
        thread.FlushMessageQueue();
        Thread.Sleep(50);
        long pausedAt = cs.CurrentTimeSamples;
        Thread.Sleep(200);
        Assert.Equal(pausedAt, cs.CurrentTimeSamples); // no samples advance while paused
        thread.Play();

        // Events from four threads at once: each instrument-2 event writes its own value; all must arrive.
        var sent = Enumerable.Range(1, 40).Select(i => (double)i).ToArray();
        int received = 0;
        cs.OutputChannelWritten += (_, _) => { };
        thread.ProcessCallback = c =>
        {
            Interlocked.Increment(ref cycles);
        };
        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            foreach (double v in sent.Where((_, i) => i % 4 == t))
            {
                thread.ScoreEvent(false, 'i', 2, 0, 0.01, v);
                thread.Post(c => Interlocked.Increment(ref received));
            }
        })));
        thread.FlushMessageQueue();
        await thread.FlushTasksAsync();
        Assert.Equal(40, Volatile.Read(ref received));
        double last = await thread.InvokeAsync(c => c.GetControlChannel("last"));
        Assert.Contains(last, sent);
        Assert.Equal(42.0, await thread.EvalCodeAsync("return 6 * 7"));

        thread.SetEndMarker(0.05);
        PerformResult status = await thread.JoinAsync();
        Assert.True(status.IsEndOfScore, $"join status {status}");
        Assert.True(thread.Status > 0);
    }

    [Fact]
    public void RecordsAWavWithTheExpectedNote()
    {
        string dir = Directory.CreateTempSubdirectory("ptrec").FullName;
        using var cs = NewRealtimeLike(Path.Combine(dir, "dac.wav"));
        PerformanceThread thread = cs.PerformanceThread;
        string recording = Path.Combine(dir, "recorded.wav");
        thread.Record(recording, 16, 4);
        thread.ScoreEvent(false, 'i', 1, 0.1, 0.5, 0.4, 330);
        thread.SetEndMarker(1.0);
        thread.Play();
        Assert.True(thread.Join().IsEndOfScore);
        thread.StopRecord();
        thread.Dispose();
        var (samples, rate, _) = Signal.ReadWav(recording);
        Assert.Equal(44100, rate);
        Assert.InRange(samples.Length, 44100 - 64, 44100); // every cycle of the 1 s score
        Assert.True(Signal.Peak(samples.AsSpan(0, 3000)) < 1e-3);
        Assert.InRange(Signal.Pitch(samples.AsSpan((int)(0.2 * rate), (int)(0.3 * rate)), rate), 330 * 0.99, 330 * 1.01);
        Assert.InRange(Signal.Rms(samples.AsSpan((int)(0.2 * rate), (int)(0.3 * rate))), 0.25, 0.32);
        Assert.True(Signal.Peak(samples.AsSpan((int)(0.7 * rate), (int)(0.1 * rate))) < 1e-3);
    }

    [Fact]
    public void DisposingTheEngineStopsAndJoinsItsThread()
    {
        var cs = new Csound();
        cs.Message += (_, _) => { };
        cs.SetOption("-n");
        cs.CompileOrc(Orchestra);
        cs.PerformanceThread.ScoreEvent(false, 'i', 1, 0, -1, 0.1, 440); // held forever
        cs.PerformanceThread.Play();
        var clock = Stopwatch.StartNew();
        cs.Dispose();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Throws<ObjectDisposedException>(() => cs.PerformanceThread);
    }

    [Fact]
    public void AThrowingProcessCallbackDoesNotStopTheThread()
    {
        using var cs = new Csound();
        cs.Message += (_, _) => { };
        cs.SetOption("-n");
        cs.CompileOrc(Orchestra);
        int reports = 0;
        EventHandler<UnhandledExceptionEventArgs> count = (_, _) => Interlocked.Increment(ref reports);
        cs.CallbackException += count;
        {
            cs.PerformanceThread.ProcessCallback = _ => throw new InvalidOperationException("boom");
            cs.PerformanceThread.SetEndMarker(0.1);
            cs.PerformanceThread.Play();
            Assert.True(cs.PerformanceThread.Join().IsEndOfScore);
            Assert.True(reports > 10);
        }
    }
}
