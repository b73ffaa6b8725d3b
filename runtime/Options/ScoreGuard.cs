using System;

namespace CsoundBindings.Options;

/// <summary>
/// Checks score text before Csound's score reader sees it (<c>ReadScore</c>, and on Csound 7 input lines, which go
/// through the same reader). That reader overflows its stack or reads freed memory on some incomplete statements; the
/// cheap ones to recognise are refused here with an <see cref="ArgumentException"/>: <c>#undef</c>, <c>#include</c>, a
/// <c>#define</c> without a <c>#...#</c> body (anywhere on a line), an unterminated <c>/*</c> comment, an unclosed
/// <c>[</c> expression, braces anywhere but at the start of a line, an <c>r</c> count that is not a whole number from 1,
/// the statements <c>r</c>, <c>b</c>, <c>B</c>, <c>v</c>, <c>{</c>, <c>C</c> without their number, an <c>s</c> or <c>e</c> whose first
/// field is not a number, and a <c>}</c> without its <c>{</c>.
/// </summary>
internal static class ScoreGuard
{
    /// <summary>Throws for the first construct Csound's score reader would crash on.</summary>
    /// <param name="score">The text.</param>
    /// <param name="member">The caller's name, for the message.</param>
    /// <param name="realtime">
    /// For line events (input messages): the event statements the engine takes (with <c>t</c>); no score structure,
    /// and <c>f</c> lines are held to the same limits as <c>f</c> events. Null for score text.
    /// </param>
    public static void Check(string score, string member, string? realtime = null)
    {
        int loops = 0;
        CheckComments(score, member, "score");
        foreach (string directive in (ReadOnlySpan<string>)["#undef", "#include"])
        {
            if (score.Contains(directive, StringComparison.Ordinal))
            {
                throw Bad(member, $"'{directive}' is not accepted in score text sent through the host API");
            }
        }
        foreach (string text in score.Split('\n'))
        {
            string raw = MaskEscapes(text);
            int cut = CommentStart(raw);
            string line = (cut < 0 ? raw : raw[..cut]).Trim();
            if (line.Length == 0)
            {
                continue;
            }
            // Reproduced in C on Csound 6, alone on a fresh engine: a string left open on an input line makes
            // csoundInputMessage read past the text (220,000 invalid reads under valgrind); the score reader too.
            if (line.Count('"') % 2 != 0)
            {
                throw Bad(member, $"a string (\") is not closed on the line '{line}'");
            }
            // Reproduced in C on both engines, each alone on a fresh engine: "i 1 0 1 }", "}8qW", "x #define".
            string bare = WithoutStrings(line);
            for (int define = bare.IndexOf("#define", StringComparison.Ordinal); define >= 0; define = bare.IndexOf("#define", define + 1, StringComparison.Ordinal))
            {
                if (!HasMacroBody(bare[define..]))
                {
                    throw Bad(member, "#define needs a name and a body between # signs (#define NAME #text#)");
                }
            }
            if (line.IndexOfAny(['{', '}'], 1) > 0) // inside quotes too: an unbalanced quote hides nothing from the reader
            {
                throw Bad(member, $"'{{' and '}}' are loop statements and go at the start of a line ('{line}')");
            }
            if (line.Count('[') > line.Count(']'))
            {
                throw Bad(member, $"an expression '[' is not closed on the line '{line}'");
            }
            char statement = line[0];
            if (realtime is not null && (statement is '{' or '}' || char.IsAsciiLetter(statement) && statement != 't' && realtime.IndexOf(statement, StringComparison.Ordinal) < 0))
            {
                throw Bad(member, $"line events take the statements {string.Join(", ", realtime.ToCharArray())} and t, not '{statement}' (send score structure with ReadScore)");
            }
            if (realtime is not null && statement == 'f')
            {
                CheckTableLine(line, member);
            }
            if (statement is 'i' or 'f' or 'q' or 'a' or 'd' && line.AsSpan(1).TrimStart(" \t") is [char p1, ..] && char.IsAsciiLetter(p1))
            {
                // Replayed in C on both engines: a letter where p1 begins ("i Named 0 1", the fuzzer's "i i i ...")
                // makes the reader read past its text buffer (valgrind). Checked on the span: every input line passes here.
                string first = Fields(line[1..])[0];
                throw Bad(member, $"p1 of an '{statement}' statement begins with a letter ('{first}'); quote an instrument name (i \"{first}\")");
            }
            if (statement == 'y' && line.Contains('\\', StringComparison.Ordinal))
            {
                // Replayed in C on both engines: "y\" at the end of the text (the fuzzer's random text, minimised).
                throw Bad(member, "a 'y' (random seed) line takes a number, not a backslash");
            }
            if (statement == 'b' && loops > 0 && FirstField(line) is < 0)
            {
                // Replayed in C on both engines: "{ 400", "b -1" and an event read freed memory (70 invalid reads).
                throw Bad(member, "a negative clock base ('b') inside a '{' loop");
            }
            if (statement == 'a' && Fields(line[1..]) is { Length: >= 3 } advance && !(ScoreNumber.Parse(advance[2]) is double seconds && seconds <= Csound.MaxAdvance))
            {
                // Reproduced in C on Csound 6: Csound skips an advance cycle by cycle; 1e9 s ran on for hours.
                throw Bad(member, $"an 'a' line skips at most {Csound.MaxAdvance} seconds, not {advance[2]}", "runs for hours on it");
            }
            if (statement is 's' or 'e' && Fields(line[1..]) is [string end, ..] && ScoreNumber.Parse(end) is null && end[0] is not ('$' or '['))
            {
                // Replayed in C on both engines: after "s^", "s1" or "e@" the reader takes a v, B, C or b as a statement
                // without its number ("s^v", "s1v", "e@B": the fuzzer's random text, minimised).
                throw Bad(member, $"an '{statement}' line takes one number, the time it ends at, not '{end}'");
            }
            if (statement is 'e' or 's' or 'y' && raw.Length > MaxControlLine)
            {
                // Reproduced in C: an e, s or y line of about 20,000 characters (blanks included) corrupts the heap (in
                // score text on both engines, as an input line on Csound 7). i, f, a, q, t and the rest survive.
                throw Bad(member, $"an '{statement}' line takes a number or two; this one is {raw.Length} characters (at most {MaxControlLine})");
            }
            if (statement == '{' && StartsWithNumber(line.AsSpan(1)) && (FirstField(line) is not double count || count is < 1 or > MaxLoop || count != Math.Floor(count)))
            {
                // Reproduced in C on both engines: "{ 0" alone crashes the reader (the fuzzer's find); "{ 1" and "{ 2" play.
                throw Bad(member, $"a '{{' loop repeats a whole number of times from 1 to {MaxLoop}");
            }
            if (statement == 'r' && StartsWithNumber(line.AsSpan(1)) && (FirstField(line) is not double times || times is < 1 or > MaxLoop || times != Math.Floor(times)))
            {
                // Reproduced in C on both engines: r 0, r -1 and r 0.5 crash the reader; r 1 and r 2 play.
                throw Bad(member, $"an 'r' section repeats a whole number of times from 1 to {MaxLoop}");
            }
            if (statement is 'r' or 'b' or 'B' or 'v' or '{' or 'C' && !StartsWithNumber(line.AsSpan(1)))
            {
                throw Bad(member, $"the '{statement}' statement needs a number after it ('{line}')");
            }
            loops += statement == '{' ? 1 : statement == '}' ? -1 : 0;
            if (loops < 0)
            {
                throw Bad(member, "a '}' has no '{' before it");
            }
        }
        if (loops != 0)
        {
            throw Bad(member, "a '{' loop is not closed with '}'");
        }
    }

