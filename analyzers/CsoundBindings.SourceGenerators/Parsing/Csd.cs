using System;

namespace CsoundBindings.SourceGenerators.Parsing;

internal readonly struct CsdSections
{
    public CsdSections(string orchestra, int orchestraLine, string options, string score)
    {
        Orchestra = orchestra;
        OrchestraLine = orchestraLine;
        Options = options;
        Score = score;
    }

    public string Orchestra { get; }

    /// <summary>The CSD line the orchestra text starts on (for diagnostics in the file).</summary>
    public int OrchestraLine { get; }

    public string Options { get; }

    public string Score { get; }
}

/// <summary>The sections of a CSD file that a typed orchestra carries.</summary>
internal static class Csd
{
    public static bool TryRead(string text, out CsdSections sections)
    {
        sections = default;
        if (!Section(text, "CsInstruments", out string orchestra, out int start))
        {
            return false;
        }
        Section(text, "CsOptions", out string options, out _);
        Section(text, "CsScore", out string score, out _);
        int line = 1;
        for (int k = 0; k < start; k++)
        {
            if (text[k] == '\n')
            {
                line++;
            }
        }
        sections = new CsdSections(orchestra, line, options.Trim(), score.Trim('\n'));
        return true;
    }

    private static bool Section(string text, string tag, out string body, out int start)
    {
        body = string.Empty;
        start = 0;
        int open = text.IndexOf("<" + tag + ">", StringComparison.Ordinal);
        if (open < 0)
        {
            return false;
        }
        start = open + tag.Length + 2;
        int close = text.IndexOf("</" + tag + ">", start, StringComparison.Ordinal);
        body = text.Substring(start, (close < 0 ? text.Length : close) - start);
        return true;
    }
}
