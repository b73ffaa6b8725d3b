using System;
using System.Collections.Generic;

namespace CsoundBindings.Opcodes;

/// <summary>
/// Parses Csound's <c>-z1</c> opcode listing (name, output types, input types per line). Only the listing's own block
/// counts: the run of opcode lines that ends right before Csound's "<c>N opcodes</c>" summary line, so that other
/// messages which happen to have three words (Csound 7 prints "orch now loaded") are never taken for opcodes.
/// </summary>
internal static class OpcodeListing
{
    private static readonly System.Buffers.SearchValues<char> TypeLetters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ[]:.;*?0123456789_");

    public static List<OpcodeDef> Parse(IReadOnlyList<string> lines)
    {
        var result = new List<OpcodeDef>();
        int end = 0;
        while (end < lines.Count && !IsSummary(lines[end]))
        {
            end++;
        }
        if (end == lines.Count)
        {
            return result; // no listing printed
        }
        int start = end - 1;
        while (start >= 0 && lines[start].Trim().Length == 0)
        {
            start--;
        }
        while (start >= 0 && TryParse(lines[start], out _))
        {
            start--;
        }
        for (int i = start + 1; i < end; i++)
        {
            if (TryParse(lines[i], out OpcodeDef? opcode))
            {
                result.Add(opcode);
            }
        }
        return result;
    }

    private static bool IsSummary(string line)
    {
        string[] parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && parts[1] == "opcodes" && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _);
    }

    private static bool TryParse(string line, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OpcodeDef? opcode)
    {
        opcode = null;
        string[] parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || char.IsWhiteSpace(line[0]) || !IsTypes(parts[1]) || !IsTypes(parts[2]))
        {
            return false;
        }
        opcode = new OpcodeDef(parts[0], Clean(parts[1]), Clean(parts[2]), 0);
        return true;
    }

    private static string Clean(string types) => types == "(null)" ? string.Empty : types;

    private static bool IsTypes(string text) =>
        text == "(null)" || text.AsSpan().IndexOfAnyExcept(TypeLetters) < 0;
}
