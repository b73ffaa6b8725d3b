using System.Collections.Generic;
using CsoundBindings.Interop.Api7;

namespace CsoundBindings.Engine;

/// <summary>The seam over Csound 7's bindings: maps renamed and merged calls, emulates removed ones.</summary>
internal sealed unsafe partial class Api7Engine : SharedEngine<CsoundBindings.Interop.Api7Functions>
{
    private const int InstrEvent = 0;
    private const int TableEvent = 1;
    private const int EndEvent = 2;

    private static CSOUND* C(nint cs) => (CSOUND*)cs;

    public override int Generation => 7;

    public override bool PerformReturnsCycleCode => false;

    // API 7 has no separate API version: it equals the library version.
    public override int ApiVersion() => Methods.csoundGetVersion();

    // The plug-in folder stays NULL: at this Csound 7.0 commit a non-null folder hangs csoundCreate (it is copied
    // with the engine's allocator before the engine's memory is set up). LoadPlugins loads a folder instead.
    public override nint Create(nint hostData) => (nint)Methods.csoundCreate((void*)hostData, null);

    public override int SetOptions(nint cs, IReadOnlyList<string> options, string whole)
    {
        using var text = new Native.Utf8Text(whole);
        fixed (byte* p = text)
        {
            return Methods.csoundSetOption(C(cs), (sbyte*)p);
        }
    }

    public override int CompileOrc(nint cs, byte* text, bool async) => Methods.csoundCompileOrc(C(cs), (sbyte*)text, async ? 1 : 0);

    public override int CompileCsd(nint cs, byte* pathOrText, bool isText) => Methods.csoundCompileCSD(C(cs), (sbyte*)pathOrText, isText ? 1 : 0);

    public override int ReadScore(nint cs, byte* text)
    {
        Methods.csoundEventString(C(cs), (sbyte*)text, 0);
        return 0;
    }

    public override void InputMessage(nint cs, byte* text) => Methods.csoundEventString(C(cs), (sbyte*)text, 0);

    // API 7 has no native stop: the managed perform loops watch their own flag.
    public override void Stop(nint cs)
    {
    }

    public override int Cleanup(nint cs) => 0;

    public override int Nchnls(nint cs) => (int)Methods.csoundGetChannels(C(cs), 0);

    public override int NchnlsInput(nint cs) => (int)Methods.csoundGetChannels(C(cs), 1);

    public override int ScoreEvent(nint cs, char type, double* fields, int count, bool async)
    {
        CheckEventType(type, "ife", 7);
        int kind = type switch { 'i' => InstrEvent, 'f' => TableEvent, _ => EndEvent };
        Methods.csoundEvent(C(cs), kind, fields, count, async ? 1 : 0);
        return 0;
    }

    // Csound 7 removed the native opcode list; Csound.GetOpcodes parses the -z1 listing instead.
    public override List<OpcodeDef>? NativeOpcodeList(nint cs) => null;
}
