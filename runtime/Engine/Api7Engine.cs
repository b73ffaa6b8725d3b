using System;
using System.Collections.Generic;
using System.Globalization;
using CsoundBindings.Interop.Api7;
using CsoundBindings.Native;

namespace CsoundBindings.Engine;

/// <summary>The seam over Csound 7's bindings: maps renamed and merged calls, emulates removed ones.</summary>
internal sealed unsafe class Api7Engine : SharedEngine<CsoundBindings.Interop.Api7Functions>
{
    // ==== Lifecycle ====
    private const int InstrEvent = 0;
    private const int TableEvent = 1;
    private const int EndEvent = 2;

    private static CSOUND* C(nint cs) => (CSOUND*)cs;

    public override int Generation => 7;

    public override string EventTypes => "ife";

    public override bool PerformReturnsCycleCode => false;

    // API 7 has no separate API version: it equals the library version.
    public override int ApiVersion() => Methods.csoundGetVersion();

    // The plug-in folder stays NULL: at this Csound 7.0 commit a non-null folder hangs csoundCreate (it is copied
    // with the engine's allocator before the engine's memory is set up). LoadPlugins loads a folder instead.
    public override nint Create(nint hostData) => (nint)Methods.csoundCreate((void*)hostData, null);

    // No process-wide setting on Csound 7; the runtime loads the folder into each new engine (LoadPlugins).
    public override bool SetGlobalPluginDirectory(sbyte* path) => false;

    public override int SetOptions(nint cs, IReadOnlyList<string> options, string whole)
    {
        using var text = new Native.Utf8Text(whole);
        fixed (sbyte* p = text)
        {
            return Methods.csoundSetOption(C(cs), p);
        }
    }

    public override int CompileOrc(nint cs, sbyte* text, bool async) => Methods.csoundCompileOrc(C(cs), text, async ? 1 : 0);

    public override int CompileCsd(nint cs, sbyte* pathOrText, bool isText) => Methods.csoundCompileCSD(C(cs), pathOrText, isText ? 1 : 0);

    public override int ReadScore(nint cs, sbyte* text)
    {
        Methods.csoundEventString(C(cs), text, 0);
        return 0;
    }

    public override void InputMessage(nint cs, sbyte* text) => Methods.csoundEventString(C(cs), text, 0);

    // API 7 has no native stop: the managed perform loops watch their own flag.
    public override void Stop(nint cs)
    {
    }

    public override int Cleanup(nint cs) => 0;

    public override int Nchnls(nint cs) => (int)Methods.csoundGetChannels(C(cs), 0);

    public override int NchnlsInput(nint cs) => (int)Methods.csoundGetChannels(C(cs), 1);

    public override int ScoreEvent(nint cs, char type, double* fields, int count)
    {
        CheckEventType(type, new ReadOnlySpan<double>(fields, count), EventTypes, 7);
        int kind = type switch { 'i' => InstrEvent, 'f' => TableEvent, _ => EndEvent };
        Methods.csoundEvent(C(cs), kind, fields, count, 0);
        return 0;
    }

    // Csound 7 removed the native opcode list; Csound.GetOpcodes parses the -z1 listing instead.
    public override List<OpcodeDef>? NativeOpcodeList(nint cs) => null;

    // ==== Channels ==== Channel members over the Csound 7 bindings.
    public override int GetChannelPtr(nint cs, void** data, sbyte* name, int type) =>
        Methods.csoundGetChannelPtr(C(cs), data, name, type);

    public override void SetRtAudioCallbacks(nint cs,
        delegate* unmanaged[Cdecl]<nint, void*, int> playOpen,
        delegate* unmanaged[Cdecl]<nint, double*, int, void> play,
        delegate* unmanaged[Cdecl]<nint, void*, int> recordOpen,
        delegate* unmanaged[Cdecl]<nint, double*, int, int> record,
        delegate* unmanaged[Cdecl]<nint, void> close) =>
        throw new NotSupportedException("Csound 7 has no public rt-audio callbacks (they moved into its plug-in interface); drive the audio from the host with SetHostAudioIO, Spin and Spout instead.");

    public override AudioStreamInfo AudioStreamInfo(void* parameters) => throw new NotSupportedException("Csound 7 has no public rt-audio callbacks.");

    public override int CompileArgs(nint cs, int argc, byte** argv) => Methods.csoundCompile(C(cs), argc, (sbyte**)argv);

