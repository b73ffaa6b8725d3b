using System.Collections.Generic;

namespace CsoundBindings.Engine;

/// <summary>Channel members of the seam.</summary>
internal abstract unsafe partial class CsoundApi
{
    /// <summary>Gets or creates a channel; <paramref name="type"/> is kind | direction bits. Returns Csound's code.</summary>
    public abstract int GetChannelPtr(nint cs, void** data, byte* name, int type);

    public abstract int ChannelDatasize(nint cs, byte* name);

    public abstract void GetStringChannel(nint cs, byte* name, byte* buffer);

    public abstract void SetStringChannel(nint cs, byte* name, byte* text);

    public abstract List<ChannelInfo>? ListChannels(nint cs);

    public abstract int SetControlChannelHints(nint cs, byte* name, ControlChannelHints hints, byte* attributes);

    public abstract ControlChannelHints? GetControlChannelHints(nint cs, byte* name);

    public abstract void LockChannel(nint cs, byte* name);

    public abstract void UnlockChannel(nint cs, byte* name);

    /// <summary>Registers the invalue/outvalue callbacks (null pointers unregister).</summary>
    public abstract void SetChannelCallbacks(nint cs, delegate* unmanaged[Cdecl]<nint, sbyte*, void*, void*, void> input, delegate* unmanaged[Cdecl]<nint, sbyte*, void*, void*, void> output);

    /// <summary>The type name of a channel's variable (Csound 7), or null.</summary>
    public abstract string? ChannelVarTypeName(nint cs, byte* name);

    /// <summary>Converts Csound's channel list entry fields to the public record.</summary>
    protected static ChannelInfo ToChannelInfo(sbyte* name, int type, ControlChannelHints hints)
    {
        var kind = (ChannelKind)(type & 15);
        return new ChannelInfo(Native.Utf8Text.Read(name) ?? string.Empty, kind, (ChannelDirection)(type & 48),
            kind == ChannelKind.Control ? hints : null);
    }
}
