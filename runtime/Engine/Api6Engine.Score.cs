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

    public override int KillInstance(nint cs, double instrument, string? name, int mode, bool allowRelease)
    {
        using var utf8 = new Utf8Text(name);
        fixed (byte* p = utf8)
        {
            return Methods.csoundKillInstance(C(cs), instrument, utf8.IsNull ? null : (sbyte*)p, mode, allowRelease ? 1 : 0);
        }
    }
}
