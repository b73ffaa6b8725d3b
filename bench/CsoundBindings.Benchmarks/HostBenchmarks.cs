using System;
using BenchmarkDotNet.Attributes;
using CsoundBindings.Interop.Api6;

namespace CsoundBindings.Benchmarks;

/// <summary>Per-call host overhead: the idiomatic layer next to the raw generated bindings, against Csound 6.18.</summary>
[MemoryDiagnoser]
public unsafe class HostBenchmarks
{
    private Csound _trivial = null!;
    private Csound _guide = null!;
    private ControlChannel _channel = null!;
    private CSOUND* _rawTrivial;
    private CSOUND* _rawGuide;
    private byte[] _channelName = null!;
    private readonly double[] _fields = { 2, 0, 0.001, 0.1, 60 };
    private int _events;

    [GlobalSetup]
    public void Setup()
    {
        _trivial = Workloads.CreateStarted(Workloads.Trivial);
        _guide = Workloads.CreateStarted(Workloads.Guide);
        _channel = _guide.OpenControlChannel(Workloads.ChannelName);
        _rawTrivial = (CSOUND*)_trivial.Handle.DangerousGetHandle();
        _rawGuide = (CSOUND*)_guide.Handle.DangerousGetHandle();
        _channelName = System.Text.Encoding.UTF8.GetBytes(Workloads.ChannelName + "\0");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _trivial.Dispose();
        _guide.Dispose();
    }

    [Benchmark(Description = "PerformKsmps ksmps=1 (idiomatic)")]
    public bool PerformKsmps() => _trivial.PerformKsmps();

    [Benchmark(Description = "PerformKsmps ksmps=1 (raw)")]
    public int PerformKsmpsRaw() => Methods.csoundPerformKsmps(_rawTrivial);

    // Every 64 events one cycle runs, so the queue stays short; the same in both variants.
    [Benchmark(Description = "ScoreEvent 5 p-fields, span (idiomatic)")]
    public void ScoreEvent()
    {
        _guide.ScoreEvent('i', _fields);
        if ((++_events & 63) == 0)
        {
            _guide.PerformKsmps();
        }
    }

    [Benchmark(Description = "ScoreEvent 5 p-fields (raw)")]
    public int ScoreEventRaw()
    {
        int r;
        fixed (double* p = _fields)
        {
            r = Methods.csoundScoreEvent(_rawGuide, (sbyte)'i', p, new System.Runtime.InteropServices.CLong(5));
        }
        if ((++_events & 63) == 0)
        {
            _ = Methods.csoundPerformKsmps(_rawGuide);
        }
        return r;
    }

    [Benchmark(Description = "InputMessage (idiomatic)")]
    public void InputMessage()
    {
        _guide.InputMessage("i 2 0 0.001");
        if ((++_events & 63) == 0)
        {
            _guide.PerformKsmps();
        }
    }

    [Benchmark(Description = "Control channel set+get by name (idiomatic)")]
    public double ChannelByName()
    {
        _guide.SetControlChannel(Workloads.ChannelName, 0.5);
        return _guide.GetControlChannel(Workloads.ChannelName);
    }

    [Benchmark(Description = "Control channel set+get, cached object (idiomatic)")]
    public double ChannelCached()
    {
        _channel.Value = 0.5;
        return _channel.Value;
    }

    [Benchmark(Description = "Control channel set+get by name (raw)")]
    public double ChannelRaw()
    {
        fixed (byte* name = _channelName)
        {
            Methods.csoundSetControlChannel(_rawGuide, (sbyte*)name, 0.5);
            int err;
            return Methods.csoundGetControlChannel(_rawGuide, (sbyte*)name, &err);
        }
    }

    [Benchmark(Description = "Read all of Spout (idiomatic)")]
    public double ReadSpout()
    {
        double sum = 0;
        foreach (double s in _guide.Spout)
        {
            sum += s;
        }
        return sum;
    }

    [Benchmark(Description = "Read all of Spout (raw)")]
    public double ReadSpoutRaw()
    {
        double* spout = Methods.csoundGetSpout(_rawGuide);
        int n = (int)(Methods.csoundGetKsmps(_rawGuide) * Methods.csoundGetNchnls(_rawGuide));
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += spout[i];
        }
        return sum;
    }
}
