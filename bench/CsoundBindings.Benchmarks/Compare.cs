using System;
using System.Diagnostics;
using System.Globalization;

namespace CsoundBindings.Benchmarks;

/// <summary>
/// The C# host of bench/compare: the same workloads, counts and orchestras as host.c and host_ctcsound.py.
/// Prints one "workload nanoseconds-per-operation" line per workload.
/// </summary>
public static class Compare
{
    private static bool _print;

    private static void Report(string name, Stopwatch clock, long operations)
    {
        if (_print)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {clock.Elapsed.TotalMilliseconds * 1e6 / operations:F1}"));
        }
    }

    /// <summary>Runs every workload twice and prints the second pass (warm caches, JIT done), like the other hosts.</summary>
    public static void Run()
    {
        _print = false;
        RunOnce();
        _print = true;
        RunOnce();
    }

    private static void RunOnce()
    {
        using (Csound cs = Workloads.CreateStarted(Workloads.Trivial))
        {
            const int n = 200_000;
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < n; i++)
            {
                cs.PerformKsmps();
            }
            Report("ksmps1", clock, n);
        }

        {
            var clock = Stopwatch.StartNew();
            using Csound cs = Workloads.CreateStarted(Workloads.Guide);
            for (int voice = 0; voice < 16; voice++)
            {
                cs.ScoreEvent('i', 1, 0, 2, 0.05, 48 + voice);
            }
            cs.SetEndMarker(2);
            while (!cs.PerformKsmps())
            {
            }
            Report("render16", clock, 1);
        }

        using (Csound cs = Workloads.CreateStarted(Workloads.Guide))
        {
            const int n = 50_000;
            ReadOnlySpan<double> fields = stackalloc double[] { 2, 0, 0.001, 0.1, 60 };
            var clock = Stopwatch.StartNew();
            for (int i = 1; i <= n; i++)
            {
                cs.ScoreEvent('i', fields);
                if ((i & 63) == 0)
                {
                    cs.PerformKsmps();
                }
            }
            Report("event", clock, n);
        }

        using (Csound cs = Workloads.CreateStarted(Workloads.Guide))
        {
            const int n = 20_000;
            var clock = Stopwatch.StartNew();
            for (int i = 1; i <= n; i++)
            {
                cs.InputMessage("i 2 0 0.001");
                if ((i & 63) == 0)
                {
                    cs.PerformKsmps();
                }
            }
            Report("message", clock, n);
        }

        using (Csound cs = Workloads.CreateStarted(Workloads.Guide))
        {
            const int n = 200_000;
            double sum = 0;
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < n; i++)
            {
                cs.SetControlChannel(Workloads.ChannelName, i);
                sum += cs.GetControlChannel(Workloads.ChannelName);
            }
            Report("channel", clock, n);
            ControlChannel channel = cs.OpenControlChannel(Workloads.ChannelName);
            clock.Restart();
            for (int i = 0; i < n; i++)
            {
                channel.Value = i;
                sum += channel.Value;
            }
            Report("channel_cached", clock, n);
            GC.KeepAlive(sum);
        }

        using (Csound cs = Workloads.CreateStarted(Workloads.Guide))
        {
            const int n = 50_000;
            var buffer = new double[cs.Ksmps * cs.Nchnls];
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < n; i++)
            {
                cs.PerformKsmps();
                cs.Spout.CopyTo(buffer);
            }
            Report("spout", clock, n);
            GC.KeepAlive(buffer);
        }

        {
            const int n = 20;
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < n; i++)
            {
                using Csound cs = Workloads.CreateStarted(Workloads.Trivial);
            }
            Report("lifecycle", clock, n);
        }
    }
}
