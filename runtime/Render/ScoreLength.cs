using System;
using System.Globalization;

namespace CsoundBindings.Render;

/// <summary>
/// The length of a score read from its text, for progress only: the latest end (p2 + |p3|) of its i statements, an
/// <c>f 0 N</c> or <c>e N</c>, with <c>s</c> sections added up. Tempo changes, macros and expressions are not
/// evaluated (a field that is not a plain number is skipped).
/// </summary>
internal static class ScoreLength
{
    public static double? Of(params string?[] scores)
    {
        double total = 0;
        foreach (string? score in scores)
        {
            total += Of(score);
        }
        return total > 0 ? total : null;
    }

    private static double Of(string? score)
    {
        if (string.IsNullOrEmpty(score))
        {
            return 0;
        }
        double done = 0, section = 0;
        foreach (string raw in score.Split('\n'))
        {
            string line = raw.Split(';')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            string[] fields = line[1..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            switch (line[0])
            {
                case 'i' when fields.Length >= 3 && Number(fields[1]) is double start && Number(fields[2]) is double duration:
                    section = Math.Max(section, start + Math.Abs(duration));
                    break;
                case 'f' when fields.Length >= 2 && Number(fields[0]) == 0 && Number(fields[1]) is double hold:
                    section = Math.Max(section, hold);
                    break;
                case 'e' when fields.Length >= 1 && Number(fields[0]) is double end:
                    return done + Math.Max(section, end);
                case 'e':
                    return done + section;
                case 's':
                    done += fields.Length >= 1 && Number(fields[0]) is double length ? Math.Max(section, length) : section;
                    section = 0;
                    break;
            }
        }
        return done + section;
    }

    private static double? Number(string field) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : null;

    /// <summary>The text of a CSD's <c>&lt;CsScore&gt;</c> element, or null.</summary>
    public static string? CsdScore(string csd)
    {
        int open = csd.IndexOf("<CsScore", StringComparison.Ordinal);
        int start = open < 0 ? -1 : csd.IndexOf('>', open);
        int close = start < 0 ? -1 : csd.IndexOf("</CsScore>", start, StringComparison.Ordinal);
        return close < 0 ? null : csd[(start + 1)..close];
    }
}
