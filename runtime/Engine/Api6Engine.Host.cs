using System.Collections.Generic;
using CsoundBindings.Interop.Api6;
using CsoundBindings.Native;

namespace CsoundBindings.Engine;

/// <summary>Host services over the Csound 6 bindings.</summary>
internal sealed unsafe partial class Api6Engine
{
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

}
