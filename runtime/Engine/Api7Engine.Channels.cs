using System.Collections.Generic;
using CsoundBindings.Interop.Api7;

namespace CsoundBindings.Engine;

/// <summary>Channel members over the Csound 7 bindings.</summary>
internal sealed unsafe partial class Api7Engine
{
    public override int GetChannelPtr(nint cs, void** data, byte* name, int type) =>
        Methods.csoundGetChannelPtr(C(cs), data, (sbyte*)name, type);

    public override List<ChannelInfo>? ListChannels(nint cs)
    {
        controlChannelInfo_t* list;
        int count = Methods.csoundListChannels(C(cs), &list);
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
                Methods.csoundDeleteChannelList(C(cs), list);
            }
        }
    }

    private static ControlChannelHints Hints(in controlChannelHints_t h) =>
        new((ControlChannelBehavior)h.behav, h.dflt, h.min, h.max, h.x, h.y, h.width, h.height, Native.Utf8Text.Read(h.attributes));

    public override int SetControlChannelHints(nint cs, byte* name, ControlChannelHints hints, byte* attributes)
    {
        var native = new controlChannelHints_t
        {
            behav = (controlChannelBehavior)hints.Behavior,
            dflt = hints.Default,
            min = hints.Minimum,
            max = hints.Maximum,
            x = hints.X,
            y = hints.Y,
            width = hints.Width,
            height = hints.Height,
            attributes = (sbyte*)attributes,
        };
        return Methods.csoundSetControlChannelHints(C(cs), (sbyte*)name, native);
    }

    public override ControlChannelHints? GetControlChannelHints(nint cs, byte* name)
    {
        controlChannelHints_t hints;
        if (Methods.csoundGetControlChannelHints(C(cs), (sbyte*)name, &hints) != 0)
        {
            return null;
        }
        // Csound copies the attribute text for the caller, who owns it; it is read and then left (a few bytes).
        return Hints(hints);
    }

    public override void SetChannelCallbacks(nint cs, delegate* unmanaged[Cdecl]<nint, sbyte*, void*, void*, void> input, delegate* unmanaged[Cdecl]<nint, sbyte*, void*, void*, void> output)
    {
        Methods.csoundSetInputChannelCallback(C(cs), new channelCallback_t((delegate* unmanaged[Cdecl]<CSOUND*, sbyte*, void*, void*, void>)input));
        Methods.csoundSetOutputChannelCallback(C(cs), new channelCallback_t((delegate* unmanaged[Cdecl]<CSOUND*, sbyte*, void*, void*, void>)output));
    }

    public override void LockChannel(nint cs, byte* name) => Methods.csoundLockChannel(C(cs), (sbyte*)name);

    public override void UnlockChannel(nint cs, byte* name) => Methods.csoundUnlockChannel(C(cs), (sbyte*)name);

    public override string? ChannelVarTypeName(nint cs, byte* name) => Native.Utf8Text.Read(Methods.csoundGetChannelVarTypeName(C(cs), (sbyte*)name));
}