    public override void SetBreakpointCallback(nint cs, delegate* unmanaged[Cdecl]<nint, CsoundBindings.Interop.debug_bkpt_info_t*, void*, void> callback) =>
        Methods.csoundSetBreakpointCallback(C(cs), new breakpoint_cb_t((delegate* unmanaged[Cdecl]<CSOUND*, CsoundBindings.Interop.debug_bkpt_info_t*, void*, void>)callback), null);

    public override void SetChannelCallbacks(nint cs, delegate* unmanaged[Cdecl]<nint, sbyte*, void*, void*, void> input, delegate* unmanaged[Cdecl]<nint, sbyte*, void*, void*, void> output)
    {
        Methods.csoundSetInputChannelCallback(C(cs), new channelCallback_t((delegate* unmanaged[Cdecl]<CSOUND*, sbyte*, void*, void*, void>)input));
        Methods.csoundSetOutputChannelCallback(C(cs), new channelCallback_t((delegate* unmanaged[Cdecl]<CSOUND*, sbyte*, void*, void*, void>)output));
    }

    public override void LockChannel(nint cs, sbyte* name) => Methods.csoundLockChannel(C(cs), name);

    public override void UnlockChannel(nint cs, sbyte* name) => Methods.csoundUnlockChannel(C(cs), name);

    public override string? ChannelVarTypeName(nint cs, sbyte* name) => Native.Utf8Text.Read(Methods.csoundGetChannelVarTypeName(C(cs), name));

    // ==== DataChannels ==== Array and PVS channels over the Csound 7 bindings.
    public override nint InitArrayChannel(nint cs, sbyte* name, sbyte* type, int dimensions, int* sizes) =>
        (nint)Methods.csoundInitArrayChannel(C(cs), name, type, dimensions, sizes);

    public override double* ArrayData(nint array) => (double*)Methods.csoundGetArrayData((ARRAYDAT*)array);

    public override int ArrayDimensions(nint array) => Methods.csoundArrayDataDimensions((ARRAYDAT*)array);

    public override int* ArraySizes(nint array) => Methods.csoundArrayDataSizes((ARRAYDAT*)array);

    public override string? ArrayType(nint array) => Native.Utf8Text.Read(Methods.csoundArrayDataType((ARRAYDAT*)array));

    public override nint InitPvsChannel(nint cs, sbyte* name, int fftSize, int overlap, int windowSize, int window, int format) =>
        (nint)Methods.csoundInitPvsChannel(C(cs), name, fftSize, overlap, windowSize, window, format);

    public override float* PvsData(nint pvs) => Methods.csoundGetPvsData((PVSDAT*)pvs);

    public override (int FftSize, int Overlap, int WindowSize, int Format, uint FrameCount) PvsInfo(nint pvs)
    {
        var p = (PVSDAT*)pvs;
        return (Methods.csoundPvsDataFFTSize(p), Methods.csoundPvsDataOverlap(p), Methods.csoundPvsDataWindowSize(p),
            Methods.csoundPvsDataFormat(p), Methods.csoundPvsDataFramecount(p));
    }

    // ==== Score ==== Score control over the Csound 7 bindings, emulating what it removed.
    // Csound 7 has no absolute events: p2 is shifted so the event lands at offset + p2 of performance time.
    public override int ScoreEventAbsolute(nint cs, char type, double* fields, int count, double offset)
    {
        CheckEventType(type, new ReadOnlySpan<double>(fields, count), EventTypes, 7);
        if (count > 1)
        {
            double now = Methods.csoundGetScoreTime(C(cs));
            fields[1] = System.Math.Max(0, fields[1] + offset - now);
        }
        return ScoreEvent(cs, type, fields, count);
    }

    // Csound 7 removed csoundKillInstance: the same effect through the turnoff2_i opcode, run as global code.
    public override int KillInstance(nint cs, double instrument, string? name, int mode, bool allowRelease)
    {
        string target = name is null ? instrument.ToString("R", CultureInfo.InvariantCulture) : "\"" + name.Replace("\"", "\\\"", System.StringComparison.Ordinal) + "\"";
        string code = $"turnoff2_i {target}, {mode.ToString(CultureInfo.InvariantCulture)}, {(allowRelease ? 1 : 0)}\n";
        using var utf8 = new Utf8Text(code);
        fixed (sbyte* p = utf8)
        {
            return Methods.csoundCompileOrc(C(cs), p, 0);
        }
    }

