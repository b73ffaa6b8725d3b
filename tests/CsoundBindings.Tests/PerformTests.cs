using System;
using System.Linq;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

public sealed class PerformTests
{
    private const string Orchestra = "sr=44100\nksmps=64\nnchnls=1\n0dbfs=1\ninstr 1\n out oscili(0.3, 440)\nendin\n";

    // A silent engine (no audio output) holding one note that never ends by itself.
    private static Csound HeldNote()
    {
        var cs = new Csound();
        cs.Message += (_, _) => { };
        cs.SetOption("-n");
        cs.CompileOrc(Orchestra);
        cs.ScoreEvent('i', 1, 0, -1);
        return cs;
    }

    [Fact]
    public void ACsdFileWithOptionsAndScorePerforms()
    {
        string dir = Directory.CreateTempSubdirectory("csd").FullName;
        string wav = Path.Combine(dir, "out.wav");
        string csd = Path.Combine(dir, "piece.csd");
        File.WriteAllText(csd, $"""
            <CsoundSynthesizer>
            <CsOptions>
            -o{wav} -W -d
            </CsOptions>
            <CsInstruments>
            {Orchestra}
            </CsInstruments>
            <CsScore>
            i 1 0.25 0.5
            </CsScore>
            </CsoundSynthesizer>
            """);
        using (var cs = new Csound())
        {
            cs.Message += (_, _) => { };
            cs.CompileCsd(csd);
            cs.Perform();
        }
        var (samples, rate, _) = Signal.ReadWav(wav);
        Assert.Equal(44100, rate);
        Assert.True(Signal.Peak(samples.AsSpan(0, 10000)) < 1e-4);
        Assert.InRange(Signal.Pitch(samples.AsSpan(15000, 15000), rate), 440 * 0.99, 440 * 1.01);
    }

