using System.Collections.Generic;
using System.Text;

namespace CsoundBindings.Options;

/// <summary>Splits an option string like a command line: on spaces, keeping double-quoted parts whole (quotes removed).</summary>
internal static class OptionSplitter
{
    public static List<string> Split(string options)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        bool quoted = false, any = false;
        foreach (char c in options)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                    any = false;
                }
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }
        if (any)
        {
            parts.Add(current.ToString());
        }
        return parts;
    }
}
