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
        // Csound 7.0 (this snapshot) dereferences a null string when chnget copies a string array channel: SIGSEGV
        // at the first cycle, replayed in C without the SDK.
        if (generation >= 7 && orchestra.Contains("chnget", StringComparison.Ordinal) && StringArrayChnget().IsMatch(orchestra))
        {
            throw new NotSupportedException(
                $"{member}: Csound 7.0 crashes when chnget reads a string array (S[]) from a channel. Pass the strings through string channels (chnget of an S variable), or read and write the elements from the host with ArrayChannel.GetString/SetString.");
        }
    }
}
