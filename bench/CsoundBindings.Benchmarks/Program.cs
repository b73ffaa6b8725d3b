using BenchmarkDotNet.Running;
using CsoundBindings.Benchmarks;

// `compare` runs the workloads of bench/compare once and prints ns/op; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "compare")
{
    Compare.Run();
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(HostBenchmarks).Assembly).Run(args);
return 0;
