using System;
using System.Collections.Generic;

namespace CsoundBindings.Engine;

/// <summary>
/// The one seam between the public classes and the generated bindings. One implementation per Csound API
/// generation, chosen once per process from <c>csoundGetVersion</c>. The instance pointer travels as
/// <c>nint</c>; strings arrive as NUL-terminated UTF-8.
/// </summary>
internal abstract unsafe class CsoundApi
{
    // ==== Lifecycle ====
    private static CsoundApi? _current;

    /// <summary>The implementation for the loaded library.</summary>
    public static CsoundApi Current => _current ??= CsoundLibrary.IsApi7 ? new Api7Engine() : new Api6Engine();

    /// <summary>The API generation (6 or 7).</summary>
    public abstract int Generation { get; }

    /// <summary>The score event letters this API sends.</summary>
    public abstract string EventTypes { get; }

    public abstract int Version();

    public abstract int ApiVersion();

    public abstract int Initialize(int flags);

    public abstract nint Create(nint hostData);

    /// <summary>Sets the plug-in folder of engines created from now on, process-wide (Csound 6); false where create takes it (Csound 7).</summary>
    public abstract bool SetGlobalPluginDirectory(sbyte* path);

    public abstract void Destroy(nint cs);

    public abstract nint GetHostData(nint cs);

    public abstract void SetHostData(nint cs, nint hostData);

    public abstract void SetMessageStringCallback(nint cs, delegate* unmanaged[Cdecl]<nint, int, sbyte*, void> callback);

    /// <summary>Applies options; API 6 needs one call per option, API 7 takes the whole string.</summary>
    public abstract int SetOptions(nint cs, IReadOnlyList<string> options, string whole);

    public abstract int CompileOrc(nint cs, sbyte* text, bool async);

    public abstract int CompileCsd(nint cs, sbyte* pathOrText, bool isText);

    public abstract int ReadScore(nint cs, sbyte* text);

    public abstract void InputMessage(nint cs, sbyte* text);

    public abstract int Start(nint cs);

    public abstract int PerformKsmps(nint cs);

    /// <summary>True when Perform reports the last cycle's code (API 6, like csoundPerform); false: 1, like libcsound on API 7.</summary>
    public abstract bool PerformReturnsCycleCode { get; }

    public abstract void Stop(nint cs);

    public abstract void Reset(nint cs);

    public abstract int Cleanup(nint cs);

    public abstract double Sr(nint cs);

    public abstract double Kr(nint cs);

    public abstract int Ksmps(nint cs);

    public abstract int Nchnls(nint cs);

    public abstract int NchnlsInput(nint cs);

    public abstract double ZeroDbFs(nint cs);

    public abstract double A4(nint cs);

    public abstract long CurrentTimeSamples(nint cs);

    public abstract double ScoreTime(nint cs);

    public abstract double* Spout(nint cs);

    public abstract double* Spin(nint cs);

    /// <summary>Sends a score event; <paramref name="type"/> is the score letter.</summary>
    public abstract int ScoreEvent(nint cs, char type, double* fields, int count);

    /// <summary>The native opcode list (API 6) or null when the library has none (API 7).</summary>
    public abstract List<OpcodeDef>? NativeOpcodeList(nint cs);

    /// <summary>
    /// Throws when <paramref name="type"/> is not a score event this API can send, when it has more p-fields than
    /// Csound's event holds (it would write past it), or when an <c>f</c> event asks for a table larger than
    /// <see cref="Csound.MaxTableSize"/> (Csound 7 has no limit and tries to allocate and fill it).
    /// </summary>
    public static void CheckEventType(char type, ReadOnlySpan<double> pfields, string allowed, int generation)
    {
        int count = pfields.Length;
        if (type == 'f')
        {
            foreach (double value in pfields)
            {
                if (!double.IsFinite(value))
                {
                    throw new ArgumentException($"A function table event takes finite p-fields only, not {value} (Csound 7 crashes on it).", nameof(pfields));
                }
            }
        }
        if (type == 'f' && count >= 3 && !(Math.Abs(pfields[2]) <= Csound.MaxTableSize))
        {
            throw new ArgumentException(
                $"A function table holds at most {Csound.MaxTableSize} points (Csound 6's limit), not {pfields[2]}.", nameof(pfields));
        }
        if (type == 'a' && count >= 3 && !(pfields[2] <= Csound.MaxAdvance))
        {
            throw new ArgumentException(
                $"An advance ('a') skips at most {Csound.MaxAdvance} seconds, not {pfields[2]} (Csound skips it cycle by cycle).", nameof(pfields));
        }
        if (allowed.IndexOf(type, StringComparison.Ordinal) < 0)
        {
            throw new NotSupportedException(
                $"Score event type '{type}' is not available on Csound {generation}; use one of '{allowed}' (or InputMessage with score text).");
        }
        if (count > Csound.MaxPFields)
        {
            throw new ArgumentException(
                $"A score event takes at most {Csound.MaxPFields} p-fields (Csound's PMAX), not {count}.", nameof(pfields));
        }
    }

