namespace CsoundBindings.Tests.Support;

/// <summary>An engine with no audio output and no console noise, its orchestra compiled.</summary>
internal static class SilentEngine
{
    public const string Header = "sr=44100\nksmps=64\nnchnls=1\n0dbfs=1\n";

    public static Csound Create(string orchestra)
    {
        var cs = new Csound();
        cs.Message += (_, _) => { };
        cs.SetOption("-n -d");
        cs.CompileOrc(orchestra);
        return cs;
    }

    /// <summary>An engine with an empty instrument 1, started and one cycle performed: where hostile input is sent.</summary>
    public static Csound Started()
    {
        Csound cs = Create(Header + "instr 1\nendin\n");
        cs.Start();
        cs.PerformKsmps();
        return cs;
    }
}
