using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using CsoundBindings;

namespace FirstSteps;

/// <summary>The cells of libcsound's "First Steps" guide, in order, in C#.</summary>
public sealed class Guide(TextWriter output)
{
    /// <summary>The guide's first orchestra (one mono instrument with default p-fields).</summary>
    public const string Orchestra = """
        sr = 44100
        ksmps = 64
        0dbfs = 1

        instr 1
          ; set default values
          ;             p4   p5  p6    p7
          pset 0, 0, 0, 0.1, 60, 0.01, 0.2
          iamp = p4
          ipitch = p5
          iattack = p6
          irelease = p7
          a0 = vco2(iamp, mtof(ipitch)) * linsegr:a(0, iattack, 1, irelease, 0)
          outch 1, a0
        endin
        """;

    /// <summary>The orchestra of the scheduling cells (stereo, two detuned oscillators).</summary>
    public const string LoopOrchestra = """
        sr = 44100
        nchnls = 2
        ksmps = 64
        0dbfs = 1

        instr 1
          iamp = p4
          ipitch = p5
          iattack = p6
          irelease = p7
          a0 = oscili(iamp, mtof(ipitch)) + oscili(iamp, mtof(ipitch+0.12))
          outall a0 * linsegr:a(0, iattack, 1, iattack*2, 0.2, irelease, 0)
        endin
        """;

    private Csound? _cs;

    /// <summary>Csound's messages go to the guide's output, as in the notebook.</summary>
    private Csound NewCsound()
    {
        var cs = new Csound();
        cs.Message += (_, e) => output.Write(e.Text);
        return cs;
    }

    /// <summary>Cell 1: the loaded library's version.</summary>
    public void Cell1() => output.WriteLine(Csound.LibraryVersion);

    /// <summary>
    /// Not a cell: the raw generated layer called before anything else must bind the library the idiomatic layer
    /// uses (its own method, since a call the JIT binds early would bind while compiling the caller).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static void RawFirst(System.IO.TextWriter output)
    {
        bool seven = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CSOUND7_ROOT"));
        int raw = seven ? CsoundBindings.Interop.Api7.Methods.csoundGetVersion() : CsoundBindings.Interop.Api6.Methods.csoundGetVersion();
        output.WriteLine($"raw {raw}, idiomatic {CsoundLibrary.Version}");
    }

    /// <summary>Cell 2: an instance.</summary>
    public void Cell2() => _cs = NewCsound();

    /// <summary>Cell 3: version numbers and the opcode list.</summary>
    public void Cell3()
    {
        Csound cs = _cs ?? throw new InvalidOperationException("Run cell 2 first.");
        int version = cs.Version;
        output.WriteLine($"Version id: {version}, version tuple: {version / 1000}.{version % 1000 / 100}.{version % 10}");
        if (version < 7000)
        {
            output.WriteLine($"API version: {cs.ApiVersion}");
        }
        foreach (OpcodeDef opcode in cs.GetOpcodes().Take(20))
        {
            output.WriteLine(opcode);
        }
        output.WriteLine("\n--- OSC opcodes ---\n");
        var osc = cs.GetOpcodes().Select(o => o.Name).Where(n => n.StartsWith("OSC", StringComparison.Ordinal)).ToHashSet();
        output.WriteLine("{" + string.Join(",\n ", osc.Order(StringComparer.Ordinal).Select(n => $"'{n}'")) + "}");
    }

    /// <summary>Cell 4: dispose; Csound prints its summary.</summary>
    public void Cell4()
    {
        _cs?.Dispose();
        _cs = null;
    }

    /// <summary>Performing an orchestra: cells 2' to 5' with the given output.</summary>
    public int PerformOrchestra(AudioTarget target, double endSeconds = 11)
    {
        using Csound cs = NewCsound();
        cs.SetOption(target.Option);
        output.WriteLine($"[output to {target.Description}]");
        cs.CompileOrc(Orchestra);
        foreach (double[] e in new[] { new double[] { 1, 0, 10, 0.1, 60 }, new double[] { 1, 0.5, 10, 0.05, 62 } })
        {
            cs.ScoreEvent('i', e);
        }
        cs.SetEndMarker(endSeconds);
        PerformResult result = cs.Perform();
        output.WriteLine(result.Code); // libcsound prints Csound's own code here
        return result.Code;
    }

