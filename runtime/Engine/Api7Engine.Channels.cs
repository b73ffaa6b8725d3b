using System.Collections.Generic;
using CsoundBindings.Interop.Api7;

namespace CsoundBindings.Engine;

/// <summary>Channel members over the Csound 7 bindings.</summary>
internal sealed unsafe partial class Api7Engine
{
    public override int GetChannelPtr(nint cs, void** data, byte* name, int type) =>
        Methods.csoundGetChannelPtr(C(cs), data, (sbyte*)name, type);

    public override void SetChannelCallbacks(nint cs, delegate* unmanaged[Cdecl]<nint, sbyte*, void*, void*, void> input, delegate* unmanaged[Cdecl]<nint, sbyte*, void*, void*, void> output)
    {
        Methods.csoundSetInputChannelCallback(C(cs), new channelCallback_t((delegate* unmanaged[Cdecl]<CSOUND*, sbyte*, void*, void*, void>)input));
        Methods.csoundSetOutputChannelCallback(C(cs), new channelCallback_t((delegate* unmanaged[Cdecl]<CSOUND*, sbyte*, void*, void*, void>)output));
    }

    public override void LockChannel(nint cs, byte* name) => Methods.csoundLockChannel(C(cs), (sbyte*)name);

    public override void UnlockChannel(nint cs, byte* name) => Methods.csoundUnlockChannel(C(cs), (sbyte*)name);

    public override string? ChannelVarTypeName(nint cs, byte* name) => Native.Utf8Text.Read(Methods.csoundGetChannelVarTypeName(C(cs), (sbyte*)name));
}
