namespace CsoundBindings.Benchmarks;

/// <summary>The orchestras and options shared by the BenchmarkDotNet suite and the three-host comparison.</summary>
public static class Workloads
{
    /// <summary>Options of every workload: no audio device, no displays, no messages.</summary>
    public static readonly string[] Options = { "-n", "-d", "-m0" };

    /// <summary>An empty instrument at ksmps = 1: the cost of a cycle is almost all host overhead.</summary>
    public const string Trivial = "sr=44100\nksmps=1\nnchnls=1\n0dbfs=1\ninstr 1\nendin\ninstr 2\nendin\n";

    /// <summary>The First Steps instrument, stereo at ksmps = 64 (for the render and the Spout reads).</summary>
    public const string Guide = """
        sr=44100
        ksmps=64
        nchnls=2
        0dbfs=1
        instr 1
          pset 0, 0, 0, 0.1, 60, 0.01, 0.2
          a0 = vco2(p4, mtof(p5)) * linsegr:a(0, p6, 1, p7, 0)
          outs a0, a0
        endin
        instr 2
        endin
        """;

    /// <summary>A control channel read and written by name.</summary>
    public const string ChannelName = "gain";

    /// <summary>A silent, started engine with <see cref="Options"/> and the given orchestra.</summary>
    public static Csound CreateStarted(string orchestra)
    {
        var cs = new Csound();
        cs.Message += (_, _) => { };
        foreach (string option in Options)
        {
            cs.SetOption(option);
        }
        cs.CompileOrc(orchestra);
        cs.Start();
        return cs;
    }
}
