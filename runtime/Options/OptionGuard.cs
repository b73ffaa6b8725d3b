using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;

namespace CsoundBindings.Options;

/// <summary>
/// Checks options before they reach <c>csoundSetOption</c>. Csound's option decoder does not return on some
/// errors (a flag without its value, an unknown long option, an unknown <c>-+</c> variable): it jumps to an
/// error handler that only exists while a compile runs, which takes the whole process down. Those cases are
/// caught here and reported as exceptions with the message Csound would have printed; a flag whose value was
/// split off (<c>-b 512</c>) is rejoined (<c>-b512</c>), since each part goes to Csound alone.
/// </summary>
internal static class OptionGuard
{
    // Short flags that take a value (attached or as the next word), with Csound's complaint when it is missing.
    private static readonly FrozenDictionary<char, string> ValueFlags = new Dictionary<char, string>
    {
        ['U'] = "no utility name", ['i'] = "no infilename", ['o'] = "no outfilename", ['b'] = "no iobufsamps",
        ['B'] = "no hardware bufsamps", ['r'] = "no sample rate", ['k'] = "no control rate", ['m'] = "no message level",
        ['x'] = "no xfilename", ['t'] = "no tempo value", ['L'] = "no Linein score device_name", ['M'] = "no midi device_name",
        ['F'] = "no midifile name", ['Q'] = "no MIDI output device", ['@'] = "No indirection file", ['O'] = "no log file",
        ['j'] = "no number of threads",
    }.ToFrozenDictionary();

    // Csound 6.18's long options (with '=' when they take a value).
    private static readonly string[] LongOptions6 =
    [
        "omacro:", "smacro:", "format=", "aiff", "au", "iobufsamps=", "hardwarebufsamps=", "orc", "cscore", "nodisplays",
        "displays", "defer-gen1", "midifile=", "midioutfile=", "asciidisplay", "postscriptdisplay", "noheader", "heartbeat=",
        "pyvar=", "input=", "i-only", "ircam", "ogg", "mpeg", "control-rate=", "ksmps=", "nopeaks", "score-in=",
        "messagelevel=", "messageolevel=", "m-amps=", "m-range=", "m-warnings=", "m-raw=", "m-dB=", "m-colours=",
        "m-colors=", "m-benchmarks=", "csd-line-nums=", "midi-device=", "nosound", "notify", "output=", "print_version",
        "logfile=", "sample-rate=", "rewrite", "tempo=", "keep-sorted-score=", "keep-sorted-score", "simple-sorted-score=",
        "simple-sorted-score", "expression-opt", "no-expression-opt", "env:", "strset", "terminate-on-midi", "utility=",
        "verbose", "extract-score=", "wave", "list-opcodes", "dither", "dither-uniform", "dither-triangular", "midi-key=",
        "midi-key-cps=", "midi-key-oct=", "midi-key-pch=", "midi-velocity=", "midi-velocity-amp=", "opcode-dir=",
        "opcode-lib=", "default-paths", "no-default-paths", "num-threads=", "syntax-check-only", "version", "help",
        "sample-accurate", "realtime", "nchnls=", "0dbfs=", "nchnls_i=", "sinesize=", "new-parser", "old-parser",
        "sco-parser", "daemon", "port=", "udp-echo", "udp-console=", "udp-mirror-console=", "fftlib=", "vbr-quality=",
        "devices", "midi-devices", "get-system-sr", "use-system-sr", "default-ksmps=", "aft-zero", "limiter=", "limiter",
        "vbr", "sched", "sched=", "format", "strset",
    ];

    // Options that make the csound program print something and exit: inside a host they end in a jump to nowhere.
    private static readonly FrozenDictionary<string, string> ProgramOnly = new Dictionary<string, string>
    {
        ["--version"] = "prints the version and exits the csound program; read Csound.Version instead",
        ["--help"] = "prints the usage and exits the csound program",
        ["-U"] = "runs a Csound utility program instead of a performance; run the csound program for utilities",
        ["--utility"] = "runs a Csound utility program instead of a performance; run the csound program for utilities",
    }.ToFrozenDictionary();

    /// <summary>The most performance threads <c>-j</c> accepts here (Csound creates them all at start).</summary>
    public const int MaxThreads = 256;

