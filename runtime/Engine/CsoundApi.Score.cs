namespace CsoundBindings.Engine;

/// <summary>Score clock, absolute and asynchronous events, instance control.</summary>
internal abstract unsafe partial class CsoundApi
{
    /// <summary>An event whose p2 counts from <paramref name="offset"/> seconds of performance time.</summary>
    public abstract int ScoreEventAbsolute(nint cs, char type, double* fields, int count, double offset);

    public abstract void InputMessageAsync(nint cs, byte* text);

    public abstract bool IsScorePending(nint cs);

    public abstract void SetScorePending(nint cs, bool pending);

    public abstract double ScoreOffsetSeconds(nint cs);

    public abstract void SetScoreOffsetSeconds(nint cs, double seconds);

    public abstract void RewindScore(nint cs);

    public abstract void KeyPress(nint cs, byte key);

    /// <summary>Turns off instances of an instrument by number (or by name when <paramref name="name"/> is not null).</summary>
    public abstract int KillInstance(nint cs, double instrument, string? name, int mode, bool allowRelease);
}
