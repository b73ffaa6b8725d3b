using System.Collections.Generic;
using CsoundBindings.Interop.Api6;

namespace CsoundBindings.Engine;

/// <summary>The seam over Csound 6.18's bindings (libcsound64.so.6.0, libcsnd6).</summary>
internal sealed unsafe partial class Api6Engine : SharedEngine<CsoundBindings.Interop.Api6Functions>
{
    private static CSOUND* C(nint cs) => (CSOUND*)cs;

    public override int Generation => 6;

    public override bool PerformReturnsCycleCode => true;

    public override int ApiVersion() => Methods.csoundGetAPIVersion();

    public override nint Create(nint hostData) => (nint)Methods.csoundCreate((void*)hostData);

    // Csound 6.18 takes one option per call (a string with spaces corrupts the option), so each part goes alone.
    public override int SetOptions(nint cs, IReadOnlyList<string> options, string whole)
    {
        int result = 0;
        foreach (string option in options)
        {
            using var text = new Native.Utf8Text(option);
            fixed (byte* p = text)
            {
                result |= Methods.csoundSetOption(C(cs), (sbyte*)p);
            }
        }
        return result;
    }

    public override int CompileOrc(nint cs, byte* text, bool async) =>
        async ? Methods.csoundCompileOrcAsync(C(cs), (sbyte*)text) : Methods.csoundCompileOrc(C(cs), (sbyte*)text);

    public override int CompileCsd(nint cs, byte* pathOrText, bool isText) =>
        isText ? Methods.csoundCompileCsdText(C(cs), (sbyte*)pathOrText) : Methods.csoundCompileCsd(C(cs), (sbyte*)pathOrText);

    public override int ReadScore(nint cs, byte* text) => Methods.csoundReadScore(C(cs), (sbyte*)text);

    public override void InputMessage(nint cs, byte* text) => Methods.csoundInputMessage(C(cs), (sbyte*)text);

    public override void Stop(nint cs) => Methods.csoundStop(C(cs));

    public override int Cleanup(nint cs) => Methods.csoundCleanup(C(cs));

    public override int Nchnls(nint cs) => (int)Methods.csoundGetNchnls(C(cs));

    public override int NchnlsInput(nint cs) => (int)Methods.csoundGetNchnlsInput(C(cs));

    public override int ScoreEvent(nint cs, char type, double* fields, int count, bool async)
    {
        CheckEventType(type, "aifqe", 6);
        if (async)
        {
            Methods.csoundScoreEventAsync(C(cs), (sbyte)type, fields, count);
            return 0;
        }
        return Methods.csoundScoreEvent(C(cs), (sbyte)type, fields, count);
    }

    public override List<OpcodeDef>? NativeOpcodeList(nint cs)
    {
        opcodeListEntry* list;
        int count = Methods.csoundNewOpcodeList(C(cs), &list);
        if (count < 0)
        {
            return null;
        }
        try
        {
            var result = new List<OpcodeDef>(count);
            for (int i = 0; i < count; i++)
            {
                result.Add(new OpcodeDef(
                    Native.Utf8Text.Read(list[i].opname) ?? string.Empty,
                    Native.Utf8Text.Read(list[i].outypes) ?? string.Empty,
                    Native.Utf8Text.Read(list[i].intypes) ?? string.Empty,
                    list[i].flags));
            }
            return result;
        }
        finally
        {
            Methods.csoundDisposeOpcodeList(C(cs), list);
        }
    }
}
