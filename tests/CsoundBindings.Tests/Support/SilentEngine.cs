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
}