    // ==== Messages ==== Csound's own message buffer and UDP server.
    public abstract void CreateMessageBuffer(nint cs, bool echo);

    public abstract void DestroyMessageBuffer(nint cs);

    public abstract int MessageCount(nint cs);

    /// <summary>The oldest buffered message and its attributes, or null when the buffer is empty.</summary>
    public abstract string? FirstMessage(nint cs, out int attributes);

    public abstract void PopFirstMessage(nint cs);

    public abstract int UdpServerStart(nint cs, int port);

    public abstract int UdpServerStatus(nint cs);

    public abstract int UdpServerClose(nint cs);

    // ==== Channels ==== Channel members of the seam.
    /// <summary>Gets or creates a channel; <paramref name="type"/> is kind | direction bits. Returns Csound's code.</summary>
    public abstract int GetChannelPtr(nint cs, void** data, sbyte* name, int type);

    public abstract int ChannelDatasize(nint cs, sbyte* name);

    public abstract void GetStringChannel(nint cs, sbyte* name, sbyte* buffer);

    public abstract void SetStringChannel(nint cs, sbyte* name, sbyte* text);

    public abstract List<ChannelInfo>? ListChannels(nint cs);

    public abstract int SetControlChannelHints(nint cs, sbyte* name, ControlChannelHints hints, sbyte* attributes);

    public abstract ControlChannelHints? GetControlChannelHints(nint cs, sbyte* name);

    public abstract void LockChannel(nint cs, sbyte* name);

    public abstract void UnlockChannel(nint cs, sbyte* name);

    /// <summary>Registers the invalue/outvalue callbacks (null pointers unregister).</summary>
    /// <summary>Compiles from a command line (argv[0] is the program name): csoundCompileArgs on 6, csoundCompile on 7; neither starts.</summary>
    public abstract int CompileArgs(nint cs, int argc, byte** argv);

    /// <summary>
    /// Makes Csound's rt-audio go through these callbacks (under a module name no plug-in claims, so none replaces them at start).
    /// Csound 7 has no public call for it: <see cref="NotSupportedException"/>.
    /// </summary>
    public abstract void SetRtAudioCallbacks(nint cs,
        delegate* unmanaged[Cdecl]<nint, void*, int> playOpen,
        delegate* unmanaged[Cdecl]<nint, double*, int, void> play,
        delegate* unmanaged[Cdecl]<nint, void*, int> recordOpen,
        delegate* unmanaged[Cdecl]<nint, double*, int, int> record,
        delegate* unmanaged[Cdecl]<nint, void> close);

    /// <summary>Reads the <c>csRtAudioParams</c> Csound passes to an open callback.</summary>
    public abstract AudioStreamInfo AudioStreamInfo(void* parameters);

    // ==== Debugger ==== csdebug.h, the same calls on both generations except the callback's wrapper type.
    public abstract void DebuggerInit(nint cs);

    public abstract void DebuggerClean(nint cs);

    public abstract void SetInstrumentBreakpoint(nint cs, double instrument, int skip);

    public abstract void RemoveInstrumentBreakpoint(nint cs, double instrument);

    public abstract void SetLineBreakpoint(nint cs, int line, int instrument, int skip);

    public abstract void RemoveLineBreakpoint(nint cs, int line, int instrument);

    public abstract void ClearBreakpoints(nint cs);

    public abstract void DebugContinue(nint cs);

    public abstract void DebugNext(nint cs);

    public abstract void DebugStop(nint cs);

    public abstract void SetBreakpointCallback(nint cs, delegate* unmanaged[Cdecl]<nint, Interop.debug_bkpt_info_t*, void*, void> callback);

    public abstract void SetChannelCallbacks(nint cs, delegate* unmanaged[Cdecl]<nint, sbyte*, void*, void*, void> input, delegate* unmanaged[Cdecl]<nint, sbyte*, void*, void*, void> output);

    /// <summary>The type name of a channel's variable (Csound 7), or null.</summary>
    public abstract string? ChannelVarTypeName(nint cs, sbyte* name);

    /// <summary>Converts Csound's channel list entry fields to the public record.</summary>
    protected static ChannelInfo ToChannelInfo(sbyte* name, int type, ControlChannelHints hints)
    {
        var kind = (ChannelKind)(type & 15);
        return new ChannelInfo(Native.Utf8Text.Read(name) ?? string.Empty, kind, (ChannelDirection)(type & 48),
            kind == ChannelKind.Control ? hints : null);
    }

