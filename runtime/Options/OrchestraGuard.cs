using System;
using System.Text.RegularExpressions;

namespace CsoundBindings.Options;

/// <summary>Orchestra constructs a loaded Csound is known to crash on, refused before Csound parses them.</summary>
internal static partial class OrchestraGuard
{
    // "Snames[] chnget ..." (a string array read from a channel), also as Snames[]:S[] or with gS names.
    [GeneratedRegex(@"\bg?S\w*\[\](\s*:\s*S\[\])?\s+chnget\b", RegexOptions.CultureInvariant)]
    private static partial Regex StringArrayChnget();

    public static void Check(string orchestra, int generation, string member)
    {
        CheckOpenStringAtEnd(orchestra, member);
        // Csound 7.0 (this snapshot) dereferences a null string when chnget copies a string array channel: SIGSEGV
        // at the first cycle, replayed in C without the SDK.
        if (generation >= 7 && orchestra.Contains("chnget", StringComparison.Ordinal) && StringArrayChnget().IsMatch(orchestra))
        {
            throw new NotSupportedException(
                $"{member}: Csound 7.0 crashes when chnget reads a string array (S[]) from a channel. Pass the strings through string channels (chnget of an S variable), or read and write the elements from the host with ArrayChannel.GetString/SetString.");
        }
    }

    // Replayed in C: a string left open at the very end of the text, ending in a backslash (blanks after it dropped),
    // sends the lexer's escape past the end ("\"\\" on both engines; "S \"a\\ " and "\"ab\\\\\\" on Csound 7: invalid reads,
    // and a SIGSEGV through the SDK, the fuzzer's find). A line end after it, or a closed string, is read correctly.
    private static void CheckOpenStringAtEnd(string orchestra, string member)
    {
        ReadOnlySpan<char> text = orchestra.AsSpan().TrimEnd(" \t");
        if (text.IsEmpty || text[^1] != '\\')
        {
            return;
        }
        ReadOnlySpan<char> line = text[(text.LastIndexOf('\n') + 1)..];
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            if (quoted && line[i] == '\\')
            {
                if (i == line.Length - 1)
                {
                    throw new ArgumentException($"{member}: a string (\") is left open at the end of the text, after a backslash; close it (Csound's orchestra reader reads past the text on it and crashes).");
                }
                i++; // an escape: the next character is the string's
            }
            else if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (line[i] == ';' || (line[i] == '/' && i + 1 < line.Length && line[i + 1] == '/')))
            {
                return; // a comment to the end of the line
            }
        }
    }
}
