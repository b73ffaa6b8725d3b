using System.Collections.Generic;
using CsoundBindings.Interop;
using CsoundBindings.Native;

namespace CsoundBindings.Engine;

/// <summary>
/// The part of the seam that is the same on every API generation: each member calls the generated common
/// functions (<see cref="ICsoundFunctions"/>), which the generic argument binds to one generation's imports.
/// The JIT specialises each instantiation, so the calls are as direct as calling the bindings by hand.
/// </summary>
internal abstract unsafe class SharedEngine<TFunctions> : CsoundApi
    where TFunctions : struct, ICsoundFunctions
{
    // ==== Lifecycle ====
    public override int Version() => TFunctions.csoundGetVersion();

    public override int Initialize(int flags) => TFunctions.csoundInitialize(flags);

    public override void Destroy(nint cs) => TFunctions.csoundDestroy(cs);

    public override nint GetHostData(nint cs) => (nint)TFunctions.csoundGetHostData(cs);

    public override void SetHostData(nint cs, nint hostData) => TFunctions.csoundSetHostData(cs, (void*)hostData);

    public override int Start(nint cs) => TFunctions.csoundStart(cs);

    public override int PerformKsmps(nint cs) => TFunctions.csoundPerformKsmps(cs);

    public override void Reset(nint cs) => TFunctions.csoundReset(cs);

    public override void SetOutput(nint cs, sbyte* name, sbyte* type, sbyte* format) => TFunctions.csoundSetOutput(cs, name, type, format);

    public override void SetInput(nint cs, sbyte* name) => TFunctions.csoundSetInput(cs, name);

    public override double Sr(nint cs) => TFunctions.csoundGetSr(cs);

    public override double Kr(nint cs) => TFunctions.csoundGetKr(cs);

    public override int Ksmps(nint cs) => (int)TFunctions.csoundGetKsmps(cs);

    public override double ZeroDbFs(nint cs) => TFunctions.csoundGet0dBFS(cs);

    public override double A4(nint cs) => TFunctions.csoundGetA4(cs);

    public override long CurrentTimeSamples(nint cs) => TFunctions.csoundGetCurrentTimeSamples(cs);

    public override double ScoreTime(nint cs) => TFunctions.csoundGetScoreTime(cs);

    public override double* Spout(nint cs) => TFunctions.csoundGetSpout(cs);

    public override double* Spin(nint cs) => TFunctions.csoundGetSpin(cs);

    public override void SetMessageStringCallback(nint cs, delegate* unmanaged[Cdecl]<nint, int, sbyte*, void> callback) =>
        TFunctions.csoundSetMessageStringCallback(cs, callback);

    // ==== Messages ==== Message buffer and UDP server: the calls both API generations declare alike, written once over ICsoundFunctions.
    public override void CreateMessageBuffer(nint cs, bool echo) => TFunctions.csoundCreateMessageBuffer(cs, echo ? 1 : 0);

    public override void DestroyMessageBuffer(nint cs) => TFunctions.csoundDestroyMessageBuffer(cs);

    public override int MessageCount(nint cs) => TFunctions.csoundGetMessageCnt(cs);

    public override string? FirstMessage(nint cs, out int attributes)
    {
        attributes = TFunctions.csoundGetFirstMessageAttr(cs);
        return Utf8Text.Read(TFunctions.csoundGetFirstMessage(cs));
    }

    public override void PopFirstMessage(nint cs) => TFunctions.csoundPopFirstMessage(cs);

    public override int UdpServerStart(nint cs, int port) => TFunctions.csoundUDPServerStart(cs, (uint)port);

    public override int UdpServerStatus(nint cs) => TFunctions.csoundUDPServerStatus(cs);

    public override int UdpServerClose(nint cs) => TFunctions.csoundUDPServerClose(cs);

    // ==== Channels ==== String channels: the calls both API generations declare alike, written once over ICsoundFunctions.
    public override int ChannelDatasize(nint cs, sbyte* name) => TFunctions.csoundGetChannelDatasize(cs, name);

    public override void GetStringChannel(nint cs, sbyte* name, sbyte* buffer) => TFunctions.csoundGetStringChannel(cs, name, buffer);

    public override void SetStringChannel(nint cs, sbyte* name, sbyte* text) => TFunctions.csoundSetStringChannel(cs, name, text);

    public override List<ChannelInfo>? ListChannels(nint cs)
    {
        controlChannelInfo_t* list;
        int count = TFunctions.csoundListChannels(cs, &list);
        if (count < 0)
        {
            return null;
        }
        try
        {
            var result = new List<ChannelInfo>(count);
            for (int i = 0; i < count; i++)
            {
                result.Add(ToChannelInfo(list[i].name, list[i].type, Hints(list[i].hints)));
            }
            return result;
        }
        finally
        {
            if (list != null)
            {
                TFunctions.csoundDeleteChannelList(cs, list);
            }
        }
    }

    private static ControlChannelHints Hints(in controlChannelHints_t h) =>
        new((ControlChannelBehavior)h.behav, h.dflt, h.min, h.max, h.x, h.y, h.width, h.height, Native.Utf8Text.Read(h.attributes));

    public override int SetControlChannelHints(nint cs, sbyte* name, ControlChannelHints hints, sbyte* attributes)
    {
        var native = new controlChannelHints_t
        {
            behav = (uint)hints.Behavior,
            dflt = hints.Default,
            min = hints.Minimum,
            max = hints.Maximum,
            x = hints.X,
            y = hints.Y,
            width = hints.Width,
            height = hints.Height,
            attributes = attributes,
        };
        return TFunctions.csoundSetControlChannelHints(cs, name, native);
    }

    public override ControlChannelHints? GetControlChannelHints(nint cs, sbyte* name)
    {
        controlChannelHints_t hints;
        if (TFunctions.csoundGetControlChannelHints(cs, name, &hints) != 0)
        {
            return null;
        }
        // Csound copies the attribute text for the caller, who owns it; it is read and then left (a few bytes).
        return Hints(hints);
    }

    // ==== Score ==== Score clock and keyboard: the calls both API generations declare alike, written once over ICsoundFunctions.
    public override bool IsScorePending(nint cs) => TFunctions.csoundIsScorePending(cs) != 0;

    public override void SetScorePending(nint cs, bool pending) => TFunctions.csoundSetScorePending(cs, pending ? 1 : 0);

    public override double ScoreOffsetSeconds(nint cs) => TFunctions.csoundGetScoreOffsetSeconds(cs);

    public override void SetScoreOffsetSeconds(nint cs, double seconds) => TFunctions.csoundSetScoreOffsetSeconds(cs, seconds);

    public override void RewindScore(nint cs) => TFunctions.csoundRewindScore(cs);

    public override void KeyPress(nint cs, byte key) => TFunctions.csoundKeyPress(cs, (sbyte)key);

    // ==== Tables ==== Function tables: the calls both API generations declare alike, written once over ICsoundFunctions.
    public override int TableLength(nint cs, int table) => TFunctions.csoundTableLength(cs, table);

    public override int GetTable(nint cs, int table, double** data) => TFunctions.csoundGetTable(cs, data, table);

    public override int GetTableArgs(nint cs, int table, double** data) => TFunctions.csoundGetTableArgs(cs, data, table);

    // ==== Host ==== Host services: the calls both API generations declare alike, written once over ICsoundFunctions.
    public override double EvalCode(nint cs, sbyte* code) => TFunctions.csoundEvalCode(cs, code);

    public override int MessageLevel(nint cs) => TFunctions.csoundGetMessageLevel(cs);

    public override void SetMessageLevel(nint cs, int level) => TFunctions.csoundSetMessageLevel(cs, level);

    public override bool Debug(nint cs) => TFunctions.csoundGetDebug(cs) != 0;

    public override void SetDebug(nint cs, bool on) => TFunctions.csoundSetDebug(cs, on ? 1 : 0);

    public override sbyte* GetEnv(nint cs, sbyte* name) => TFunctions.csoundGetEnv(cs, name);

    public override int SetGlobalEnv(sbyte* name, sbyte* value) => TFunctions.csoundSetGlobalEnv(name, value);

    public override int LoadPlugins(nint cs, sbyte* directory) => TFunctions.csoundLoadPlugins(cs, directory);

    public override double SystemSr(nint cs, double value) => TFunctions.csoundSystemSr(cs, value);

    public override int RunUtility(nint cs, sbyte* name, int argc, byte** argv) => TFunctions.csoundRunUtility(cs, name, argc, (sbyte**)argv);

    public override List<string> ListUtilities(nint cs)
    {
        var result = new List<string>();
        sbyte** list = TFunctions.csoundListUtilities(cs);
        if (list == null)
        {
            return result;
        }
        for (int i = 0; list[i] != null; i++)
        {
            result.Add(Utf8Text.Read(list[i])!);
        }
        TFunctions.csoundDeleteUtilityList(cs, list);
        return result;
    }

    public override string? UtilityDescription(nint cs, sbyte* name) => Utf8Text.Read(TFunctions.csoundGetUtilityDescription(cs, name));

    public override bool GetModule(nint cs, int index, out string name, out string type)
    {
        sbyte* n;
        sbyte* t;
        bool found = TFunctions.csoundGetModule(cs, index, &n, &t) == 0;
        name = found ? Utf8Text.Read(n) ?? string.Empty : string.Empty;
        type = found ? Utf8Text.Read(t) ?? string.Empty : string.Empty;
        return found;
    }

    public override void DebuggerInit(nint cs) => TFunctions.csoundDebuggerInit(cs);

    public override void DebuggerClean(nint cs) => TFunctions.csoundDebuggerClean(cs);

    public override void SetInstrumentBreakpoint(nint cs, double instrument, int skip) => TFunctions.csoundSetInstrumentBreakpoint(cs, instrument, skip);

    public override void RemoveInstrumentBreakpoint(nint cs, double instrument) => TFunctions.csoundRemoveInstrumentBreakpoint(cs, instrument);

    public override void SetLineBreakpoint(nint cs, int line, int instrument, int skip) => TFunctions.csoundSetBreakpoint(cs, line, instrument, skip);

    public override void RemoveLineBreakpoint(nint cs, int line, int instrument) => TFunctions.csoundRemoveBreakpoint(cs, line, instrument);

    public override void ClearBreakpoints(nint cs) => TFunctions.csoundClearBreakpoints(cs);

    public override void DebugContinue(nint cs) => TFunctions.csoundDebugContinue(cs);

    public override void DebugNext(nint cs) => TFunctions.csoundDebugNext(cs);

    public override void DebugStop(nint cs) => TFunctions.csoundDebugStop(cs);

    public override void SetRtAudioModule(nint cs, sbyte* module) => TFunctions.csoundSetRTAudioModule(cs, module);

    public override void SetMidiModule(nint cs, sbyte* module) => TFunctions.csoundSetMIDIModule(cs, module);

    public override void InitialiseSelectedModule(nint cs, bool audio)
    {
        // Csound keeps the module's name in a 20-byte global; select a copy of it (the setter copies into that global).
        const int NameBytes = 20;
        byte* global;
        fixed (byte* key = audio ? "_RTAUDIO\0"u8 : "_RTMIDI\0"u8)
        {
            global = (byte*)TFunctions.csoundQueryGlobalVariable(cs, (sbyte*)key);
        }
        if (global is null)
        {
            return;
        }
        sbyte* name = stackalloc sbyte[NameBytes + 1];
        int length = 0;
        while (length < NameBytes && global[length] != 0)
        {
            name[length] = (sbyte)global[length];
            length++;
        }
        name[length] = 0;
        if (audio)
        {
            TFunctions.csoundSetRTAudioModule(cs, name);
        }
        else
        {
            TFunctions.csoundSetMIDIModule(cs, name);
        }
    }

    public override nint CreateCircularBuffer(nint cs, int items, int itemSize) => (nint)TFunctions.csoundCreateCircularBuffer(cs, items, itemSize);

    public override int ReadCircularBuffer(nint cs, nint buffer, void* destination, int items) => TFunctions.csoundReadCircularBuffer(cs, (void*)buffer, destination, items);

    public override int PeekCircularBuffer(nint cs, nint buffer, void* destination, int items) => TFunctions.csoundPeekCircularBuffer(cs, (void*)buffer, destination, items);

    public override int WriteCircularBuffer(nint cs, nint buffer, void* source, int items) => TFunctions.csoundWriteCircularBuffer(cs, (void*)buffer, source, items);

    public override void FlushCircularBuffer(nint cs, nint buffer) => TFunctions.csoundFlushCircularBuffer(cs, (void*)buffer);

    public override void DestroyCircularBuffer(nint cs, nint buffer) => TFunctions.csoundDestroyCircularBuffer(cs, (void*)buffer);

    public override List<AudioDevice> AudioDevices(nint cs, bool output)
    {
        int count = TFunctions.csoundGetAudioDevList(cs, null, output ? 1 : 0);
        var result = new List<AudioDevice>();
        if (count <= 0)
        {
            return result;
        }
        var devices = new CS_AUDIODEVICE[count];
        fixed (CS_AUDIODEVICE* p = devices)
        {
            count = System.Math.Min(count, TFunctions.csoundGetAudioDevList(cs, p, output ? 1 : 0));
            for (int i = 0; i < count; i++)
            {
                result.Add(new AudioDevice(Utf8Text.Read(p[i].device_name)!, Utf8Text.Read(p[i].device_id)!, Utf8Text.Read(p[i].rt_module)!, p[i].max_nchnls, p[i].isOutput != 0));
            }
        }
        return result;
    }

    public override List<MidiDevice> MidiDevices(nint cs, bool output)
    {
        int count = TFunctions.csoundGetMIDIDevList(cs, null, output ? 1 : 0);
        var result = new List<MidiDevice>();
        if (count <= 0)
        {
            return result;
        }
        var devices = new CS_MIDIDEVICE[count];
        fixed (CS_MIDIDEVICE* p = devices)
        {
            count = System.Math.Min(count, TFunctions.csoundGetMIDIDevList(cs, p, output ? 1 : 0));
            for (int i = 0; i < count; i++)
            {
                result.Add(new MidiDevice(Utf8Text.Read(p[i].device_name)!, Utf8Text.Read(p[i].interface_name)!, Utf8Text.Read(p[i].device_id)!, Utf8Text.Read(p[i].midi_module)!, p[i].isOutput != 0));
            }
        }
        return result;
    }

    public override void SetExternalMidiIn(nint cs,
        delegate* unmanaged[Cdecl]<nint, void**, sbyte*, int> open,
        delegate* unmanaged[Cdecl]<nint, void*, byte*, int, int> read,
        delegate* unmanaged[Cdecl]<nint, void*, int> close)
    {
        TFunctions.csoundSetExternalMidiInOpenCallback(cs, open);
        TFunctions.csoundSetExternalMidiReadCallback(cs, read);
        TFunctions.csoundSetExternalMidiInCloseCallback(cs, close);
    }

    public override void SetExternalMidiOut(nint cs,
        delegate* unmanaged[Cdecl]<nint, void**, sbyte*, int> open,
        delegate* unmanaged[Cdecl]<nint, void*, byte*, int, int> write,
        delegate* unmanaged[Cdecl]<nint, void*, int> close)
    {
        TFunctions.csoundSetExternalMidiOutOpenCallback(cs, open);
        TFunctions.csoundSetExternalMidiWriteCallback(cs, write);
        TFunctions.csoundSetExternalMidiOutCloseCallback(cs, close);
    }

    public override bool ConfigVariableExists(nint cs, sbyte* name) => TFunctions.csoundQueryConfigurationVariable(cs, name) != null;

    // ==== Graphs, keyboard and file notices ====
    public override void SetGraphCallbacks(nint cs,
        delegate* unmanaged[Cdecl]<nint, WINDAT*, sbyte*, void> make,
        delegate* unmanaged[Cdecl]<nint, WINDAT*, void> draw,
        delegate* unmanaged[Cdecl]<nint, WINDAT*, void> kill,
        delegate* unmanaged[Cdecl]<nint, int> exit)
    {
        TFunctions.csoundSetMakeGraphCallback(cs, make);
        TFunctions.csoundSetDrawGraphCallback(cs, draw);
        TFunctions.csoundSetKillGraphCallback(cs, kill);
        TFunctions.csoundSetExitGraphCallback(cs, exit);
    }

    public override void SetIsGraphable(nint cs, bool graphable) => _ = TFunctions.csoundSetIsGraphable(cs, graphable ? 1 : 0);

    public override int RegisterKeyboardCallback(nint cs, delegate* unmanaged[Cdecl]<void*, void*, uint, int> callback, void* userData, uint typeMask) =>
        TFunctions.csoundRegisterKeyboardCallback(cs, callback, userData, typeMask);

    public override void SetFileOpenCallback(nint cs, delegate* unmanaged[Cdecl]<nint, sbyte*, int, int, int, void> callback) =>
        TFunctions.csoundSetFileOpenCallback(cs, callback);

    // CSOUND_FILETYPES is the same in every generation (headers/shared.json).
    public override string FileTypeName(int type) =>
        System.Enum.IsDefined((CSOUND_FILETYPES)type) ? ((CSOUND_FILETYPES)type).ToString()["CSFTYPE_".Length..] : type.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