    // ==== Opcodes ==== Host opcodes on Csound 7: init, perf and deinit functions.
    // OPDS in Csound 7: nxti, nxtp, nxtd, init, perf, deinit, optext, insdshead.
    public override int OpcodeHeaderSize => 8 * sizeof(nint);

    public override int AppendOpcode(nint cs, sbyte* name, int blockSize, sbyte* outTypes, sbyte* inTypes, nint init, nint perf) =>
        Methods.csoundAppendOpcode(C(cs), name, blockSize, 0, outTypes, inTypes,
            (delegate* unmanaged[Cdecl]<CSOUND*, void*, int>)init, (delegate* unmanaged[Cdecl]<CSOUND*, void*, int>)perf, null);

    // ==== PerformanceThread ==== The Csound 7 performance thread (csPerfThread.h, inside libcsound).
    public override nint PtCreate(nint cs) => (nint)Methods.csoundCreatePerformanceThread(C(cs));

    public override void PtDestroy(nint pt) => Methods.csoundDestroyPerformanceThread((void*)pt);

    public override bool PtIsRunning(nint pt) => Methods.csoundPerformanceThreadIsRunning((void*)pt) != 0;

    public override int PtStatus(nint pt) => Methods.csoundPerformanceThreadGetStatus((void*)pt);

    public override void PtPlay(nint pt) => Methods.csoundPerformanceThreadPlay((void*)pt);

    public override void PtPause(nint pt) => Methods.csoundPerformanceThreadPause((void*)pt);

    public override void PtStop(nint pt) => Methods.csoundPerformanceThreadStop((void*)pt);

    public override void PtFlushMessageQueue(nint pt) => Methods.csoundPerformanceThreadFlushMessageQueue((void*)pt);

    public override int PtJoin(nint pt) => Methods.csoundPerformanceThreadJoin((void*)pt);

    public override void PtSetProcessCallback(nint pt, delegate* unmanaged[Cdecl]<void*, void> callback, void* data) =>
        Methods.csoundPerformanceThreadSetProcessCB((void*)pt, callback, data);

    // ==== Host ==== Host services over the Csound 7 bindings.
    public override void SetHostAudioIO(nint cs) => Methods.csoundSetHostAudioIO(C(cs));

    public override void SetHostMidiIO(nint cs) => Methods.csoundSetHostMIDIIO(C(cs));

    // Csound 7 returns its own options struct; the snapshot copies the fields both versions share.
    public override CsoundParams GetParams(nint cs)
    {
        OPARMS* p = Methods.csoundGetParams(C(cs));
        return new CsoundParams(p->odebug != 0, p->outbufsamps, p->oMaxLag, p->displays != 0, p->msglevel,
            p->numThreads, p->realtime != 0, p->sampleAccurate != 0, p->sr_override, p->kr_override,
            p->ksmps_override, p->nchnls_override, p->nchnls_i_override, p->e0dbfs_override, p->heartbeat, p->daemon != 0);
    }

    public override string? OutputName(nint cs) => Utf8Text.Read(Methods.csoundGetParams(C(cs))->outfilename);

    // ==== Csound 6 only: buffer-level performance, the PVS bus by copy, named GENs ====
    private static NotSupportedException Api6Only(string what, string instead) =>
        new($"{what} is Csound 6 only (Csound 7 removed it); {instead}.");

    public override int PerformBuffer(nint cs) => throw Api6Only("PerformBuffer", "perform with PerformKsmps and read Spout");

    public override Span<double> SoundBuffer(nint cs, bool output) => throw Api6Only("The sound-file buffer", "read Spout and write Spin each cycle");

    public override PvsFrame? ReadPvsFrame(nint cs, sbyte* name) => throw Api6Only("The PVS bus by copy", "use OpenPvsChannel, a view of the frame itself");

    public override int WritePvsFrame(nint cs, sbyte* name, PvsFrame frame) => throw Api6Only("The PVS bus by copy", "use OpenPvsChannel, a view of the frame itself");

    public override IReadOnlyDictionary<string, int> NamedGens(nint cs) => throw Api6Only("The named-GEN list", "name the GEN in the f statement or ftgen");

    // ==== Csound 7 only: string elements of array channels ====
    public override int StringElementSize => sizeof(STRINGDAT);

    public override string StringData(nint cs, void* element) => Utf8Text.Read(Methods.csoundGetStringData(C(cs), (STRINGDAT*)element)) ?? string.Empty;

    public override void SetStringData(nint cs, void* element, sbyte* text) => Methods.csoundSetStringData(C(cs), (STRINGDAT*)element, text);
}