    // ==== DataChannels ==== Array and PVS channels (Csound 7; Csound 6 reports them unsupported).
    /// <summary>Creates (or finds) an array channel; returns the ARRAYDAT pointer or 0.</summary>
    public abstract nint InitArrayChannel(nint cs, sbyte* name, sbyte* type, int dimensions, int* sizes);

    public abstract double* ArrayData(nint array);

    public abstract int ArrayDimensions(nint array);

    public abstract int* ArraySizes(nint array);

    public abstract string? ArrayType(nint array);

    /// <summary>Creates (or finds) a PVS channel; returns the PVSDAT pointer or 0.</summary>
    public abstract nint InitPvsChannel(nint cs, sbyte* name, int fftSize, int overlap, int windowSize, int window, int format);

    public abstract float* PvsData(nint pvs);

    /// <summary>FFT size, overlap, window size, format and frame count of a PVS channel.</summary>
    public abstract (int FftSize, int Overlap, int WindowSize, int Format, uint FrameCount) PvsInfo(nint pvs);

    // ==== Score ==== Score clock, absolute events, instance control.
    /// <summary>An event whose p2 counts from <paramref name="offset"/> seconds of performance time.</summary>
    public abstract int ScoreEventAbsolute(nint cs, char type, double* fields, int count, double offset);

    public abstract bool IsScorePending(nint cs);

    public abstract void SetScorePending(nint cs, bool pending);

    public abstract double ScoreOffsetSeconds(nint cs);

    public abstract void SetScoreOffsetSeconds(nint cs, double seconds);

    public abstract void RewindScore(nint cs);

    public abstract void KeyPress(nint cs, byte key);

    /// <summary>Turns off instances of an instrument by number (or by name when <paramref name="name"/> is not null).</summary>
    public abstract int KillInstance(nint cs, double instrument, string? name, int mode, bool allowRelease);

    // ==== Tables ==== Function tables.
    /// <summary>Length without the guard point, -1 when the table does not exist.</summary>
    public abstract int TableLength(nint cs, int table);

    /// <summary>The table's data and length, or length -1.</summary>
    public abstract int GetTable(nint cs, int table, double** data);

    /// <summary>The GEN arguments (GEN number first) and their count, or -1.</summary>
    public abstract int GetTableArgs(nint cs, int table, double** data);

    // ==== Opcodes ==== Host-defined opcodes.
    /// <summary>Bytes of Csound's opcode header (OPDS) in front of the argument pointers.</summary>
    public abstract int OpcodeHeaderSize { get; }

    /// <summary>Registers an opcode with init and perf functions (perf may be 0 for an i-time opcode).</summary>
    public abstract int AppendOpcode(nint cs, sbyte* name, int blockSize, sbyte* outTypes, sbyte* inTypes, nint init, nint perf);

    // ==== PerformanceThread ==== Performance-thread members of the seam (libcsnd6 on Csound 6, libcsound on Csound 7).
    public abstract nint PtCreate(nint cs);

    public abstract void PtDestroy(nint pt);

    public abstract bool PtIsRunning(nint pt);

    public abstract int PtStatus(nint pt);

    public abstract void PtPlay(nint pt);

    public abstract void PtPause(nint pt);

    public abstract void PtStop(nint pt);

    public abstract int PtJoin(nint pt);

    /// <summary>Waits until the native thread has taken every transport message (after a pause: it is paused).</summary>
    public abstract void PtFlushMessageQueue(nint pt);

    public abstract void PtSetProcessCallback(nint pt, delegate* unmanaged[Cdecl]<void*, void> callback, void* data);

    // ==== Host ==== Host I/O, modules, utilities, environment and other engine services.
    public abstract double EvalCode(nint cs, sbyte* code);

    public abstract int MessageLevel(nint cs);

    public abstract void SetMessageLevel(nint cs, int level);

    public abstract bool Debug(nint cs);

    public abstract void SetDebug(nint cs, bool on);

    public abstract sbyte* GetEnv(nint cs, sbyte* name);

    public abstract int SetGlobalEnv(sbyte* name, sbyte* value);

    public abstract int LoadPlugins(nint cs, sbyte* directory);

    public abstract double SystemSr(nint cs, double value);

    public abstract int RunUtility(nint cs, sbyte* name, int argc, byte** argv);

    public abstract List<string> ListUtilities(nint cs);

    public abstract string? UtilityDescription(nint cs, sbyte* name);

    /// <summary>Module number <paramref name="index"/>: its name and type ("audio"/"midi"); false past the end.</summary>
    public abstract bool GetModule(nint cs, int index, out string name, out string type);

    public abstract List<AudioDevice> AudioDevices(nint cs, bool output);

    public abstract List<MidiDevice> MidiDevices(nint cs, bool output);

