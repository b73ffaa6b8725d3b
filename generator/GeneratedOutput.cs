using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CsoundBindings.Generator.Emission;
using CsoundBindings.Generator.Model;

namespace CsoundBindings.Generator;

/// <summary>The set of files the generator owns in a bindings folder: the IR and the *.g.cs files.</summary>
public static class GeneratedOutput
{
    /// <summary>Name of the IR file for an API generation.</summary>
    public static string IrFileName(int api) => $"api{api}.ir.json";

    /// <summary>All generated files, IR included.</summary>
    public static IReadOnlyDictionary<string, string> Files(ApiModel model)
    {
        var files = new SortedDictionary<string, string>(CSharpEmitter.Emit(model).ToDictionary(), StringComparer.Ordinal)
        {
            [IrFileName(model.Api)] = IrJson.Serialize(model),
        };
        return files;
    }

    /// <summary>Writes the files and deletes stale *.g.cs files the generator no longer makes.</summary>
    public static void Write(IReadOnlyDictionary<string, string> files, string outDir)
    {
        Directory.CreateDirectory(outDir);
        foreach (string stale in Directory.GetFiles(outDir, "*.g.cs").Where(f => !files.ContainsKey(Path.GetFileName(f))))
        {
            File.Delete(stale);
        }
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(outDir, name), text);
        }
    }

    /// <summary>Differences between generated text and a folder, each with a short line diff.</summary>
    public static List<string> Compare(IReadOnlyDictionary<string, string> files, string outDir, bool includeIr, int maxDiffLines = 40)
    {
        var problems = new List<string>();
        foreach (var (name, text) in files)
        {
            if (!includeIr && name.EndsWith(".ir.json", StringComparison.Ordinal))
            {
                continue;
            }
            string path = Path.Combine(outDir, name);
            if (!File.Exists(path))
            {
                problems.Add($"missing: {path}");
            }
            else if (File.ReadAllText(path) is var committed && committed != text)
            {
                problems.Add($"differs: {path}\n{TextDiff.Unified(committed, text, maxDiffLines)}");
            }
        }
        if (Directory.Exists(outDir))
        {
            problems.AddRange(Directory.GetFiles(outDir, "*.g.cs")
                .Where(f => !files.ContainsKey(Path.GetFileName(f)))
                .Select(f => $"stale (no longer generated): {f}"));
        }
        return problems;
    }
}
