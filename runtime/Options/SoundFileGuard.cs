using System;
using System.Globalization;
using System.IO;

namespace CsoundBindings.Options;

/// <summary>
/// GEN01 tables of deferred size (<c>f N t 0 1 file ...</c>: p3 = 0, p4 = ±1) read their file at once, and Csound 7
/// crashes when it does not open (reproduced in C; Csound 6 reports it). Such a table's file is looked for as Csound
/// looks for it (the name as given, then along the engine's SFDIR and SSDIR; a number N means <c>soundin.N</c>) and a
/// missing one is a <see cref="FileNotFoundException"/> with Csound's words, on both engines. Tables with a size are
/// left to Csound, which survives a missing file there.
/// </summary>
internal static class SoundFileGuard
{
    /// <summary>An <c>f</c> event's p-fields (from p1).</summary>
    public static void CheckEvent(ReadOnlySpan<double> pfields, int generation, Func<string, string?> environment)
    {
        if (pfields.Length >= 4)
        {
            CheckDeferredSize(pfields[2], pfields[3], generation);
        }
        // Csound truncates the size and the GEN number: 1e-70 is a size of 0, -1.5 is GEN -1.
        if (pfields.Length >= 5 && IsDeferredGen01(pfields[2], pfields[3]))
        {
            CheckFile(string.Create(CultureInfo.InvariantCulture, $"soundin.{(long)pfields[4]}"), pfields[0], environment);
        }
    }

    /// <summary>The <c>f</c> lines of score text.</summary>
    public static void CheckText(string text, int generation, Func<string, string?> environment)
    {
        // Runs on every input message: only an f line allocates anything.
        foreach (ReadOnlySpan<char> raw in text.AsSpan().EnumerateLines())
        {
            ReadOnlySpan<char> line = raw.Trim();
            if (line.IsEmpty || line[0] != 'f')
            {
                continue;
            }
            string[] fields = ScoreGuard.Fields(line[1..].ToString());
            if (fields.Length >= 4 && ScoreNumber.Parse(fields[2]) is double tableSize && ScoreNumber.Parse(fields[3]) is double genNumber)
            {
                CheckDeferredSize(tableSize, genNumber, generation);
            }
            if (fields.Length >= 5 && ScoreNumber.Parse(fields[2]) is double size && ScoreNumber.Parse(fields[3]) is double gen && IsDeferredGen01(size, gen))
            {
                string file = fields[4].StartsWith('"') ? fields[4].Trim('"') : $"soundin.{(long)(ScoreNumber.Parse(fields[4]) ?? 0)}";
                CheckFile(file, ScoreNumber.Parse(fields[0]) ?? 0, environment);
            }
        }
    }

    // The size and GEN number as Csound reads them (ScoreNumber.CsoundInteger).
    internal static bool IsDeferredGen01(double size, double gen) => ScoreNumber.CsoundInteger(size) == 0 && ScoreNumber.CsoundInteger(gen) is 1 or -1;

    // Csound 7 hands a deferred size (0) to a GEN above 60 (a plug-in GEN given by number) and then reads the table
    // that GEN did not make: SIGSEGV, replayed alone in C as an event, a score line and ftgen (the fuzzer's f event
    // with GEN 66). Its own rule, in its own words; Csound 6 survives it. A GEN given by name is not checked.
    // The padsynth GEN reads p5 to p10 whatever the statement holds: with 5 to 9 p-fields it aborts the process (a
    // C++ length error) or crashes, replayed alone in C on both engines (f 1 0 16 66 116, 66 being padsynth on Csound
    // 6 here; ftgen by name on both). With 4 Csound reports the missing arguments; with 10 or more it plays.
    internal static void CheckPadsynth(int pfields)
    {
        if (pfields is >= 5 and <= 9)
        {
            throw new ArgumentException($"the padsynth GEN takes at least 10 p-fields (p5 to p10, then the partials' amplitudes), not {pfields} (Csound's padsynth reads them anyway and crashes the process).");
        }
    }

    internal static void CheckDeferredSize(double size, double gen, int generation)
    {
        if (generation >= 7 && ScoreNumber.CsoundInteger(size) == 0 && Math.Abs((long)ScoreNumber.CsoundInteger(gen)) > 60)
        {
            throw new ArgumentException("deferred size for GENs 1, 2, 23, 28 or 49 only (Csound 7 crashes on a deferred size for a plug-in GEN given by number); give the table a size.");
        }
    }

    internal static void CheckFile(string name, double table, Func<string, string?> environment)
    {
        if (File.Exists(name))
        {
            return;
        }
        if (!Path.IsPathRooted(name))
        {
            foreach (string variable in (ReadOnlySpan<string>)["SFDIR", "SSDIR"])
            {
                foreach (string folder in (environment(variable) ?? string.Empty).Split([':', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (File.Exists(Path.Combine(folder, name)))
                    {
                        return;
                    }
                }
            }
        }
        throw new FileNotFoundException(
            string.Create(CultureInfo.InvariantCulture, $"ftable {Math.Truncate(table)}: Failed to open file {name} (refused before Csound reads it: Csound 7 crashes on a GEN01 table of deferred size whose file does not open)"), name);
    }
}
