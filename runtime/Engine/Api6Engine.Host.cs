using System.Collections.Generic;
using CsoundBindings.Interop.Api6;
using CsoundBindings.Native;

namespace CsoundBindings.Engine;

/// <summary>Host services over the Csound 6 bindings.</summary>
internal sealed unsafe partial class Api6Engine
{
    public override List<AudioDevice> AudioDevices(nint cs, bool output)
    {
        int count = Methods.csoundGetAudioDevList(C(cs), null, output ? 1 : 0);
        var result = new List<AudioDevice>();
        if (count <= 0)
        {
            return result;
        }
        var devices = new CS_AUDIODEVICE[count];
        fixed (CS_AUDIODEVICE* p = devices)
        {
            count = System.Math.Min(count, Methods.csoundGetAudioDevList(C(cs), p, output ? 1 : 0));
            for (int i = 0; i < count; i++)
            {
                result.Add(new AudioDevice(Utf8Text.Read(p[i].device_name)!, Utf8Text.Read(p[i].device_id)!, Utf8Text.Read(p[i].rt_module)!, p[i].max_nchnls, p[i].isOutput != 0));
            }
        }
        return result;
    }

    public override List<MidiDevice> MidiDevices(nint cs, bool output)
    {
        int count = Methods.csoundGetMIDIDevList(C(cs), null, output ? 1 : 0);
        var result = new List<MidiDevice>();
        if (count <= 0)
        {
            return result;
        }
        var devices = new CS_MIDIDEVICE[count];
        fixed (CS_MIDIDEVICE* p = devices)
        {
            count = System.Math.Min(count, Methods.csoundGetMIDIDevList(C(cs), p, output ? 1 : 0));
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
        Methods.csoundSetExternalMidiInOpenCallback(C(cs), (delegate* unmanaged[Cdecl]<CSOUND*, void**, sbyte*, int>)open);
        Methods.csoundSetExternalMidiReadCallback(C(cs), (delegate* unmanaged[Cdecl]<CSOUND*, void*, byte*, int, int>)read);
        Methods.csoundSetExternalMidiInCloseCallback(C(cs), (delegate* unmanaged[Cdecl]<CSOUND*, void*, int>)close);
    }

    public override void SetExternalMidiOut(nint cs,
        delegate* unmanaged[Cdecl]<nint, void**, sbyte*, int> open,
        delegate* unmanaged[Cdecl]<nint, void*, byte*, int, int> write,
        delegate* unmanaged[Cdecl]<nint, void*, int> close)
    {
        Methods.csoundSetExternalMidiOutOpenCallback(C(cs), (delegate* unmanaged[Cdecl]<CSOUND*, void**, sbyte*, int>)open);
        Methods.csoundSetExternalMidiWriteCallback(C(cs), (delegate* unmanaged[Cdecl]<CSOUND*, void*, byte*, int, int>)write);
        Methods.csoundSetExternalMidiOutCloseCallback(C(cs), (delegate* unmanaged[Cdecl]<CSOUND*, void*, int>)close);
    }

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

    public override bool ConfigVariableExists(nint cs, byte* name) => Methods.csoundQueryConfigurationVariable(C(cs), (sbyte*)name) != null;
}