    /// <summary>Returns the words to pass one by one, or throws for a word Csound would die on.</summary>
    /// <param name="words">The option string split like a command line.</param>
    /// <param name="generation">6 or 7: the long-option list is Csound 6's (Csound 7 is only checked for values).</param>
    /// <param name="configVariableExists">Whether a <c>-+name</c> configuration variable exists.</param>
    /// <param name="source">Where the options come from, for the message (<c>SetOption("...")</c>, <c>CsOptions</c>).</param>
    public static List<string> Check(IReadOnlyList<string> words, int generation, Func<string, bool> configVariableExists, string? source = null)
    {
        var result = new List<string>();
        for (int i = 0; i < words.Count; i++)
        {
            string word = words[i];
            if (word.Length < 2 || word[0] != '-')
            {
                throw Bad(word, $"'{word}' is not an option (options start with '-')", source);
            }
            string key = word.StartsWith("--", StringComparison.Ordinal) ? word.Split('=')[0] : word[..2];
            if (ProgramOnly.TryGetValue(key, out string? programOnly))
            {
                throw Bad(word, $"{key} {programOnly}", source);
            }
            if (word.StartsWith("-+", StringComparison.Ordinal))
            {
                string name = word[2..].Split('=')[0];
                if (!configVariableExists(name))
                {
                    throw Bad(word, $"unknown configuration variable '{name}' (-+{name}=...)", source);
                }
                result.Add(word);
                continue;
            }
            if (word.StartsWith("--", StringComparison.Ordinal))
            {
                string body = word[2..];
                if (generation == 6 && !LongOptions6.Any(o => o.EndsWith('=') || o.EndsWith(':') ? body.StartsWith(o, StringComparison.Ordinal) : body == o))
                {
                    throw Bad(word, $"unknown long option: '--{body}'", source);
                }
                int equals = body.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    CheckValue(word, generation, body[..equals] switch
                    {
                        "sample-rate" => 'r',
                        "control-rate" => 'k',
                        "ksmps" => 'K',
                        "num-threads" => 'j',
                        _ => '\0',
                    }, body[(equals + 1)..], source);
                }
                result.Add(word);
                continue;
            }
            // A group of short flags: the first one that takes a value takes the rest of the word, or the next word.
            string merged = word;
            for (int c = 1; c < word.Length; c++)
            {
                if (ValueFlags.TryGetValue(word[c], out string? missing))
                {
                    if (c == word.Length - 1)
                    {
                        if (i + 1 >= words.Count || words[i + 1].StartsWith('-'))
                        {
                            throw Bad(word, missing, source);
                        }
                        merged = word + words[++i];
                    }
                    CheckValue(merged, generation, word[c], merged[(c + 1)..], source);
                    break;
                }
            }
            result.Add(merged);
        }
        return result;
    }

    /// <summary>Whether a short-flag word ends with a flag whose value is the next word (<c>-o</c>, <c>-dm</c> then a number).</summary>
    public static bool NeedsNextWord(string word)
    {
        if (word.Length < 2 || word[0] != '-' || word[1] is '-' or '+')
        {
            return false;
        }
        for (int c = 1; c < word.Length; c++)
        {
            if (ValueFlags.ContainsKey(word[c]))
            {
                return c == word.Length - 1;
            }
        }
        return false;
    }

    // Values Csound takes without a check and then crashes on: a sample or control rate that is not positive, a
    // thread count below 1 or one that makes it create a hundred thousand threads.
    private static void CheckValue(string word, int generation, char flag, string value, string? source)
    {
        if (flag is not ('r' or 'k' or 'K' or 'j'))
        {
            return;
        }
        bool number = double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v);
        if (flag == 'j')
        {
            if (!number || v < 1 || v > MaxThreads || v != Math.Floor(v))
            {
                throw Bad(word, $"the number of threads must be a whole number from 1 to {MaxThreads}, not '{value}'", source);
            }
            if (v > 1)
            {
                // Reproduced in C on both: create, -j2, start, (perform,) destroy in a loop. Csound 7.0: SIGSEGV at
                // destroy in 4 runs of 5. Csound 6.18: its worker threads race their own registration ("Bad
                // ThreadId", then SIGSEGV) in 6 runs of 6 once the machine is busy.
                string engine = generation >= 7 ? "Csound 7.0" : "Csound 6.18";
                throw Bad(word, $"{engine} crashes with more than one performance thread (its worker threads race at start and at destroy); run it with one thread (-j1)", source);
            }
        }
        else if (!number || !(v > 0) || double.IsInfinity(v))
        {
            string what = flag == 'r' ? "sample rate" : flag == 'k' ? "control rate" : "ksmps";
            throw Bad(word, $"the {what} must be a positive number, not '{value}'", source);
        }
    }

    /// <summary>
    /// Checks the options of a CSD's <c>&lt;CsOptions&gt;</c> section before Csound reads them (they reach the same
    /// decoder as <see cref="Check"/>'s); throws for the first one Csound would die on.
    /// </summary>
    public static void CheckCsd(string csd, int generation, Func<string, bool> configVariableExists)
    {
        int open = csd.IndexOf("<CsOptions>", StringComparison.Ordinal);
        if (open < 0)
        {
            return;
        }
        int start = open + "<CsOptions>".Length;
        int close = csd.IndexOf("</CsOptions>", start, StringComparison.Ordinal);
        string section = close < 0 ? csd[start..] : csd[start..close];
        var words = new List<string>();
        foreach (string line in section.Split('\n'))
        {
            // Csound reads a line up to a ';' or '#' comment.
            int comment = line.IndexOfAny([';', '#']);
            words.AddRange(OptionSplitter.Split(comment < 0 ? line : line[..comment]));
        }
        Check(words, generation, configVariableExists, "CsOptions");
    }

    private static CsoundException Bad(string word, string why, string? source) =>
        new(source is null ? $"SetOption(\"{word}\")" : $"{source} \"{word}\"", (int)CsoundStatus.Error, "Csound Command ERROR: " + why);
}
