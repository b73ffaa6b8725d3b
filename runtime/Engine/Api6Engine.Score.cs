using CsoundBindings.Interop.Api6;
using CsoundBindings.Native;

namespace CsoundBindings.Engine;

/// <summary>Score control over the Csound 6 bindings.</summary>
internal sealed unsafe partial class Api6Engine
{
    public override int ScoreEventAbsolute(nint cs, char type, double* fields, int count, double offset)
    {
        CheckEventType(type, "aifqe", 6);
        return Methods.csoundScoreEventAbsolute(C(cs), (sbyte)type, fields, count, offset);
    }

    public override void InputMessageAsync(nint cs, byte* text) => Methods.csoundInputMessageAsync(C(cs), (sbyte*)text);

    public override bool IsScorePending(nint cs) => Methods.csoundIsScorePending(C(cs)) != 0;

    public override void SetScorePending(nint cs, bool pending) => Methods.csoundSetScorePending(C(cs), pending ? 1 : 0);

    public override double ScoreOffsetSeconds(nint cs) => Methods.csoundGetScoreOffsetSeconds(C(cs));

    public override void SetScoreOffsetSeconds(nint cs, double seconds) => Methods.csoundSetScoreOffsetSeconds(C(cs), seconds);

    public override void RewindScore(nint cs) => Methods.csoundRewindScore(C(cs));

    public override void KeyPress(nint cs, byte key) => Methods.csoundKeyPress(C(cs), (sbyte)key);

    public override int KillInstance(nint cs, double instrument, string? name, int mode, bool allowRelease)
    {
        using var utf8 = new Utf8Text(name);
        fixed (byte* p = utf8)
        {
            return Methods.csoundKillInstance(C(cs), instrument, utf8.IsNull ? null : (sbyte*)p, mode, allowRelease ? 1 : 0);
        }
    }
}
