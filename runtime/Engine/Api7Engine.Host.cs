using System.Collections.Generic;
using CsoundBindings.Interop.Api7;
using CsoundBindings.Native;

namespace CsoundBindings.Engine;

/// <summary>Host services over the Csound 7 bindings.</summary>
internal sealed unsafe partial class Api7Engine
{
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

}
