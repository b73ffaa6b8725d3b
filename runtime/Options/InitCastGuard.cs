using System;
using System.Text.RegularExpressions;

namespace CsoundBindings.Options;

/// <summary>
/// Csound's <c>i()</c> (the init-time value of its argument) called with nothing in it, which both engines' parsers
/// crash on, refused before Csound parses it. Replayed alone in C on a fresh engine: Csound 6 crashes on <c>ix = i()</c>
/// and <c>print i ()</c>; Csound 7 on <c>ix = 1 + i()</c> and <c>print i()</c>, and on a statement with no outputs whose
/// only argument is the bare word <c>i</c> (<c>print i</c>, <c>ftgen i</c>, <c>printk2 i:k</c>: it reads a lone type
/// letter as a call with no argument, and reports that for <c>k</c>). Found by the free-text fuzzer (<c>ftgen i//</c>).
/// </summary>
internal static partial class InitCastGuard
{
    // i( ) with only blanks inside, as a word of its own (not a macro's $i, not part of a longer name).
    [GeneratedRegex(@"(?<![\w$.])i[ \t]*\([ \t]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex EmptyCall();

    // A statement (after an optional label) of one word and the single argument i, optionally typed (i:k) or called.
    [GeneratedRegex(@"^[ \t]*(?:\w+:[ \t]*)?(?!(?:instr|goto|igoto|kgoto|tigoto|reinit|rigoto)\b)[A-Za-z_]\w*[ \t]+(i)[ \t]*(?::[ \t]*\w+)?[ \t]*(?:\r?$|;|//|/\*)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex LoneArgument();

    public static void Check(string orchestra, int generation, string member)
    {
        if (!orchestra.Contains('i', StringComparison.Ordinal))
        {
            return;
        }
        foreach (Match call in EmptyCall().Matches(orchestra))
        {
            if (OrchestraCode.IsCode(orchestra, call.Index))
            {
                throw new CsoundCompileException(member, (int)CsoundStatus.Error,
                    "Unable to find opcode entry for 'i' with matching argument types: i() needs the value to read at init time (refused before parsing: Csound's parser crashes on an empty i())");
            }
        }
        if (generation < 7)
        {
            return; // Csound 6 reads a lone i as a variable: defined (i = 1), print i is valid there
        }
        foreach (Match statement in LoneArgument().Matches(orchestra))
        {
            if (OrchestraCode.IsCode(orchestra, statement.Groups[1].Index))
            {
                throw new CsoundCompileException(member, (int)CsoundStatus.Error,
                    "opcode 'i' for expression with arg types (null) not found: Csound 7 reads a lone i argument as i() with nothing in it (refused before parsing: it crashes on it); name the variable otherwise, e.g. ival");
            }
        }
    }
}
