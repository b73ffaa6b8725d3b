using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace CsoundBindings.Options;

/// <summary>
/// Csound 7's typed names (<c>name:type</c>) with a type it does not know, refused before Csound parses them: in global
/// code such a declaration compiles and the engine crashes when it runs (replayed alone in C, before and after Start:
/// <c>x:s=1</c>, <c>x:zz=1</c>; the fuzzer's mutated <c>ksmpst:chnls=1</c>, minimised to <c>t:s=1</c>). The types are
/// Csound's own and the structs defined with <c>struct</c>, in this text or an earlier one since the last Reset
/// (Csound 7 makes its type pool again on Reset).
/// </summary>
internal static partial class TypeGuard
{
    private static readonly HashSet<string> Standard = new(StringComparer.Ordinal) { "a", "k", "i", "S", "p", "r", "c", "w", "f", "B", "b" };

    // The lexer's typed identifier: a name, a colon and a type name, with nothing between them.
    [GeneratedRegex(@"(?<![\w.$@:])([A-Za-z_]\w*):([A-Za-z_]\w*)", RegexOptions.CultureInvariant)]
    private static partial Regex TypedName();

    [GeneratedRegex(@"(?<![\w.$])struct[ \t]+([A-Za-z_]\w*)", RegexOptions.CultureInvariant)]
    private static partial Regex StructDefinition();

    /// <summary>Throws for the first typed name of an unknown type; otherwise adds the text's structs to <paramref name="structs"/>.</summary>
    public static void Check(string orchestra, int generation, string member, HashSet<string> structs)
    {
        if (generation < 7 || !orchestra.Contains(':', StringComparison.Ordinal))
        {
            return;
        }
        // In a CSD only the orchestra: options (--env:SSDIR+=..., -odac:hw:0) and the score have colons of their own.
        int open = orchestra.IndexOf("<CsInstruments>", StringComparison.Ordinal);
        if (open >= 0)
        {
            int close = orchestra.IndexOf("</CsInstruments>", open, StringComparison.Ordinal);
            orchestra = orchestra[(open + "<CsInstruments>".Length)..(close < 0 ? orchestra.Length : close)];
        }
        var defined = new List<string>();
        if (orchestra.Contains("struct", StringComparison.Ordinal))
        {
            foreach (Match definition in StructDefinition().Matches(orchestra))
            {
                if (OrchestraCode.IsCode(orchestra, definition.Index))
                {
                    defined.Add(definition.Groups[1].Value);
                }
            }
        }
        lock (structs)
        {
            foreach (Match typed in TypedName().Matches(orchestra))
            {
                string type = typed.Groups[2].Value;
                if (Standard.Contains(type) || structs.Contains(type) || defined.Contains(type) || !OrchestraCode.IsCode(orchestra, typed.Index))
                {
                    continue;
                }
                throw new CsoundCompileException(member, (int)CsoundStatus.Error,
                    $"cannot create variable {typed.Groups[1].Value}: NULL type (refused before parsing: Csound 7 has no type '{type}', and crashes running a global declaration of one; its types are a, k, i, S, f, w, b, B and the structs defined with 'struct')");
            }
            structs.UnionWith(defined);
        }
    }
}
