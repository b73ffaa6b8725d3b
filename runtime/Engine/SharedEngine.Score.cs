using CsoundBindings.Interop;

namespace CsoundBindings.Engine;

/// <summary>Score clock and keyboard: the calls both API generations declare alike, written once over <see cref="ICsoundFunctions"/>.</summary>
internal abstract unsafe partial class SharedEngine<TFunctions>
{
    public override bool IsScorePending(nint cs) => TFunctions.csoundIsScorePending(cs) != 0;

    public override void SetScorePending(nint cs, bool pending) => TFunctions.csoundSetScorePending(cs, pending ? 1 : 0);

    public override double ScoreOffsetSeconds(nint cs) => TFunctions.csoundGetScoreOffsetSeconds(cs);

    public override void SetScoreOffsetSeconds(nint cs, double seconds) => TFunctions.csoundSetScoreOffsetSeconds(cs, seconds);

    public override void RewindScore(nint cs) => TFunctions.csoundRewindScore(cs);

    public override void KeyPress(nint cs, byte key) => TFunctions.csoundKeyPress(cs, (sbyte)key);
}
