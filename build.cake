// Build script for CsoundBindings. Run through ./build.sh <Target>; uses only Cake's built-in .NET aliases.
var target = Argument("target", "Build");
var configuration = Argument("configuration", "Release");
var csound7Root = EnvironmentVariable("CSOUND7_ROOT");
var hasCsound7 = !string.IsNullOrEmpty(csound7Root);
var generator = "./generator/CsoundBindings.Generator.csproj";

void Bindgen(string command, int api)
{
    var args = new ProcessArgumentBuilder()
        .Append(command)
        .Append("--manifest").AppendQuoted($"headers/api{api}/manifest.json")
        .Append("--out").AppendQuoted($"bindings/Api{api}");
    if (command == "check-ir")
    {
        args = new ProcessArgumentBuilder().Append(command)
            .Append("--ir").AppendQuoted($"bindings/Api{api}/api{api}.ir.json")
            .Append("--out").AppendQuoted($"bindings/Api{api}");
    }
    DotNetRun(generator, args, new DotNetRunSettings { Configuration = configuration });
}

// The surface both generations share (headers/shared.json), checked in the two IRs and emitted once (bindings/Common).
void Common(string command)
{
    var args = new ProcessArgumentBuilder().Append(command)
        .Append("--ir").AppendQuoted("bindings/Api6/api6.ir.json")
        .Append("--ir").AppendQuoted("bindings/Api7/api7.ir.json")
        .Append("--shared").AppendQuoted("headers/shared.json")
        .Append("--out").AppendQuoted("bindings/Common");
    DotNetRun(generator, args, new DotNetRunSettings { Configuration = configuration });
}

Task("Prerequisites")
    .Description("Checks what ./build.sh installed: Csound 6 headers and libraries, the .NET SDK.")
    .Does(() =>
{
    foreach (var path in new[] { "/usr/include/csound/csound.h", "/usr/lib/x86_64-linux-gnu/libcsound64.so", "/usr/lib/x86_64-linux-gnu/libcsnd6.so" })
    {
        if (!FileExists(path)) throw new Exception($"{path} is missing: run ./build.sh (as root) to install Csound 6.");
    }
    Information("Csound 6: /usr/include/csound, libcsound64 + libcsnd6 present.");
    Information(hasCsound7 ? $"Csound 7: CSOUND7_ROOT={csound7Root}" : "Csound 7: CSOUND7_ROOT not set; API 7 tests will be skipped (see README).");
});

Task("Generate")
    .Description("Regenerates bindings/Api6 (and bindings/Api7 when CSOUND7_ROOT is set) from the installed headers.")
    .IsDependentOn("Prerequisites")
    .Does(() =>
{
    Bindgen("generate", 6);
    if (hasCsound7) Bindgen("generate", 7); else Warning("CSOUND7_ROOT not set: bindings/Api7 left as committed.");
    Common("common");
});

Task("CheckGenerated")
    .Description("Regenerates in memory and fails on any difference from what is committed.")
    .IsDependentOn("Prerequisites")
    .Does(() =>
{
    Bindgen("check", 6);
    if (hasCsound7) Bindgen("check", 7);
    else
    {
        Warning("CSOUND7_ROOT not set: checking bindings/Api7 against its committed IR only.");
        Bindgen("check-ir", 7);
    }
    Common("check-common");
});

Task("Build")
    .IsDependentOn("Prerequisites")
    .Does(() =>
{
    DotNetBuild("./CsoundBindings.sln", new DotNetBuildSettings { Configuration = configuration });
});

Task("Test")
    .Description("Runs every test project; the runtime tests once per Csound engine present.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var failures = 0;
    void Run(string project, string label, IDictionary<string, string> env)
    {
        Information($"== {label}");
        try
        {
            DotNetTest(project, new DotNetTestSettings
            {
                Configuration = configuration,
                NoBuild = true,
                EnvironmentVariables = env,
                // A crashing test host names the test that was running.
                ArgumentCustomization = args => args.Append("--blame").Append("--blame-hang-timeout 5m").Append("--blame-hang-dump-type none"),
            });
        }
        catch (Exception e)
        {
            Error(e.Message);
            failures++;
        }
    }
    Run("./tests/CsoundBindings.Generator.Tests/CsoundBindings.Generator.Tests.csproj", "generator and bindings", new Dictionary<string, string>());
    Run("./tests/CsoundBindings.SourceGenerators.Tests/CsoundBindings.SourceGenerators.Tests.csproj", "typed orchestras (source generator and analyzer)", new Dictionary<string, string>());
    if (FileExists("./tests/CsoundBindings.Tests/CsoundBindings.Tests.csproj"))
    {
        Run("./tests/CsoundBindings.Tests/CsoundBindings.Tests.csproj", "runtime on engine: Csound 6", new Dictionary<string, string> { ["CSOUNDBINDINGS_ENGINE"] = "6", ["CSOUND7_ROOT"] = "" });
        if (hasCsound7)
            Run("./tests/CsoundBindings.Tests/CsoundBindings.Tests.csproj", "runtime on engine: Csound 7", new Dictionary<string, string> { ["CSOUNDBINDINGS_ENGINE"] = "7" });
        else
            Warning("runtime on engine: Csound 7 skipped: CSOUND7_ROOT not set");
    }
    // The packages as a stranger gets them: packed from clones of HEAD, used from outside the repository.
    Run("./tests/CsoundBindings.Package.Tests/CsoundBindings.Package.Tests.csproj", "packages (pack, consumer project, file-based app, tool)",
        new Dictionary<string, string> { ["CSOUND7_ROOT"] = hasCsound7 ? csound7Root : "" });
    if (failures > 0) throw new Exception($"{failures} test run(s) failed.");
});