    [Fact]
    public void RunUtilityRunsSndinfoOnARenderedFile()
    {
        string wav = Path.Combine(Directory.CreateTempSubdirectory("util").FullName, "tone.wav");
        using (var render = new Csound())
        {
            render.Message += (_, _) => { };
            render.SetOption($"-o{wav}");
            render.SetOption("-W");
            render.CompileOrc(Orchestra);
            render.ScoreEvent('i', 1, 0, 0.25);
            render.SetEndMarker(0.25);
            render.Perform();
        }
        using var cs = new Csound();
        var text = new System.Text.StringBuilder();
        cs.Message += (_, e) => text.Append(e.Text);
        if (!cs.ListUtilities().Contains("sndinfo"))
        {
            Assert.True(TestEngine.IsApi7, "Csound 6 from Debian ships the utilities"); // the Csound 7 build here has BUILD_UTILITIES=OFF
            return;
        }
        Assert.False(string.IsNullOrEmpty(cs.GetUtilityDescription("sndinfo")));
        cs.RunUtility("sndinfo", "sndinfo", wav);
        Assert.Contains("srate 44100", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("monaural", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadScoreAndCsdTextSchedule()
    {
        using var r = new OfflineRender(Orchestra);
        r.Csound.ReadScore("i 1 0.1 0.2\n");
        r.Run(maxCycles: (int)(0.5 * 44100 / 64));
        double[] audio = r.Audio;
        Assert.True(Signal.Peak(audio.AsSpan(0, 4000)) < 1e-9);
        Assert.True(Signal.Rms(audio.AsSpan(6000, 2000)) > 0.15);
    }

    [Fact]
    public async Task PerformAsyncEndsWithTheScoreAndHonoursCancellation()
    {
        using (var cs = new Csound())
        {
            cs.Message += (_, _) => { };
            cs.SetOption("-n");
            cs.CompileOrc(Orchestra);
            cs.ScoreEvent('i', 1, 0, 0.5);
            cs.SetEndMarker(0.5);
            PerformResult result = await cs.PerformAsync();
            Assert.Equal(PerformOutcome.EndOfScore, result.Outcome);
            Assert.InRange(cs.ScoreTime, 0.49, 0.52);
        }
        using (var cs = new Csound())
        {
            cs.Message += (_, _) => { };
            cs.SetOption("-n");
            cs.CompileOrc(Orchestra);
            cs.ScoreEvent('i', 1, 0, -1); // never ends by itself
            using var cancel = new CancellationTokenSource();
            Task<PerformResult> run = cs.PerformAsync(cancel.Token);
            Assert.True(SpinWait.SpinUntil(() => cs.ScoreTime > 0.05, 5000), "the performance did not start");
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
            Assert.True(cs.ScoreTime > 0);
        }
    }

    [Fact]
    public async Task StopFromAnotherThreadEndsPerform()
    {
        using var cs = HeldNote();
        Task<PerformResult> perform = Task.Run(cs.Perform);
        Assert.True(SpinWait.SpinUntil(() => cs.ScoreTime > 0.05, 5000), "the performance did not start");
        cs.Stop();
        Task finished = await Task.WhenAny(perform, Task.Delay(5000));
        Assert.Same(perform, finished);
        Assert.Equal(PerformOutcome.Stopped, (await perform).Outcome); // stopped, not ended by the score

        // A Stop that comes before the loop begins is not lost either.
        using var early = HeldNote();
        early.Stop();
        Assert.Equal(PerformOutcome.Stopped, (await Task.Run(early.Perform).WaitAsync(TimeSpan.FromSeconds(5))).Outcome);
    }

    [Fact]
    public async Task DisposeWhilePerformingOnAnotherThreadWaitsInsteadOfCrashing()
    {
        var cs = HeldNote();
        Task<PerformResult> asyncRun = cs.PerformAsync();
        Assert.True(SpinWait.SpinUntil(() => cs.ScoreTime > 0.05, 5000), "the performance did not start");
        cs.Dispose();
        Assert.True(asyncRun.IsCompleted); // Dispose waited for the loop
        Assert.Throws<ObjectDisposedException>(() => cs.PerformKsmps());

        var blocking = HeldNote();
        Task<PerformResult> perform = Task.Run(blocking.Perform);
        Assert.True(SpinWait.SpinUntil(() => blocking.ScoreTime > 0.05, 5000), "the performance did not start");
        blocking.Dispose();
        // Dispose waited for the loop to leave Csound; the caller's own Task.Run wrapper completes right after.
        Assert.Equal(PerformOutcome.Stopped, (await perform.WaitAsync(TimeSpan.FromSeconds(5))).Outcome);

        // Disposed before the loop got going: the loop must not touch the destroyed engine.
        for (int i = 0; i < 20; i++)
        {
            var racing = HeldNote();
            Task<PerformResult> run = racing.PerformAsync();
            racing.Dispose();
            try
            {
                await run.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (ObjectDisposedException)
            {
                // the task began after Dispose: refused cleanly
            }
        }
    }

    [Fact]
    public async Task ResetWhilePerformingIsRefused()
    {
        using var cs = HeldNote();
        using var cancel = new CancellationTokenSource();
        Task<PerformResult> run = cs.PerformAsync(cancel.Token);
        Assert.True(SpinWait.SpinUntil(() => cs.ScoreTime > 0.05, 5000), "the performance did not start");
        Assert.Throws<InvalidOperationException>(cs.Reset);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        cs.PerformanceThread.Play();
        Assert.Throws<InvalidOperationException>(cs.Reset);
        cs.PerformanceThread.Dispose();
        cs.Reset();
    }

    [Fact]
    public void ResetAllowsANewPerformanceOnTheSameInstance()
    {
        using var r = new OfflineRender(Orchestra);
        r.Csound.ScoreEvent('i', 1, 0, 0.1);
        r.Csound.SetEndMarker(0.1);
        r.Run();
        r.Csound.Reset();
        Assert.False(r.Csound.IsStarted);
        r.Csound.SetOption("-n");
        r.Csound.CompileOrc(Orchestra.Replace("440", "880", StringComparison.Ordinal));
        r.Csound.ScoreEvent('i', 1, 0, 0.2);
        r.Csound.SetEndMarker(0.2);
        double[] before = r.Audio;
        r.Run();
        double[] after = r.Audio.AsSpan(before.Length).ToArray();
        Assert.InRange(Signal.Pitch(after.AsSpan(1000, 6000), 44100, 200, 1500), 880 * 0.99, 880 * 1.01);
    }

    [Fact]
    public void GlobalEnvironmentReachesNewEngines()
    {
        Csound.SetGlobalEnv("SSDIR", "/tmp/csoundbindings-ssdir");
        using var cs = new Csound();
        Assert.Equal("/tmp/csoundbindings-ssdir", cs.GetEnv("SSDIR"));
    }
}
