using System;
using System.Globalization;
using System.Linq;
using CsoundBindings.Generator.Model;

namespace CsoundBindings.Generator;

/// <summary>Prints what a run produced and what it left out.</summary>
internal static class Summary
{
    public static void Print(ApiModel model, double parseMs, double emitMs)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"Csound {model.CsoundVersion} (API {model.Api}) -> {model.Namespace}"));
        foreach (var group in model.Functions.GroupBy(f => f.Library).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(inv, $"  functions ({model.Libraries[group.Key]}): {group.Count()}"));
        }
        Console.WriteLine(string.Create(inv,
            $"  functions {model.Functions.Count}, enums {model.Enums.Count}, structs {model.Records.Count}, callbacks {model.Callbacks.Count}, typedefs {model.Typedefs.Count}, constants {model.Constants.Count}, skipped {model.Skipped.Count}"));
        foreach (var group in model.Skipped.GroupBy(s => s.Kind + ": " + (s.Reason.StartsWith("not a constant", StringComparison.Ordinal) ? "not a constant expression" : s.Reason))
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  skipped {group.Key}: {string.Join(", ", group.Select(s => s.Name))}");
        }
        Console.WriteLine(string.Create(inv, $"  parse {parseMs:F0} ms, emit {emitMs:F0} ms"));
    }
}
