using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using CsoundBindings.Generator;
using CsoundBindings.Generator.Emission;
using CsoundBindings.Generator.Model;
using CsoundBindings.Generator.Parsing;

const string Usage = """
    csound-bindgen: Csound headers -> IR -> C# bindings

      generate --manifest <headers/apiN/manifest.json> --out <bindings/ApiN> [--headers <dir>]   parse, emit, write
      check    --manifest <...> --out <bindings/ApiN> [--headers <dir>]                          parse, emit, compare with --out
      emit     --ir <file.ir.json> --out <dir>                                 IR -> C# only
      check-ir --ir <file.ir.json> --out <dir>                                 IR -> C#, compare with --out
      common   --ir <a.ir.json> --ir <b.ir.json> --shared <headers/shared.json> --out <bindings/Common>
                                                                           the shared list, checked in every API, emitted once
      check-common --ir <...> --ir <...> --shared <...> --out <bindings/Common>  the same, compare with --out

    --headers <dir> (or CSOUNDBINDINGS_API<N>_HEADERS) reads Csound's headers from another install than the
    manifest's headerRoot; the manifest's expectedVersion must still match them.
    Exit codes: 0 done or up to date, 1 differences or a failed run, 2 a manifest or usage error.
    """;

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

string command = args[0];
string? Option(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
string Required(string name) => Option(name) ?? throw new ArgumentException($"{command} needs {name} <value>.\n{Usage}");

try
{
    if (command is "common" or "check-common")
    {
        var irs = args.Select((a, i) => (a, i)).Where(x => x.a == "--ir" && x.i + 1 < args.Length).Select(x => IrJson.Load(args[x.i + 1])).ToList();
        var common = CommonEmitter.Emit(irs, SharedSurface.Load(Required("--shared")), out List<string> notes);
        notes.ForEach(n => Console.WriteLine($"note: {n}"));
        string commonDir = Required("--out");
        if (command == "common")
        {
            GeneratedOutput.Write(common, commonDir);
            Console.WriteLine($"Wrote {common.Count} files to {commonDir}.");
            return 0;
        }
        var changes = GeneratedOutput.Compare(common, commonDir, includeIr: false);
        changes.ForEach(Console.Error.WriteLine);
        Console.WriteLine(changes.Count == 0 ? $"{commonDir}: up to date ({common.Count} files)." : $"{commonDir} differs: accept with ./build.sh Generate.");
        return changes.Count == 0 ? 0 : 1;
    }
    var clock = Stopwatch.StartNew();
    ApiModel model;
    if (command is "generate" or "check")
    {
        Manifest manifest = Manifest.Load(Required("--manifest")).WithHeaderRoot(Option("--headers"));
        model = HeaderParser.Parse(manifest);
    }
    else if (command is "emit" or "check-ir")
    {
        model = IrJson.Load(Required("--ir"));
    }
    else
    {
        Console.Error.WriteLine($"Unknown command '{command}'.\n{Usage}");
        return 2;
    }
    double parseMs = clock.Elapsed.TotalMilliseconds;
    IReadOnlyDictionary<string, string> files = GeneratedOutput.Files(model);
    double emitMs = clock.Elapsed.TotalMilliseconds - parseMs;
    string outDir = Required("--out");
    Summary.Print(model, parseMs, emitMs);

    if (command is "check" or "check-ir")
    {
        bool includeIr = command == "check";
        var differences = GeneratedOutput.Compare(files, outDir, includeIr, maxDiffLines: 12);
        if (differences.Count == 0)
        {
            Console.WriteLine($"{outDir}: up to date ({files.Count} files).");
            return 0;
        }
        string committedIr = Path.Combine(outDir, GeneratedOutput.IrFileName(model.Api));
        if (includeIr && File.Exists(committedIr))
        {
            var changes = IrDiff.Summarize(IrJson.Load(committedIr), model);
            Console.Error.WriteLine(changes.Count == 0
                ? "What changed: nothing in the declared surface (spelling or layout of the generated text only)."
                : $"What changed ({changes.Count}):\n  " + string.Join("\n  ", changes));
            Console.Error.WriteLine("The text differences, shortened:");
        }
        foreach (string difference in differences)
        {
            Console.Error.WriteLine(difference);
        }
        Console.Error.WriteLine($"{outDir} differs from what the generator produces. Accept with ./build.sh Generate and commit.");
        return 1;
    }
    GeneratedOutput.Write(files, outDir);
    Console.WriteLine($"Wrote {files.Count} files to {outDir}.");
    return 0;
}
catch (ManifestException e)
{
    Console.Error.WriteLine($"csound-bindgen: {e.Message}");
    return 2;
}
catch (Exception e) when (e is HeaderParseException or IOException or InvalidOperationException or ArgumentException or NotSupportedException)
{
    Console.Error.WriteLine($"csound-bindgen: {e.Message}");
    return 1;
}
