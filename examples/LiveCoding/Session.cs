namespace LiveCoding;

/// <summary>The code a live coder types during the session, in the order it is sent.</summary>
internal static class Session
{
    /// <summary>The opening: a loop that plays one note of <c>Voice</c> every half second, at the root.</summary>
    public const string Start = """
        sr = 44100
        ksmps = 64
        nchnls = 1
        0dbfs = 1

        gkRoot init 220

        instr Loop
          if metro(2) == 1 then
            schedulek "Voice", 0, 0.4, gkRoot
          endif
        endin

        instr Voice
          aenv linen 0.3, 0.01, p3, 0.05
          out oscili(aenv, p4)
        endin

        schedule "Loop", 0, -1
        """;

    /// <summary>Voice redefined while the loop plays: the notes after it sound a fifth above the root.</summary>
    public const string Fifth = """
        instr Voice
          aenv linen 0.3, 0.01, p3, 0.05
          out oscili(aenv, p4 * 1.5)
        endin
        """;

    /// <summary>A typing mistake: Csound refuses it and the running instruments are untouched.</summary>
    public const string Typo = """
        instr Voice
          aenv linen 0.3, 0.01, p3, 0.05
          out oscili(aenv, p4 *)
        endin
        """;

    /// <summary>A new root for the loop, evaluated while it plays; <c>return</c> hands the value back to the host.</summary>
    public const string NewRoot = """
        gkRoot init 300
        return 300
        """;
}
