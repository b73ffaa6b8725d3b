using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using CsoundBindings.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace CsoundBindings.Tests.Reliability;

/// <summary>
/// Hosts that create an engine per job: 1,000 engines, 1,000 resets and 1,000 engines with a performance thread in one
/// process (Csound's plug-in dependencies used to exhaust thread-local keys and crash the process after ~300).
/// CSOUNDBINDINGS_CHURN sets the count (the Soak target raises it).
/// </summary>
public sealed class EngineChurnTests(ITestOutputHelper output)
{
    private const string Orchestra = "sr=44100\nksmps=64\nnchnls=1\n0dbfs=1\ninstr 1\n chnset p4, \"last\"\nendin\n";

    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("CSOUNDBINDINGS_CHURN"), out int n) ? n : 1000;

    private static void Run(Csound cs, double value)
    {
        cs.SetOption("-n -d -m0");
        cs.CompileOrc(Orchestra);
        cs.ScoreEvent('i', 1, 0, 0.01, value);
        cs.Start();
        for (int k = 0; k < 10; k++)
        {
            cs.PerformKsmps();
        }
        Assert.Equal(value, cs.GetControlChannel("last")); // each engine really performed
    }

    /// <summary>Measures the heaps at the cycles it is told and checks the growth per cycle at the end.</summary>
    private HeapWatch Watch(string what) => new(what, Count, output);

    [Fact]
    public void AThousandEnginesComeAndGo()
    {
        HeapWatch heaps = Watch("engines");
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Count; i++)
        {
            using var cs = new Csound();
            cs.Message += (_, _) => { };
            Run(cs, i);
            heaps.After(i);
        }
        heaps.Check(clock);
    }

    [Fact]
    public void AThousandEnginesLeftToTheFinalizer()
    {
        HeapWatch heaps = Watch("engines never disposed");
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Count; i++)
        {
            Abandon(i);
            if (i % 50 == 0)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            heaps.After(i);
        }
        heaps.Check(clock);
    }

    /// <summary>An engine that performed and was dropped without <c>Dispose</c> (in its own frame, so nothing roots it).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void Abandon(int i)
    {
        var cs = new Csound();
        cs.Message += (_, _) => { };
        Run(cs, i);
    }

    [Fact]
    public void OneEngineResetAThousandTimes()
    {
        using var cs = new Csound();
        cs.Message += (_, _) => { };
        HeapWatch heaps = Watch("resets");
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Count; i++)
        {
            Run(cs, i);
            cs.Reset();
            heaps.After(i);
        }
        heaps.Check(clock);
    }

    [Fact]
    public async Task AThousandEnginesWithAPerformanceThread()
    {
        HeapWatch heaps = Watch("engines with a performance thread");
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Count; i++)
        {
            await using var cs = new Csound();
            cs.Message += (_, _) => { };
            cs.SetOption("-n -d -m0");
            cs.CompileOrc(Orchestra);
            PerformanceThread thread = cs.PerformanceThread;
            thread.ScoreEvent(false, 'i', 1, 0, 0.01, i);
            thread.SetEndMarker(0.02);
            thread.Play();
            PerformResult result = await thread.JoinAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(result.IsEndOfScore, result.ToString());
            Assert.Equal(i, cs.GetControlChannel("last"));
            heaps.After(i);
        }
        heaps.Check(clock);
    }
}
