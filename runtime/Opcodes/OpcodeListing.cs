using System;
using System.Collections.Generic;

namespace CsoundBindings.Opcodes;

/// <summary>Parses Csound's <c>-z1</c> opcode listing (name, output types, input types per line).</summary>
internal static class OpcodeListing
{
    private static readonly System.Buffers.SearchValues<char> TypeLetters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ[]:.;*?0123456789_");

    public static List<OpcodeDef> Parse(IEnumerable<string> lines)
    {
        var result = new List<OpcodeDef>();
        foreach (string line in lines)
        {
            string[] parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || line.Length == 0 || char.IsWhiteSpace(line[0]) || !IsTypes(parts[1]) || !IsTypes(parts[2]))
            {
                continue;
            }
            result.Add(new OpcodeDef(parts[0], Clean(parts[1]), Clean(parts[2]), 0));
        }
        return result;
    }

    private static string Clean(string types) => types == "(null)" ? string.Empty : types;

    private static bool IsTypes(string text) =>
        text == "(null)" || text.AsSpan().IndexOfAnyExcept(TypeLetters) < 0;
}