    /// <summary>A note the loop sent: the engine's sample time when it was sent and its p-fields.</summary>
    public sealed record ScheduledNote(long Sample, double[] Fields);

    /// <summary>
    /// Cells 50 and 52: a ksmps loop that schedules a random note every 1/8 s, timed by the wall clock
    /// (<paramref name="csoundClock"/> false) or by Csound's own clock. Runs until cancelled or for
    /// <paramref name="seconds"/> of Csound time. Returns the notes sent, with the sample time of each; <paramref name="afterCycle"/> runs after every cycle.
    /// </summary>
    public List<ScheduledNote> ScheduleLoop(AudioTarget target, bool csoundClock, double seconds, CancellationToken cancellation, int? seed = null, Action<Csound>? afterCycle = null)
    {
        Csound.Initialize(InitializeOptions.NoSignalHandler | InitializeOptions.NoAtExit);
        using Csound cs = NewCsound();
        cs.SetOption(target.Option);
        cs.SetOption("-m128");
        cs.CompileOrc(LoopOrchestra);
        output.WriteLine($"[output to {target.Description}]");
        output.WriteLine("\nPress Ctrl+C to interrupt\n");

        var random = seed is null ? new Random() : new Random(seed.Value);
        int[] scale = { 0, 2, 4, 5, 7, 9, 11 };
        int[] pitches = (from octave in Enumerable.Range(0, 3) from step in scale select 60 + 12 * octave + step).ToArray();
        int[][] chords = { new[] { 2, 4, 7 }, new[] { 4, 5 }, new[] { 2, 7, 11 }, new[] { 0, 5, 9 }, new[] { 9, 11 }, new[] { 0, 2 }, new[] { 0, 4, 7 } };
        int[] chord = chords[random.Next(chords.Length)];
        double Uniform(double a, double b) => a + (b - a) * random.NextDouble();

        cs.Start();
        double sr = cs.Sr;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        double Now() => csoundClock ? cs.CurrentTimeSamples / sr : clock.Elapsed.TotalSeconds;
        double t0 = Now(), tchord = t0;
        var scheduled = new List<ScheduledNote>();
        Span<double> fields = stackalloc double[7];
        while (!cs.PerformKsmps() && !cancellation.IsCancellationRequested && cs.CurrentTimeSamples < seconds * sr)
        {
            afterCycle?.Invoke(cs);
            if (target.NeedsPacing && !csoundClock)
            {
                // No device to wait for: keep Csound's time from running ahead of the wall clock, as a dac would.
                double ahead = cs.CurrentTimeSamples / sr - clock.Elapsed.TotalSeconds;
                if (ahead > 0.01)
                {
                    Thread.Sleep(TimeSpan.FromSeconds(ahead));
                }
            }
            double t = Now();
            if (t - tchord > 8)
            {
                chord = chords[random.Next(chords.Length)];
                tchord = t;
            }
            if (t - t0 > 1 / 8.0)
            {
                int pitch = pitches[random.Next(pitches.Length)];
                bool inChord = chord.Contains(pitch % 12);
                fields[0] = 1;
                fields[1] = 0;
                fields[2] = inChord ? Uniform(1.5, 2.5) : Uniform(0.1, 0.2);
                fields[3] = inChord ? Uniform(0.04, 0.2) : Uniform(0.04, 0.08);
                fields[4] = pitches[random.Next(pitches.Length)];
                fields[5] = inChord ? Uniform(0.01, 0.1) : 0.01;
                fields[6] = inChord ? Uniform(0.4, 0.8) : 0.3;
                cs.ScoreEvent('i', fields);
                scheduled.Add(new ScheduledNote(cs.CurrentTimeSamples, fields.ToArray()));
                t0 = t;
            }
        }
        return scheduled;
    }
}
