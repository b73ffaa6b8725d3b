using System.Collections.Generic;
using CsoundBindings.Interop;
using CsoundBindings.Native;

namespace CsoundBindings.Engine;

/// <summary>Host services: the calls both API generations declare alike, written once over <see cref="ICsoundFunctions"/>.</summary>
internal abstract unsafe partial class SharedEngine<TFunctions>
{
    public override double EvalCode(nint cs, byte* code) => TFunctions.csoundEvalCode(cs, (sbyte*)code);

    public override int MessageLevel(nint cs) => TFunctions.csoundGetMessageLevel(cs);

    public override void SetMessageLevel(nint cs, int level) => TFunctions.csoundSetMessageLevel(cs, level);

    public override bool Debug(nint cs) => TFunctions.csoundGetDebug(cs) != 0;

    public override void SetDebug(nint cs, bool on) => TFunctions.csoundSetDebug(cs, on ? 1 : 0);

    public override byte* GetEnv(nint cs, byte* name) => (byte*)TFunctions.csoundGetEnv(cs, (sbyte*)name);

    public override int SetGlobalEnv(byte* name, byte* value) => TFunctions.csoundSetGlobalEnv((sbyte*)name, (sbyte*)value);

    public override int LoadPlugins(nint cs, byte* directory) => TFunctions.csoundLoadPlugins(cs, (sbyte*)directory);

    public override double SystemSr(nint cs, double value) => TFunctions.csoundSystemSr(cs, value);

    public override int RunUtility(nint cs, byte* name, int argc, byte** argv) => TFunctions.csoundRunUtility(cs, (sbyte*)name, argc, (sbyte**)argv);

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

    public override string? UtilityDescription(nint cs, byte* name) => Utf8Text.Read(TFunctions.csoundGetUtilityDescription(cs, (sbyte*)name));

    public override bool GetModule(nint cs, int index, out string name, out string type)
    {
        sbyte* n;
        sbyte* t;
        bool found = TFunctions.csoundGetModule(cs, index, &n, &t) == 0;
        name = found ? Utf8Text.Read(n) ?? string.Empty : string.Empty;
        type = found ? Utf8Text.Read(t) ?? string.Empty : string.Empty;
        return found;
    }

    public override void SetRtAudioModule(nint cs, byte* module) => TFunctions.csoundSetRTAudioModule(cs, (sbyte*)module);

    public override void SetMidiModule(nint cs, byte* module) => TFunctions.csoundSetMIDIModule(cs, (sbyte*)module);

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

    public override bool ConfigVariableExists(nint cs, byte* name) => TFunctions.csoundQueryConfigurationVariable(cs, (sbyte*)name) != null;
}
