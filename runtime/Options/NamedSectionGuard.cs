using System;
using System.Collections.Generic;

namespace CsoundBindings.Options;

/// <summary>
/// Named sections in score text (<c>m NAME</c> marks, <c>n NAME</c> repeats), read as Csound's score reader reads
/// them and held to what it survives (each reproduced in C on both engines): a name that begins with a letter and fits
/// its 200-byte buffer; at most <see cref="MaxNames"/> names per engine (its fixed table, emptied by Reset); and a
/// repeat only of a section marked earlier in the same text and closed by an <c>s</c> before it, since a mark is a
/// position in the text it came from and a repeat that reads itself runs off its input. The lines of a repeated
/// section must be ones the reader takes without complaint: its error report inside a repeat reads an uninitialised
/// slot (a SIGSEGV through the SDK once the heap was dirty).
/// </summary>
internal static class NamedSectionGuard
{
    /// <summary>Names Csound's score reader holds per engine.</summary>
    public const int MaxNames = 30;

    /// <summary>The longest name its buffer holds.</summary>
    public const int MaxNameLength = 199;

    // The statements Csound's score reader knows (getop).
    private const string Statements = "abBdCefimnqrstvwxy{}";

    /// <summary>Throws for the first named section Csound could not take; adds the marked names to <paramref name="held"/>.</summary>
    public static void Check(string score, string member, HashSet<string> held)
    {
        if (!score.Contains('m', StringComparison.Ordinal) && !score.Contains('n', StringComparison.Ordinal))
        {
            return;
        }
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var closed = new HashSet<string>(StringComparer.Ordinal);
        var marked = new List<string>();
        var open = new List<string>(); // marked sections that no 's' line has closed yet
        foreach (string raw in score.Split('\n'))
        {
            string masked = ScoreGuard.MaskEscapes(raw);
            int cut = ScoreGuard.CommentStart(masked);
            string line = (cut < 0 ? masked : masked[..cut]).Trim();
            if (line.Length == 0)
            {
                continue;
            }
            char statement = line[0];
            if (statement is 'm' or 'n')
            {
                string name = NameOf(line, member);
                if (statement == 'm')
                {
                    sections[name] = [];
                    closed.Remove(name);
                    marked.Add(name);
                    open.Remove(name);
                    open.Add(name);
                    continue;
                }
                if (!sections.TryGetValue(name, out List<string>? lines))
                {
                    throw Bad(member, $"'n {name}' repeats a section marked with 'm {name}' earlier in the same text (Csound keeps a mark as a position in the text it was read from)");
                }
                if (!closed.Contains(name))
                {
                    throw Bad(member, $"the section 'm {name}' needs an 's' line before 'n {name}' repeats it (the repeat would read itself)");
                }
                foreach (string repeated in lines)
                {
                    CheckRepeatable(repeated, name, member);
                }
            }
            if (statement == 's')
            {
                closed.UnionWith(open);
                open.Clear();
                continue;
            }
            foreach (string section in open)
            {
                sections[section].Add(line);
            }
        }
        lock (held)
        {
            int added = 0;
            foreach (string name in new HashSet<string>(marked, StringComparer.Ordinal))
            {
                added += held.Contains(name) ? 0 : 1;
            }
            if (held.Count + added > MaxNames)
            {
                throw Bad(member, $"Csound's score reader holds {MaxNames} section names per engine and this engine has {held.Count} (Reset empties them); reuse a name");
            }
            held.UnionWith(marked);
        }
    }

    // As Csound reads it after the statement letter: blanks, then a letter and letters, digits or '_'.
    private static string NameOf(string line, string member)
    {
        int i = 1;
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }
        int start = i;
        while (i < line.Length && (char.IsAsciiLetter(line[i]) || (i > start && (line[i] == '_' || char.IsAsciiDigit(line[i])))))
        {
            i++;
        }
        if (i == start)
        {
            throw Bad(member, $"an '{line[0]}' statement takes a section name that begins with a letter ('{Shorten(line)}')");
        }
        if (i - start > MaxNameLength)
        {
            throw Bad(member, $"a section name is at most {MaxNameLength} characters, not {i - start}");
        }
        return line[start..i];
    }

    // A line the reader takes without a report: a statement it knows, then numbers, [expressions] and macros, and
    // strings from the fourth field on. Carries and ramps ('.', '+', '^', '<', '!') are refused here: the reader reports
    // them outside the fields it allows them in (". +" in p5 and p6, replayed in C, read uninitialised memory).
    private static void CheckRepeatable(string line, string name, string member)
    {
        if (line[0] is 'm' or 'n')
        {
            return; // a name, checked where it stands
        }
        if (Statements.IndexOf(line[0], StringComparison.Ordinal) < 0)
        {
            throw Bad(member, $"the section 'm {name}' repeated by 'n {name}' holds '{Shorten(line)}', which Csound's score reader reports, and a report inside a repeat reads uninitialised memory");
        }
        string[] fields = ScoreGuard.Fields(WithoutExpressions(line[1..]));
        for (int i = 0; i < fields.Length; i++)
        {
            if (!IsField(fields[i], i))
            {
                throw Bad(member, $"the section 'm {name}' repeated by 'n {name}' holds the field '{Shorten(fields[i])}', which Csound's score reader may report, and a report inside a repeat reads uninitialised memory; repeat sections of plain numbers, [expressions] and strings");
            }
        }
    }

    // Each [expression] as one field (it may hold blanks); ScoreGuard has checked the brackets close.
    private static string WithoutExpressions(string fields)
    {
        if (!fields.Contains('[', StringComparison.Ordinal))
        {
            return fields;
        }
        var kept = new System.Text.StringBuilder(fields.Length);
        int depth = 0;
        foreach (char c in fields)
        {
            depth += c == '[' ? 1 : 0;
            kept.Append(depth > 0 && c is ' ' or '\t' ? '_' : c);
            depth -= c == ']' && depth > 0 ? 1 : 0;
        }
        return kept.ToString();
    }

    private static bool IsField(string field, int index) =>
        field[0] is '[' or '$' || (field[0] == '"' && index >= 3) ||
        ScoreNumber.Parse(field) is double value && double.IsFinite(value);

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static ArgumentException Bad(string member, string why) =>
        new($"{member}: {why} (Csound's score reader crashes on it).");
}