    /// <summary>The longest <c>e</c>, <c>s</c> or <c>y</c> line accepted here, blanks included.</summary>
    public const int MaxControlLine = 1024;

    /// <summary>The most repetitions of a score <c>{</c> loop accepted here.</summary>
    public const int MaxLoop = 100_000;

    /// <summary>Orchestra text: Csound's orchestra lexer also runs off the end of an unterminated <c>/*</c> comment.</summary>
    public static void CheckOrchestra(string orchestra, string member) => CheckComments(orchestra, member, "orchestra");

    private static void CheckComments(string text, string member, string reader)
    {
        // Csound reads C strings: it would see the text only up to a NUL, which every check here would miss
        // ("/*\0*/" reaches Csound 7 as an unclosed comment and crashes it).
        int nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            throw new ArgumentException($"{member}: the {reader} text holds a NUL character (U+0000) at index {nul}; Csound would read it only up to there. Remove it.");
        }
        // Every comment, not just the first: "/* a */ b /* c" runs off the end too.
        int at = 0;
        while ((at = text.IndexOf("/*", at, StringComparison.Ordinal)) >= 0)
        {
            int end = text.IndexOf("*/", at + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new ArgumentException($"{member}: a /* comment is not closed (Csound's {reader} reader crashes on it).");
            }
            at = end + 2;
        }
    }

    // An f line's fields: numbers (finite) or quoted file names; the size (p3) within Csound.MaxTableSize.
    private static void CheckTableLine(string line, string member)
    {
        string[] fields = Fields(line[1..]); // a quoted file name may hold blanks
        for (int i = 0; i < fields.Length; i++)
        {
            if (fields[i].StartsWith('"'))
            {
                continue;
            }
            if (!double.TryParse(fields[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                throw Bad(member, $"an f line takes finite numbers, not '{fields[i]}'");
            }
            if (i == 2 && Math.Abs(value) > Csound.MaxTableSize)
            {
                throw Bad(member, $"a function table holds at most {Csound.MaxTableSize} points, not {fields[i]}");
            }
        }
    }

    /// <summary>A statement's fields after its letter, split on blanks, a quoted name kept whole (with its quotes).</summary>
    public static string[] Fields(string rest)
    {
        var fields = new System.Collections.Generic.List<string>();
        int i = 0;
        while (i < rest.Length)
        {
            while (i < rest.Length && rest[i] is ' ' or '\t')
            {
                i++;
            }
            if (i >= rest.Length || rest[i] == ';')
            {
                break;
            }
            int start = i;
            if (rest[i] == '"')
            {
                int close = rest.IndexOf('"', i + 1);
                i = close < 0 ? rest.Length : close + 1;
            }
            else
            {
                while (i < rest.Length && rest[i] is not (' ' or '\t'))
                {
                    i++;
                }
            }
            fields.Add(rest[start..i]);
        }
        return fields.ToArray();
    }

    // Where a ';' comment begins: not inside a quoted string (Csound reads "a;b" as one string, so what follows the
    // ';' is still read; cutting there hid a '}' that crashed the reader: found by the fuzzer, replayed in C).
    internal static int CommentStart(string line)
    {
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (line[i] == ';' && !quoted)
            {
                return i;
            }
        }
        return -1;
    }

    // Csound's readers take a backslash inside a string as an escape: "\"" stays open ("\";{" left the '{' inside an
    // open string for Csound 7's score reader, which crashed, while a plain count saw the string closed). The escaped
    // character becomes '_' here, so every check below sees the quotes as Csound does; the length is unchanged.
    internal static string MaskEscapes(string line)
    {
        if (!line.Contains('\\', StringComparison.Ordinal) || !line.Contains('"', StringComparison.Ordinal))
        {
            return line;
        }
        char[] chars = line.ToCharArray();
        bool quoted = false;
        for (int i = 0; i < chars.Length; i++)
        {
            if (quoted && chars[i] == '\\' && i + 1 < chars.Length)
            {
                chars[++i] = '_';
            }
            else if (chars[i] == '"')
            {
                quoted = !quoted;
            }
        }
        return new string(chars);
    }

    // The line with its quoted strings (file names) blanked, so that braces and # signs inside them do not count.
    private static string WithoutStrings(string line)
    {
        if (!line.Contains('"', StringComparison.Ordinal))
        {
            return line;
        }
        char[] chars = line.ToCharArray();
        bool quoted = false;
        for (int i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '"')
            {
                quoted = !quoted;
            }
            else if (quoted)
            {
                chars[i] = ' ';
            }
        }
        return new string(chars);
    }

    private static bool HasMacroBody(string line)
    {
        int first = line.IndexOf('#', "#define".Length);
        return first > "#define".Length + 1 && line.IndexOf('#', first + 1) > first;
    }

    // The statement's first field as a number, or null when it is not one.
    private static double? FirstField(string line) =>
        double.TryParse(line[1..].Trim().Split([' ', '\t'])[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value) ? value : null;

    private static bool StartsWithNumber(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart();
        return rest.Length > 0 && (char.IsAsciiDigit(rest[0]) || (rest[0] is '.' or '-' or '+' && rest.Length > 1 && char.IsAsciiDigit(rest[1])));
    }

    private static ArgumentException Bad(string member, string why, string fate = "crashes on it") =>
        new($"{member}: {why} (Csound's score reader {fate}).");
}
