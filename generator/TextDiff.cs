using System;
using System.Collections.Generic;
using System.Text;

namespace CsoundBindings.Generator;

/// <summary>A small line diff (longest common subsequence) for readable snapshot failures.</summary>
public static class TextDiff
{
    /// <summary>Lines removed (-) and added (+), at most <paramref name="maxLines"/> of them.</summary>
    public static string Unified(string expected, string actual, int maxLines)
    {
        string[] a = expected.Split('\n');
        string[] b = actual.Split('\n');
        // Trim the common head and tail so the quadratic part stays small.
        int start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }
        int endA = a.Length, endB = b.Length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
        }
        int n = endA - start, m = endB - start;
        var output = new StringBuilder();
        int shown = 0;
        void Line(char sign, int index, string text)
        {
            if (shown++ < maxLines)
            {
                output.Append("  ").Append(sign).Append(" L").Append(index + 1).Append(": ").Append(text).Append('\n');
            }
        }
        if ((long)n * m > 4_000_000)
        {
            for (int i = 0; i < n; i++) { Line('-', start + i, a[start + i]); }
            for (int j = 0; j < m; j++) { Line('+', start + j, b[start + j]); }
        }
        else
        {
            var lcs = new int[n + 1, m + 1];
            for (int i = n - 1; i >= 0; i--)
            {
                for (int j = m - 1; j >= 0; j--)
                {
                    lcs[i, j] = a[start + i] == b[start + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
                }
            }
            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[start + x] == b[start + y]) { x++; y++; }
                else if (y < m && (x == n || lcs[x, y + 1] >= lcs[x + 1, y])) { Line('+', start + y, b[start + y]); y++; }
                else { Line('-', start + x, a[start + x]); x++; }
            }
        }
        if (shown > maxLines)
        {
            output.Append("  ... ").Append(shown - maxLines).Append(" more changed lines\n");
        }
        return output.ToString();
    }
}
