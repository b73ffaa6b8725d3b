using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CsoundBindings.Generator.Model;
using Xunit;

namespace CsoundBindings.Generator.Tests;

/// <summary>
/// The 100% bar, with gcc as the witness rather than clang: gcc preprocesses the manifest's sources (so
/// <c>#ifdef SOME_FINE_DAY</c> blocks fall away as they do for a real host), and every function a declared header
/// exports (<c>PUBLIC</c>, which gcc spells as default visibility) is in the committed IR or skipped there with a
/// reason. Only C '...' functions may be skipped.
/// </summary>
public sealed partial class PublicFunctionTests
{
    [GeneratedRegex(@"^# \d+ ""([^""]+)""", RegexOptions.Multiline)]
    private static partial Regex LineMarker();

    [GeneratedRegex(@"__attribute__\s*\(\s*\(\s*visibility\s*\(\s*""default""\s*\)\s*\)\s*\)")]
    private static partial Regex Visibility();

    [GeneratedRegex(@"__attribute__\s*\(\s*\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)\s*\)")]
    private static partial Regex OtherAttribute();

    [GeneratedRegex(@"\bCSB_EXPORT\s+[^;{}()]*?\b(\w+)\s*\(", RegexOptions.Singleline)]
    private static partial Regex ExportedFunction();

    private static string Preprocess(Manifest manifest)
    {
        string entry = Path.Combine(Directory.CreateTempSubdirectory("bindgen gcc").FullName, "entry.c");
        File.WriteAllText(entry, string.Concat(manifest.Sources.Select(s => $"#include \"{s.Include}\"\n")));
        var arguments = new StringBuilder("-E -std=gnu11");
        foreach (string define in manifest.Defines)
        {
            arguments.Append(" -D").Append(define);
        }
        foreach (string dir in manifest.ResolvedIncludeDirs())
        {
            arguments.Append(" \"-I").Append(dir).Append('"');
        }
        arguments.Append(" \"").Append(entry).Append('"');
        using var gcc = Process.Start(new ProcessStartInfo("gcc", arguments.ToString()) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var errors = gcc.StandardError.ReadToEndAsync();
        string output = gcc.StandardOutput.ReadToEnd();
        gcc.WaitForExit();
        Assert.True(gcc.ExitCode == 0, errors.Result);
        return output;
    }

    // The preprocessed text that came from the given header files, joined.
    private static string FromHeaders(string preprocessed, HashSet<string> headers)
    {
        var text = new StringBuilder();
        string? current = null;
        foreach (string line in preprocessed.Split('\n'))
        {
            if (LineMarker().Match(line) is { Success: true } marker)
            {
                current = Path.GetFileName(marker.Groups[1].Value);
                continue;
            }
            if (current is not null && headers.Contains(current))
            {
                text.Append(line).Append('\n');
            }
        }
        return text.ToString();
    }

    [SkippableTheory]
    [InlineData(6)]
    [InlineData(7)]
    public void EveryExportedFunctionOfTheDeclaredHeadersIsBoundOrSkippedWithAReason(int api)
    {
        Skip.If(api == 7 && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CSOUND7_ROOT")), "skipped: CSOUND7_ROOT not set");
        Manifest manifest = Manifest.Load(RepoPaths.Manifest(api));
        ApiModel model = IrJson.Load(Path.Combine(RepoPaths.Bindings(api), GeneratedOutput.IrFileName(api)));
        var declared = manifest.Sources.SelectMany(s => s.Declares).ToHashSet(StringComparer.Ordinal);
        string text = OtherAttribute().Replace(Visibility().Replace(FromHeaders(Preprocess(manifest), declared), " CSB_EXPORT "), " ");
        var names = ExportedFunction().Matches(text)
            .Select(m => m.Groups[1].Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(names.Count > 150, $"only {names.Count} exported functions found");
        var bound = model.Functions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var skipped = model.Skipped.Where(s => s.Kind == "function").ToDictionary(s => s.Name, s => s.Reason, StringComparer.Ordinal);
        var missing = names.Where(n => !bound.Contains(n) && !skipped.ContainsKey(n)).ToList();
        Assert.True(missing.Count == 0, "exported but neither bound nor skipped: " + string.Join(", ", missing));
        Assert.All(skipped, s => Assert.StartsWith("variadic", s.Value, StringComparison.Ordinal));
        Assert.Contains("csoundMessageV", bound);
        Assert.Contains("csoundSetMessageCallback", bound);
        Assert.Contains("csoundDebugGetVariables", bound);
        Console.WriteLine($"API {api}: {names.Count} exported functions in the declared headers (gcc), {names.Count(bound.Contains)} bound, skipped: {string.Join(", ", skipped.Keys)}");
    }
}