Task("Pack")
    .Description("Packs CsoundBindings, CsoundBindings.Interop and the csound-bindgen tool (with symbols) into artifacts/packages.")
    .IsDependentOn("Prerequisites")
    .Does(() =>
{
    CleanDirectory("./artifacts/packages");
    DotNetPack("./CsoundBindings.sln", new DotNetPackSettings
    {
        Configuration = configuration,
        OutputDirectory = "./artifacts/packages",
        MSBuildSettings = new DotNetMSBuildSettings().WithProperty("ContinuousIntegrationBuild", "true"),
    });
    foreach (var file in GetFiles("./artifacts/packages/*.*nupkg"))
        Information($"{file.GetFilename()}: {new System.IO.FileInfo(file.FullPath).Length / 1024} KB");
});

Task("Soak")
    .Description("The long runs: 10,000 state-machine sequences per engine (SOAK_SEQUENCES), in processes of 200 with random seeds, and 100,000 fuzz inputs per engine (SOAK_FUZZ_INPUTS).")
    .IsDependentOn("Build")
    .Does(() =>
{
    int total = int.Parse(EnvironmentVariable("SOAK_SEQUENCES") ?? "10000");
    const int perProcess = 200;
    var engines = new List<(string Label, Dictionary<string, string> Env)> { ("6", new() { ["CSOUNDBINDINGS_ENGINE"] = "6", ["CSOUND7_ROOT"] = "" }) };
    if (hasCsound7) engines.Add(("7", new() { ["CSOUNDBINDINGS_ENGINE"] = "7" }));
    foreach (var (label, env) in engines)
    {
        for (int done = 0; done < total; done += perProcess)
        {
            env["CSOUNDBINDINGS_SEQUENCES"] = Math.Min(perProcess, total - done).ToString();
            env["CSOUNDBINDINGS_SEED"] = "random";
            Information($"== soak on Csound {label}: sequences {done + 1}..{Math.Min(done + perProcess, total)} of {total}");
            DotNetTest("./tests/CsoundBindings.Tests/CsoundBindings.Tests.csproj", new DotNetTestSettings
            {
                Configuration = configuration,
                NoBuild = true,
                Filter = "FullyQualifiedName~StateMachine",
                EnvironmentVariables = env,
            });
        }
        // The fuzz run: 100,000 hostile inputs into one engine (SOAK_FUZZ_INPUTS), a random seed.
        var fuzzEnv = new Dictionary<string, string>(env)
        {
            ["CSOUNDBINDINGS_FUZZ_INPUTS"] = EnvironmentVariable("SOAK_FUZZ_INPUTS") ?? "100000",
            ["CSOUNDBINDINGS_SEED"] = "random",
        };
        Information($"== soak on Csound {label}: {fuzzEnv["CSOUNDBINDINGS_FUZZ_INPUTS"]} fuzz inputs");
        DotNetTest("./tests/CsoundBindings.Tests/CsoundBindings.Tests.csproj", new DotNetTestSettings
        {
            Configuration = configuration,
            NoBuild = true,
            Filter = "FullyQualifiedName~FuzzTests",
            EnvironmentVariables = fuzzEnv,
        });
    }
});

Task("Demo")
    .Description("Runs the First Steps guide: to the dac when there is one, else to a WAV file.")
    .IsDependentOn("Build")
    .Does(() =>
{
    if (!FileExists("./examples/FirstSteps/FirstSteps.csproj"))
    {
        Information("Demo: not yet (the runtime issue has not landed).");
        return;
    }
    // Without a sound device the guide writes WAV files; they go to artifacts/demo.
    EnsureDirectoryExists("./artifacts/demo");
    DotNetRun(MakeAbsolute(File("./examples/FirstSteps/FirstSteps.csproj")).FullPath, new ProcessArgumentBuilder(),
        new DotNetRunSettings { Configuration = configuration, NoBuild = true, WorkingDirectory = MakeAbsolute(Directory("./artifacts/demo")) });
});

Task("Bench")
    .Description("BenchmarkDotNet suite over the idiomatic and raw layers (pass --filter through BENCH_ARGS).")
    .IsDependentOn("Prerequisites")
    .Does(() =>
{
    DotNetBuild("./bench/CsoundBindings.Benchmarks/CsoundBindings.Benchmarks.csproj", new DotNetBuildSettings { Configuration = "Release" });
    var benchArgs = EnvironmentVariable("BENCH_ARGS") ?? "--filter * --job short --inProcess";
    DotNetExecute("./bench/CsoundBindings.Benchmarks/bin/Release/net10.0/CsoundBindings.Benchmarks.dll", benchArgs);
});

Task("BenchCompare")
    .Description("The same workloads in C, C# and Python ctcsound, interleaved; prints one table.")
    .IsDependentOn("Prerequisites")
    .Does(() =>
{
    DotNetBuild("./bench/CsoundBindings.Benchmarks/CsoundBindings.Benchmarks.csproj", new DotNetBuildSettings { Configuration = "Release" });
    var exit = StartProcess("/usr/bin/python3", new ProcessSettings { Arguments = "bench/compare/compare.py " + (EnvironmentVariable("BENCH_REPS") ?? "7") });
    if (exit != 0) throw new Exception($"bench/compare/compare.py failed ({exit}).");
});

RunTarget(target);
