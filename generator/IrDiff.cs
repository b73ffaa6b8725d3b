using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsoundBindings.Generator.Model;

namespace CsoundBindings.Generator;

/// <summary>
/// What changed between two IRs in terms a reviewer acts on: functions added, removed or with another signature,
/// structs resized or with moved or retyped fields, enumerators and constants with other values, skips that came or
/// went. <c>check</c> prints it before any text diff.
/// </summary>
public static class IrDiff
{
    /// <summary>One line per change, old and new side by side; empty when the models declare the same surface.</summary>
    public static List<string> Summarize(ApiModel before, ApiModel after)
    {
        var lines = new List<string>();
        if (before.CsoundVersion != after.CsoundVersion)
        {
            lines.Add($"Csound version: {before.CsoundVersion} -> {after.CsoundVersion}");
        }
        Compare(lines, "function", before.Functions, after.Functions, f => f.Name, Signature);
        Compare(lines, "struct", before.Records, after.Records, r => r.Name, Layout);
        Compare(lines, "enum", before.Enums, after.Enums, e => e.Name, e => string.Join(", ", e.Members.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Name}={m.Value}"))));
        Compare(lines, "callback", before.Callbacks, after.Callbacks, c => c.Name, c => $"{c.Returns.Spelling} (*)({string.Join(", ", c.Parameters.Select(p => p.Type.Spelling))})");
        Compare(lines, "typedef", before.Typedefs, after.Typedefs, t => t.Name, t => t.Type.Spelling);
        Compare(lines, "constant", before.Constants, after.Constants, c => c.Name, c => $"{c.Value} ({c.NativeType})");
        Compare(lines, "skipped", before.Skipped, after.Skipped, s => s.Kind + " " + s.Name, s => s.Reason);
        return lines;
    }

    private static string Signature(FunctionDef f) =>
        $"{f.Returns.Spelling} {f.Name}({string.Join(", ", f.Parameters.Select(p => p.Type.Spelling))}) [{f.Library}]";

    private static string Layout(RecordDef r) => r.IsOpaque
        ? string.Create(CultureInfo.InvariantCulture, $"opaque, {r.Size} bytes")
        : string.Create(CultureInfo.InvariantCulture, $"{r.Size} bytes: {string.Join(", ", r.Fields.Select(f => $"{f.Type.Spelling} {f.Name}@{f.Offset}"))}");

    private static void Compare<T>(List<string> lines, string kind, IEnumerable<T> before, IEnumerable<T> after, Func<T, string> key, Func<T, string> describe)
    {
        var old = before.ToDictionary(key, describe, StringComparer.Ordinal);
        var now = after.ToDictionary(key, describe, StringComparer.Ordinal);
        foreach (string name in old.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            bool had = old.TryGetValue(name, out string? was), has = now.TryGetValue(name, out string? @is);
            if (had && !has)
            {
                lines.Add($"- {kind} {name}: {was}");
            }
            else if (!had && has)
            {
                lines.Add($"+ {kind} {name}: {@is}");
            }
            else if (was != @is)
            {
                lines.Add($"~ {kind} {name}:\n    was {was}\n    now {@is}");
            }
        }
    }
}
