using BenchmarkDotNet.Attributes;

namespace CsoundBindings.Benchmarks;

/// <summary>Whole-engine workloads: a 16-voice render and the create-compile-start-destroy cycle.</summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    [Benchmark(Description = "Render guide instrument, 16 voices, 2 s, ksmps=64")]
    public long Render16Voices()
    {
        using Csound cs = Workloads.CreateStarted(Workloads.Guide);
        for (int voice = 0; voice < 16; voice++)
        {
            cs.ScoreEvent('i', 1, 0, 2, 0.05, 48 + voice);
        }
        cs.SetEndMarker(2);
        while (!cs.PerformKsmps())
        {
        }
        return cs.CurrentTimeSamples;
    }

    [Benchmark(Description = "Create, compile, start, destroy")]
    public void Lifecycle()
    {
        using Csound cs = Workloads.CreateStarted(Workloads.Trivial);
    }
}
