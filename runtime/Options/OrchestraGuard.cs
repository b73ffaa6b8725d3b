using System;
using System.Text.RegularExpressions;

namespace CsoundBindings.Options;

/// <summary>Orchestra constructs a loaded Csound is known to crash on, refused before Csound parses them.</summary>
internal static partial class OrchestraGuard
{
    // "Snames[] chnget ..." (a string array read from a channel), also as Snames[]:S[] or with gS names.
    [GeneratedRegex(@"\bg?S\w*\[\](\s*:\s*S\[\])?\s+chnget\b", RegexOptions.CultureInvariant)]
    private static partial Regex StringArrayChnget();

    // A bare "instr" at the start of a line: no name or number before the line's end or a comment.
    [GeneratedRegex(@"^[ \t]*instr[ \t]*(?:\r?$|;|//|/\*)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex NamelessInstr();

    // ftgen or ftgenonce (opcode or function form) up to its fifth argument: ifn, itime, isize, igen, the file.
    [GeneratedRegex(@"\bftgen(?:once)?\b[ \t]*\(?[ \t]*([^,\n]*),[ \t]*([^,\n]*),[ \t]*([^,\n]*),[ \t]*([^,\n]*),[ \t]*(""[^""\n]*""|[^,\n)]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Ftgen();

    // "#define NAME(" and then only parameter names and separators to the end of the text.
    [GeneratedRegex(@"#[ \t]*define\s*[A-Za-z_]\w*\([\s\w'#]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex OpenMacroParameters();

    // turnoff with a number, or a header constant, as its argument (an instance handle goes there).
    [GeneratedRegex(@"(?<![\w.$])turnoff\b[ \t]*\(?[ \t]*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|sr|kr|ksmps|nchnls|nchnls_i|0dbfs|A4)[ \t]*\)?[ \t]*(?:\r?$|;|//|/\*)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TurnoffNumber();

    public static void Check(string orchestra, int generation, string member, Func<string, string?> environment)
    {
        CheckOpenStringAtEnd(orchestra, member);
        // Replayed in C on both engines: the preprocessor reads the parameter names of a macro up to ')' and past the
        // end of the text when there is none ("#defineo(", "#define o(a#b": the fuzzer's mutated orchestra).
        if (orchestra.Contains("define", StringComparison.Ordinal) && OpenMacroParameters().Match(orchestra) is { Success: true } macro && OrchestraCode.IsCode(orchestra, macro.Index))
        {
            throw new ArgumentException($"{member}: the parameter list of a #define is not closed with ')' before the end of the text (Csound's preprocessor reads past the text on it and crashes).");
        }
        // Replayed in C on both engines: turnoff with an argument reads it as the address of an instance (what
        // nstance returns), so a number there crashes it when the line runs, in global code or in an instrument.
        if (orchestra.Contains("turnoff", StringComparison.Ordinal))
        {
            foreach (Match call in TurnoffNumber().Matches(orchestra))
            {
                if (ScoreNumber.Parse(call.Groups[1].Value) is not 0.0 && OrchestraCode.IsCode(orchestra, call.Index))
                {
                    throw new ArgumentException($"{member}: turnoff with an argument takes an instance handle from nstance, not '{call.Groups[1].Value}' (Csound reads it as a memory address and crashes on it); turnoff alone stops the instrument it is in, turnoff2 stops an instrument by number.");
                }
            }
        }
        // Replayed in C: after a whole instrument, Csound 7 reports the bare "instr" and then crashes in its parser's
        // clean-up (the fuzzer's CSD and "instr//..." forms); Csound 6 reports it. Csound's own words, before parsing.
        if (orchestra.Contains("instr", StringComparison.Ordinal) && NamelessInstr().IsMatch(orchestra))
        {
            throw new CsoundCompileException(member, (int)CsoundStatus.Error, "No number following instr (refused before parsing: Csound 7 crashes on it after a whole instrument)");
        }
        InitCastGuard.Check(orchestra, generation, member);
        if (orchestra.Contains("ftgen", StringComparison.Ordinal))
        {
            CheckFtgenFiles(orchestra, generation, environment);
        }
        // Csound 7.0 (this snapshot) dereferences a null string when chnget copies a string array channel: SIGSEGV
        // at the first cycle, replayed in C without the SDK.
        if (generation >= 7 && orchestra.Contains("chnget", StringComparison.Ordinal) && StringArrayChnget().IsMatch(orchestra))
        {
            throw new NotSupportedException(
                $"{member}: Csound 7.0 crashes when chnget reads a string array (S[]) from a channel. Pass the strings through string channels (chnget of an S variable), or read and write the elements from the host with ArrayChannel.GetString/SetString.");
        }
    }

    // Replayed in C on the text's last line (no line end after it): a backslash inside a string that ends the text
    // (blanks after it dropped) sends the lexer's escape past the end ("\"\\" on both engines; "S \"a\\ " and
    // "\"ab\\\\\\" on Csound 7: invalid reads, and a SIGSEGV through the SDK, the fuzzer's find), and so does an escaped
    // ';' in a string, closed or not ("S1 = \"a\\;b\"" and the fuzzer's "\"\\;" on both engines). With a line end after
    // it, both report an error instead.
    private static void CheckOpenStringAtEnd(string orchestra, string member)
    {
        ReadOnlySpan<char> line = orchestra.AsSpan()[(orchestra.LastIndexOf('\n') + 1)..];
        if (!line.Contains('\\'))
        {
            return;
        }
        ReadOnlySpan<char> text = line.TrimEnd(" \t");
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            if (quoted && text[i] == '\\')
            {
                if (i == text.Length - 1)
                {
                    throw new ArgumentException($"{member}: a string (\") is left open at the end of the text, after a backslash; close it (Csound's orchestra reader reads past the text on it and crashes).");
                }
                if (text[i + 1] == ';')
                {
                    throw new ArgumentException($"{member}: a string on the last line of the text holds an escaped ';' (\\;); end the text with a line end, or write the ';' without the backslash (Csound's orchestra reader reads past the text on it and crashes).");
                }
                i++; // an escape: the next character is the string's
            }
            else if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (text[i] == ';' || (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/')))
            {
                return; // a comment to the end of the line
            }
        }
    }

    // A GEN01 table of deferred size made in orchestra code reads its file at once, and Csound 7 exits the process (a
    // global ftgen: exit code 1 in C) or hangs (ftgenonce in an instrument) when it does not open. Literal arguments
    // only: a size, GEN number or file held in a variable is not known before Csound runs the code.
    private static void CheckFtgenFiles(string orchestra, int generation, Func<string, string?> environment)
    {
        foreach (Match call in Ftgen().Matches(orchestra))
        {
            if (call.Groups[4].Value.Trim() == "\"padsynth\"")
            {
                SoundFileGuard.CheckPadsynth(Arguments(orchestra, call.Index));
            }
            if (ScoreNumber.Parse(call.Groups[3].Value) is not double size || ScoreNumber.Parse(call.Groups[4].Value) is not double gen)
            {
                continue;
            }
            SoundFileGuard.CheckDeferredSize(size, gen, generation);
            if (!SoundFileGuard.IsDeferredGen01(size, gen))
            {
                continue;
            }
            string file = call.Groups[5].Value.Trim();
            string? name = file.StartsWith('"') ? file.Trim('"') : ScoreNumber.Parse(file) is double n ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"soundin.{(long)n}") : null;
            if (name is not null)
            {
                SoundFileGuard.CheckFile(name, ScoreNumber.Parse(call.Groups[1].Value) ?? 0, environment);
            }
        }
    }

    // How many arguments the call at 'at' has: its commas to the line's end or a comment, outside strings and brackets, plus one.
    private static int Arguments(string orchestra, int at)
    {
        int count = 1, depth = 0;
        bool quoted = false;
        int after = at;
        while (after < orchestra.Length && char.IsAsciiLetter(orchestra[after]))
        {
            after++; // the opcode's name
        }
        while (after < orchestra.Length && orchestra[after] is ' ' or '\t')
        {
            after++;
        }
        int level = after < orchestra.Length && orchestra[after] == '(' ? 1 : 0; // ftgen(...) counts inside its parentheses
        for (int i = at; i < orchestra.Length && orchestra[i] != '\n'; i++)
        {
            char c = orchestra[i];
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';' || (c == '/' && i + 1 < orchestra.Length && orchestra[i + 1] is '/' or '*'))
            {
                break;
            }
            else if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']')
            {
                depth--;
            }
            else if (c == ',' && depth == level)
            {
                count++;
            }
        }
        return count;
    }
}