    public abstract void SetRtAudioModule(nint cs, sbyte* module);

    public abstract void SetMidiModule(nint cs, sbyte* module);

    /// <summary>Selects the module already chosen (by option or call) again, which makes Csound initialise it now.</summary>
    public abstract void InitialiseSelectedModule(nint cs, bool audio);

    public abstract void SetHostAudioIO(nint cs);

    /// <summary>Output file or device by name (one name, never split); type and format may be null.</summary>
    public abstract void SetOutput(nint cs, sbyte* name, sbyte* type, sbyte* format);

    /// <summary>Input file or device by name.</summary>
    public abstract void SetInput(nint cs, sbyte* name);

    public abstract void SetHostMidiIO(nint cs);

    /// <summary>Registers the external MIDI input callbacks (open, read, close).</summary>
    public abstract void SetExternalMidiIn(nint cs,
        delegate* unmanaged[Cdecl]<nint, void**, sbyte*, int> open,
        delegate* unmanaged[Cdecl]<nint, void*, byte*, int, int> read,
        delegate* unmanaged[Cdecl]<nint, void*, int> close);

    /// <summary>Registers the external MIDI output callbacks (open, write, close).</summary>
    public abstract void SetExternalMidiOut(nint cs,
        delegate* unmanaged[Cdecl]<nint, void**, sbyte*, int> open,
        delegate* unmanaged[Cdecl]<nint, void*, byte*, int, int> write,
        delegate* unmanaged[Cdecl]<nint, void*, int> close);

    public abstract nint CreateCircularBuffer(nint cs, int items, int itemSize);

    public abstract int ReadCircularBuffer(nint cs, nint buffer, void* destination, int items);

    public abstract int PeekCircularBuffer(nint cs, nint buffer, void* destination, int items);

    public abstract int WriteCircularBuffer(nint cs, nint buffer, void* source, int items);

    public abstract void FlushCircularBuffer(nint cs, nint buffer);

    public abstract void DestroyCircularBuffer(nint cs, nint buffer);

    public abstract CsoundParams GetParams(nint cs);

    public abstract string? OutputName(nint cs);

    /// <summary>Whether a configuration variable (what <c>-+name=value</c> sets) exists.</summary>
    public abstract bool ConfigVariableExists(nint cs, sbyte* name);

    // ==== Graphs, keyboard and file notices ====

    /// <summary>Registers the table-display callbacks (make, draw, kill, exit).</summary>
    public abstract void SetGraphCallbacks(nint cs,
        delegate* unmanaged[Cdecl]<nint, CsoundBindings.Interop.WINDAT*, sbyte*, void> make,
        delegate* unmanaged[Cdecl]<nint, CsoundBindings.Interop.WINDAT*, void> draw,
        delegate* unmanaged[Cdecl]<nint, CsoundBindings.Interop.WINDAT*, void> kill,
        delegate* unmanaged[Cdecl]<nint, int> exit);

    /// <summary>Tells Csound the host draws graphs (so it calls the graph callbacks instead of printing ASCII ones).</summary>
    public abstract void SetIsGraphable(nint cs, bool graphable);

    public abstract int RegisterKeyboardCallback(nint cs, delegate* unmanaged[Cdecl]<void*, void*, uint, int> callback, void* userData, uint typeMask);

    public abstract void SetFileOpenCallback(nint cs, delegate* unmanaged[Cdecl]<nint, sbyte*, int, int, int, void> callback);

    /// <summary>The name of a CSOUND_FILETYPES value without its prefix ("WAVE", "ORCHESTRA"), or the number.</summary>
    public abstract string FileTypeName(int type);

    // ==== Csound 6 only: buffer-level performance, the PVS bus by copy, named GENs ====

    public abstract int PerformBuffer(nint cs);

    /// <summary>Csound's output (or input) sound-file buffer of one -b block, interleaved; empty when it has none.</summary>
    public abstract Span<double> SoundBuffer(nint cs, bool output);

    /// <summary>A copy of a PVS bus channel's current frame, or null when Csound refuses the channel.</summary>
    public abstract PvsFrame? ReadPvsFrame(nint cs, sbyte* name);

    /// <summary>Copies a frame into a PVS bus channel (Csound's status code).</summary>
    public abstract int WritePvsFrame(nint cs, sbyte* name, PvsFrame frame);

    /// <summary>Named GENs and their numbers.</summary>
    public abstract IReadOnlyDictionary<string, int> NamedGens(nint cs);

    // ==== Csound 7 only: string elements of array channels ====

    /// <summary>Bytes between the STRINGDAT elements of a string array.</summary>
    public abstract int StringElementSize { get; }

    public abstract string StringData(nint cs, void* element);

    public abstract void SetStringData(nint cs, void* element, sbyte* text);
}
