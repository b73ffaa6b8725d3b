using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using CsoundBindings.Interop.Api6;
using CsoundBindings.Native;

namespace CsoundBindings.Engine;

/// <summary>The seam over Csound 6.18's bindings (libcsound64.so.6.0, libcsnd6).</summary>
internal sealed unsafe class Api6Engine : SharedEngine<CsoundBindings.Interop.Api6Functions>
{
    // ==== Lifecycle ====
    private static CSOUND* C(nint cs) => (CSOUND*)cs;

    public override int Generation => 6;

    public override string EventTypes => "aifqe";

    public override bool PerformReturnsCycleCode => true;

    public override int ApiVersion() => Methods.csoundGetAPIVersion();

    // Csound 6 reads its plug-in folder from a process-wide setting when an engine is created.
    public override nint Create(nint hostData) => (nint)Methods.csoundCreate((void*)hostData);

    public override bool SetGlobalPluginDirectory(sbyte* path)
    {
        Methods.csoundSetOpcodedir(path);
        return true;
    }

    // Csound 6.18 takes one option per call (a string with spaces corrupts the option), so each part goes alone.
    public override int SetOptions(nint cs, IReadOnlyList<string> options, string whole)
    {
        int result = 0;
        foreach (string option in options)
        {
            using var text = new Native.Utf8Text(option);
            fixed (sbyte* p = text)
            {
                result |= Methods.csoundSetOption(C(cs), p);
            }
        }
        return result;
    }

    public override int CompileOrc(nint cs, sbyte* text, bool async) =>
        async ? Methods.csoundCompileOrcAsync(C(cs), text) : Methods.csoundCompileOrc(C(cs), text);

    public override int CompileCsd(nint cs, sbyte* pathOrText, bool isText) =>
        isText ? Methods.csoundCompileCsdText(C(cs), pathOrText) : Methods.csoundCompileCsd(C(cs), pathOrText);

    public override int ReadScore(nint cs, sbyte* text) => Methods.csoundReadScore(C(cs), text);

    public override void InputMessage(nint cs, sbyte* text) => Methods.csoundInputMessage(C(cs), text);

    public override void Stop(nint cs) => Methods.csoundStop(C(cs));

    public override int Cleanup(nint cs) => Methods.csoundCleanup(C(cs));

    public override int Nchnls(nint cs) => (int)Methods.csoundGetNchnls(C(cs));

    public override int NchnlsInput(nint cs) => (int)Methods.csoundGetNchnlsInput(C(cs));

