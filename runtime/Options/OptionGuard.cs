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

    /// <summary>Returns the words to pass one by one, or throws for a word Csound would die on.</summary>
    /// <param name="words">The option string split like a command line.</param>
    /// <param name="generation">6 or 7: the long-option list is Csound 6's (Csound 7 is only checked for values).</param>
    /// <param name="configVariableExists">Whether a <c>-+name</c> configuration variable exists.</param>
    public static List<string> Check(IReadOnlyList<string> words, int generation, Func<string, bool> configVariableExists)
    {
        var result = new List<string>();
        for (int i = 0; i < words.Count; i++)
        {
            string word = words[i];
            if (word.Length < 2 || word[0] != '-')
            {
                throw Bad(word, $"'{word}' is not an option (options start with '-')");
            }
            if (word.StartsWith("-+", StringComparison.Ordinal))
            {
                string name = word[2..].Split('=')[0];
                if (!configVariableExists(name))
                {
                    throw Bad(word, $"unknown configuration variable '{name}' (-+{name}=...)");
                }
                result.Add(word);
                continue;
            }
            if (word.StartsWith("--", StringComparison.Ordinal))
            {
                string body = word[2..];
                if (generation == 6 && !LongOptions6.Any(o => o.EndsWith('=') || o.EndsWith(':') ? body.StartsWith(o, StringComparison.Ordinal) : body == o))
                {
                    throw Bad(word, $"unknown long option: '--{body}'");
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
                            throw Bad(word, missing);
                        }
                        merged = word + words[++i];
                    }
                    break;
                }
            }
            result.Add(merged);
        }
        return result;
    }

    private static CsoundException Bad(string word, string why) =>
        new($"SetOption(\"{word}\")", (int)CsoundStatus.Error, "Csound Command ERROR: " + why);
}
