using System;
using System.IO;
using System.Text;

namespace CsoundBindings.Options;

/// <summary>
/// Checks every <c>#include</c> in orchestra text before Csound's preprocessor reads it. That preprocessor copies the
/// name into a 100-byte buffer without a bound and, on Csound 7, cannot recover when the file does not open (both
/// crash the process, reproduced in C). The file is resolved as Csound resolves it: the name as given (relative to
/// the working folder), then each folder of the engine's <c>INCDIR</c>. What Csound could not open is a
/// <see cref="CsoundCompileException"/> with Csound's own message, on both engines.
/// </summary>
internal static class IncludeGuard
{
    private const string Directive = "#include";

    /// <summary>The longest name Csound's preprocessor holds, in bytes.</summary>
    public const int MaxNameBytes = 99;

    /// <summary>Throws for the first include Csound could not take.</summary>
    /// <param name="text">Orchestra or CSD text.</param>
    /// <param name="member">The caller's name, for the message.</param>
    /// <param name="includeDirs">The engine's INCDIR (folders separated by ':' or ';'), or null.</param>
    public static void Check(string text, string member, string? includeDirs)
    {
        for (int at = text.IndexOf(Directive, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Directive, at + 1, StringComparison.Ordinal))
        {
            if (!OrchestraCode.IsCode(text, at))
            {
                continue; // the word inside a string or a comment, which Csound's preprocessor skips too
            }
            bool fromString = string.CompareOrdinal(text, at + Directive.Length, "str", 0, 3) == 0;
            string? name = fromString ? NextString(text, at + Directive.Length + 3) : NameAt(text, at + Directive.Length);
            if (name is null)
            {
                continue; // not closed on its line: Csound warns "Ill formed #include ignored"
            }
            if (Encoding.UTF8.GetByteCount(name) > MaxNameBytes)
            {
                throw new CsoundCompileException(member, (int)CsoundStatus.Error,
                    $"#include'd file name longer than {MaxNameBytes} bytes: {name} (Csound's preprocessor overflows its buffer on it; use INCDIR and a shorter relative name)");
            }
            if (!Resolves(name, includeDirs))
            {
                throw new CsoundCompileException(member, (int)CsoundStatus.Error, $"Cannot open #include'd file {name}");
            }
        }
    }

    // As Csound's preprocessor reads it: after the directive it skips blanks, tabs and whole line ends (the name may
    // start on a later line), then any other character, a carriage return included, delimits the name, which ends at
    // that character again; a line end or NUL first makes it "Ill formed" and ignored.
    private static string? NameAt(string text, int from)
    {
        int i = from;
        while (i < text.Length && text[i] is ' ' or '\t' or '\n')
        {
            i++;
        }
        if (i >= text.Length || text[i] == '\0')
        {
            return null;
        }
        char delimiter = text[i];
        int end = i + 1;
        while (end < text.Length && text[end] != delimiter)
        {
            if (text[end] is '\n' or '\0')
            {
                return null;
            }
            end++;
        }
        return end < text.Length ? text[(i + 1)..end] : null;
    }

    // #includestr takes its name from the next string literal, wherever it stands (the fuzzer's "#includestr Named"
    // then "%d" a line later made Csound 7 include "%d" and crash). A name built from macros ($) is left to Csound.
    private static string? NextString(string text, int from)
    {
        int open = text.IndexOf('"', from);
        int close = open < 0 ? -1 : text.IndexOf('"', open + 1);
        if (close < 0)
        {
            return null;
        }
        string name = text[(open + 1)..close];
        return name.Contains('$', StringComparison.Ordinal) ? null : name;
    }

    private static bool Resolves(string name, string? includeDirs)
    {
        if (File.Exists(name) || Directory.Exists(name))
        {
            return true;
        }
        if (Path.IsPathRooted(name) || includeDirs is null)
        {
            return false;
        }
        foreach (string folder in includeDirs.Split([':', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (File.Exists(Path.Combine(folder, name)))
            {
                return true;
            }
        }
        return false;
    }
}