    public override int ScoreEvent(nint cs, char type, double* fields, int count)
    {
        CheckEventType(type, new ReadOnlySpan<double>(fields, count), EventTypes, 6);
        return Methods.csoundScoreEvent(C(cs), (sbyte)type, fields, new CLong(count));
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

    // ==== Channels ==== Channel members over the Csound 6 bindings.
    public override int GetChannelPtr(nint cs, void** data, sbyte* name, int type) =>
        Methods.csoundGetChannelPtr(C(cs), (double**)data, name, type);

    public override void SetRtAudioCallbacks(nint cs,
        delegate* unmanaged[Cdecl]<nint, void*, int> playOpen,
        delegate* unmanaged[Cdecl]<nint, double*, int, void> play,
        delegate* unmanaged[Cdecl]<nint, void*, int> recordOpen,
        delegate* unmanaged[Cdecl]<nint, double*, int, int> record,
        delegate* unmanaged[Cdecl]<nint, void> close)
    {
        // A module name no plug-in claims: plug-ins set their own callbacks only when selected, and "null" would make
        // Csound install its dummies at start.
        fixed (byte* host = "host\0"u8)
        {
            Methods.csoundSetRTAudioModule(C(cs), (sbyte*)host);
        }
        Methods.csoundSetPlayopenCallback(C(cs), (delegate* unmanaged[Cdecl]<CSOUND*, csRtAudioParams*, int>)playOpen);
        Methods.csoundSetRtplayCallback(C(cs), (delegate* unmanaged[Cdecl]<CSOUND*, double*, int, void>)play);
        Methods.csoundSetRecopenCallback(C(cs), (delegate* unmanaged[Cdecl]<CSOUND*, csRtAudioParams*, int>)recordOpen);
        Methods.csoundSetRtrecordCallback(C(cs), (delegate* unmanaged[Cdecl]<CSOUND*, double*, int, int>)record);
        Methods.csoundSetRtcloseCallback(C(cs), (delegate* unmanaged[Cdecl]<CSOUND*, void>)close);
    }

    public override AudioStreamInfo AudioStreamInfo(void* parameters)
    {
        var p = (csRtAudioParams*)parameters;
        return new AudioStreamInfo(Utf8Text.Read(p->devName), p->devNum, p->nChannels, p->sampleRate, (int)p->bufSamp_SW, p->bufSamp_HW);
    }

    public override int CompileArgs(nint cs, int argc, byte** argv) => Methods.csoundCompileArgs(C(cs), argc, (sbyte**)argv);

    public override void SetBreakpointCallback(nint cs, delegate* unmanaged[Cdecl]<nint, CsoundBindings.Interop.debug_bkpt_info_t*, void*, void> callback) =>
        Methods.csoundSetBreakpointCallback(C(cs), new breakpoint_cb_t((delegate* unmanaged[Cdecl]<CSOUND*, CsoundBindings.Interop.debug_bkpt_info_t*, void*, void>)callback), null);

    public override void SetChannelCallbacks(nint cs, delegate* unmanaged[Cdecl]<nint, sbyte*, void*, void*, void> input, delegate* unmanaged[Cdecl]<nint, sbyte*, void*, void*, void> output)
    {
        Methods.csoundSetInputChannelCallback(C(cs), new channelCallback_t((delegate* unmanaged[Cdecl]<CSOUND*, sbyte*, void*, void*, void>)input));
        Methods.csoundSetOutputChannelCallback(C(cs), new channelCallback_t((delegate* unmanaged[Cdecl]<CSOUND*, sbyte*, void*, void*, void>)output));
    }

    // Csound 6 exposes each channel's spinlock; Csound 7 locks by name.
    public override void LockChannel(nint cs, sbyte* name)
    {
        int* spinlock = Methods.csoundGetChannelLock(C(cs), name);
        if (spinlock != null)
        {
            Methods.csoundSpinLock(spinlock);
        }
    }

    public override void UnlockChannel(nint cs, sbyte* name)
    {
        int* spinlock = Methods.csoundGetChannelLock(C(cs), name);
        if (spinlock != null)
        {
            Methods.csoundSpinUnLock(spinlock);
        }
    }

    public override string? ChannelVarTypeName(nint cs, sbyte* name) => null;

    // ==== DataChannels ==== Csound 6 has no array channels and only a struct-copy PVS channel API.
    private static NotSupportedException Api7Only(string what) =>
        new($"{what} channels need Csound 7; Csound 6 offers control, audio and string channels (use those, or load Csound 7 through CSOUND7_ROOT).");

    public override nint InitArrayChannel(nint cs, sbyte* name, sbyte* type, int dimensions, int* sizes) => throw Api7Only("Array");

    public override double* ArrayData(nint array) => throw Api7Only("Array");

    public override int ArrayDimensions(nint array) => throw Api7Only("Array");

    public override int* ArraySizes(nint array) => throw Api7Only("Array");

    public override string? ArrayType(nint array) => throw Api7Only("Array");

    public override nint InitPvsChannel(nint cs, sbyte* name, int fftSize, int overlap, int windowSize, int window, int format) => throw Api7Only("PVS");

    public override float* PvsData(nint pvs) => throw Api7Only("PVS");

    public override (int FftSize, int Overlap, int WindowSize, int Format, uint FrameCount) PvsInfo(nint pvs) => throw Api7Only("PVS");

    // ==== Score ==== Score control over the Csound 6 bindings.
    public override int ScoreEventAbsolute(nint cs, char type, double* fields, int count, double offset)
    {
        CheckEventType(type, new ReadOnlySpan<double>(fields, count), EventTypes, 6);
        return Methods.csoundScoreEventAbsolute(C(cs), (sbyte)type, fields, new CLong(count), offset);
    }

    public override int KillInstance(nint cs, double instrument, string? name, int mode, bool allowRelease)
    {
        using var utf8 = new Utf8Text(name);
        fixed (sbyte* p = utf8)
        {
            return Methods.csoundKillInstance(C(cs), instrument, utf8.IsNull ? null : p, mode, allowRelease ? 1 : 0);
        }
    }

    // ==== Opcodes ==== Host opcodes on Csound 6: init and perf functions with the thread bits.
    // OPDS in Csound 6: nxti, nxtp, iopadr, opadr, optext, insdshead.
    public override int OpcodeHeaderSize => 6 * sizeof(nint);

    public override int AppendOpcode(nint cs, sbyte* name, int blockSize, sbyte* outTypes, sbyte* inTypes, nint init, nint perf)
    {
        var subr = (delegate* unmanaged[Cdecl]<CSOUND*, void*, int>)init;
        var perform = (delegate* unmanaged[Cdecl]<CSOUND*, void*, int>)perf;
        // Csound 6 runs the perf function from the k-rate slot for k- and a-rate opcodes alike (thread 3);
        // the a-rate slot is a leftover that the engine no longer calls.
        int thread = perf == 0 ? 1 : 3;
        return Methods.csoundAppendOpcode(C(cs), name, blockSize, 0, thread, outTypes, inTypes,
            subr, perform, null);
    }

    // ==== PerformanceThread ==== The Csound 6 performance thread: libcsnd6's C entry points, declared by headers/api6.
    private static CsoundPerformanceThread* T(nint pt) => (CsoundPerformanceThread*)pt;

    public override nint PtCreate(nint cs) => (nint)Methods.NewCsoundPT(C(cs));

    public override void PtDestroy(nint pt) => Methods.DeleteCsoundPT(T(pt));

    public override bool PtIsRunning(nint pt) => Methods.CsoundPTisRunning(T(pt)) != 0;

    public override int PtStatus(nint pt) => Methods.CsoundPTgetStatus(T(pt));

    public override void PtPlay(nint pt) => Methods.CsoundPTplay(T(pt));

    public override void PtPause(nint pt) => Methods.CsoundPTpause(T(pt));

    public override void PtStop(nint pt) => Methods.CsoundPTstop(T(pt));

    public override void PtFlushMessageQueue(nint pt) => Methods.CsoundPTflushMessageQueue(T(pt));

    public override int PtJoin(nint pt) => Methods.CsoundPTjoin(T(pt));

    public override void PtSetProcessCallback(nint pt, delegate* unmanaged[Cdecl]<void*, void> callback, void* data) =>
        Methods.CsoundPTsetProcessCB(T(pt), new CsoundPTprocessCallback(callback), data);

    // ==== Host ==== Host services over the Csound 6 bindings.
    public override void SetHostAudioIO(nint cs) => Methods.csoundSetHostImplementedAudioIO(C(cs), 1, 0);

    public override void SetHostMidiIO(nint cs) => Methods.csoundSetHostImplementedMIDIIO(C(cs), 1);

    public override CsoundParams GetParams(nint cs)
    {
        CSOUND_PARAMS p;
        Methods.csoundGetParams(C(cs), &p);
        return new CsoundParams(p.debug_mode != 0, p.buffer_frames, p.hardware_buffer_frames, p.displays != 0, p.message_level,
            p.number_of_threads, p.realtime_mode != 0, p.sample_accurate != 0, p.sample_rate_override, p.control_rate_override,
            p.ksmps_override, p.nchnls_override, p.nchnls_i_override, p.e0dbfs_override, p.heartbeat, p.daemon != 0);
    }

    public override string? OutputName(nint cs) => Utf8Text.Read(Methods.csoundGetOutputName(C(cs)));

    // ==== Csound 6 only: buffer-level performance, the PVS bus by copy, named GENs ====
    public override int PerformBuffer(nint cs) => Methods.csoundPerformBuffer(C(cs));

    public override Span<double> SoundBuffer(nint cs, bool output)
    {
        double* data = output ? Methods.csoundGetOutputBuffer(C(cs)) : Methods.csoundGetInputBuffer(C(cs));
        long size = (output ? Methods.csoundGetOutputBufferSize(C(cs)) : Methods.csoundGetInputBufferSize(C(cs))).Value;
        return data == null || size <= 0 ? Span<double>.Empty : new Span<double>(data, checked((int)size));
    }

    public override PvsFrame? ReadPvsFrame(nint cs, sbyte* name)
    {
        // Csound copies as many bins as its channel holds into the caller's frame: read the header alone first,
        // then again into a frame of that size (plus room, should the channel grow in between).
        PVSDATEXT header = default;
        if (Methods.csoundGetPvsChannel(C(cs), &header, name) != 0)
        {
            return null;
        }
        if (header.N <= 0)
        {
            return new PvsFrame(0, header.overlap, header.winsize, (PvsWindow)header.wintype, header.format, header.framecount, Array.Empty<float>());
        }
        float[] bins = new float[header.N + 2 + 1024];
        PVSDATEXT full = header;
        fixed (float* p = bins)
        {
            full.frame = p;
            if (Methods.csoundGetPvsChannel(C(cs), &full, name) != 0 || full.N + 2 > bins.Length)
            {
                return null;
            }
        }
        return new PvsFrame(full.N, full.overlap, full.winsize, (PvsWindow)full.wintype, full.format, full.framecount, bins.AsSpan(0, full.N + 2).ToArray());
    }

    public override int WritePvsFrame(nint cs, sbyte* name, PvsFrame frame)
    {
        fixed (float* p = frame.Bins)
        {
            var data = new PVSDATEXT
            {
                N = frame.FftSize,
                overlap = frame.Overlap,
                winsize = frame.WindowSize,
                wintype = (int)frame.Window,
                format = frame.Format,
                framecount = frame.FrameCount,
                frame = p,
            };
            return Methods.csoundSetPvsChannel(C(cs), &data, name);
        }
    }

    // Named GENs are numbered from GENMAX + 1 (61) in the order they register.
    public override IReadOnlyDictionary<string, int> NamedGens(nint cs)
    {
        var gens = new Dictionary<string, int>(StringComparer.Ordinal);
        Span<byte> name = stackalloc byte[256];
        for (int number = 1; number < 100_000; number++)
        {
            int length = Methods.csoundIsNamedGEN(C(cs), number);
            if (length <= 0)
            {
                if (number > 60)
                {
                    break;
                }
                continue;
            }
            fixed (byte* p = name)
            {
                Methods.csoundGetNamedGEN(C(cs), number, (sbyte*)p, name.Length);
            }
            gens[Utf8Text.Read(name)] = number;
        }
        return gens;
    }

    // ==== Csound 7 only: string elements of array channels ====
    public override int StringElementSize => throw Api7Only("Array");

    public override string StringData(nint cs, void* element) => throw Api7Only("Array");

    public override void SetStringData(nint cs, void* element, sbyte* text) => throw Api7Only("Array");
}
