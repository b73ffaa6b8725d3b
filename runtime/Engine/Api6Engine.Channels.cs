using System.Collections.Generic;
using CsoundBindings.Interop.Api6;

namespace CsoundBindings.Engine;

/// <summary>Channel members over the Csound 6 bindings.</summary>
internal sealed unsafe partial class Api6Engine
{
    public override int GetChannelPtr(nint cs, void** data, byte* name, int type) =>
        Methods.csoundGetChannelPtr(C(cs), (double**)data, (sbyte*)name, type);

    public override void SetChannelCallbacks(nint cs, delegate* unmanaged[Cdecl]<nint, sbyte*, void*, void*, void> input, delegate* unmanaged[Cdecl]<nint, sbyte*, void*, void*, void> output)
    {
        Methods.csoundSetInputChannelCallback(C(cs), new channelCallback_t((delegate* unmanaged[Cdecl]<CSOUND*, sbyte*, void*, void*, void>)input));
        Methods.csoundSetOutputChannelCallback(C(cs), new channelCallback_t((delegate* unmanaged[Cdecl]<CSOUND*, sbyte*, void*, void*, void>)output));
    }

    // Csound 6 exposes each channel's spinlock; Csound 7 locks by name.
    public override void LockChannel(nint cs, byte* name)
    {
        int* spinlock = Methods.csoundGetChannelLock(C(cs), (sbyte*)name);
        if (spinlock != null)
        {
            Methods.csoundSpinLock(spinlock);
        }
    }

    public override void UnlockChannel(nint cs, byte* name)
    {
        int* spinlock = Methods.csoundGetChannelLock(C(cs), (sbyte*)name);
        if (spinlock != null)
        {
            Methods.csoundSpinUnLock(spinlock);
        }
    }

    public override string? ChannelVarTypeName(nint cs, byte* name) => null;
}
