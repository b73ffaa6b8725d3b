using System.Globalization;
using CsoundBindings.Interop.Api7;
using CsoundBindings.Native;

namespace CsoundBindings.Engine;

/// <summary>Score control over the Csound 7 bindings, emulating what it removed.</summary>
internal sealed unsafe partial class Api7Engine
{
    // Csound 7 has no absolute events: p2 is shifted so the event lands at offset + p2 of performance time.
    public override int ScoreEventAbsolute(nint cs, char type, double* fields, int count, double offset)
    {
        CheckEventType(type, "ife", 7);
        if (count > 1)
        {
            double now = Methods.csoundGetScoreTime(C(cs));
            fields[1] = System.Math.Max(0, fields[1] + offset - now);
        }
        return ScoreEvent(cs, type, fields, count, async: false);
    }

    public override void InputMessageAsync(nint cs, byte* text) => Methods.csoundEventString(C(cs), (sbyte*)text, 1);

    // Csound 7 removed csoundKillInstance: the same effect through the turnoff2_i opcode, run as global code.
    public override int KillInstance(nint cs, double instrument, string? name, int mode, bool allowRelease)
    {
        string target = name is null ? instrument.ToString("R", CultureInfo.InvariantCulture) : "\"" + name.Replace("\"", "\\\"", System.StringComparison.Ordinal) + "\"";
        string code = $"turnoff2_i {target}, {mode.ToString(CultureInfo.InvariantCulture)}, {(allowRelease ? 1 : 0)}\n";
        using var utf8 = new Utf8Text(code);
        fixed (byte* p = utf8)
        {
            return Methods.csoundCompileOrc(C(cs), (sbyte*)p, 0);
        }
    }
}
