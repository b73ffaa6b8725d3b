using System.Collections.Generic;
using CsoundBindings.Interop;
using CsoundBindings.Native;

namespace CsoundBindings.Engine;

/// <summary>String channels: the calls both API generations declare alike, written once over <see cref="ICsoundFunctions"/>.</summary>
internal abstract unsafe partial class SharedEngine<TFunctions>
{
    public override int ChannelDatasize(nint cs, byte* name) => TFunctions.csoundGetChannelDatasize(cs, (sbyte*)name);

    public override void GetStringChannel(nint cs, byte* name, byte* buffer) => TFunctions.csoundGetStringChannel(cs, (sbyte*)name, (sbyte*)buffer);

    public override void SetStringChannel(nint cs, byte* name, byte* text) => TFunctions.csoundSetStringChannel(cs, (sbyte*)name, (sbyte*)text);

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

    public override int SetControlChannelHints(nint cs, byte* name, ControlChannelHints hints, byte* attributes)
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
            attributes = (sbyte*)attributes,
        };
        return TFunctions.csoundSetControlChannelHints(cs, (sbyte*)name, native);
    }

    public override ControlChannelHints? GetControlChannelHints(nint cs, byte* name)
    {
        controlChannelHints_t hints;
        if (TFunctions.csoundGetControlChannelHints(cs, (sbyte*)name, &hints) != 0)
        {
            return null;
        }
        // Csound copies the attribute text for the caller, who owns it; it is read and then left (a few bytes).
        return Hints(hints);
    }
}
