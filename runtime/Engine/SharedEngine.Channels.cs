using CsoundBindings.Interop;

namespace CsoundBindings.Engine;

/// <summary>String channels: the calls both API generations declare alike, written once over <see cref="ICsoundFunctions"/>.</summary>
internal abstract unsafe partial class SharedEngine<TFunctions>
{
    public override int ChannelDatasize(nint cs, byte* name) => TFunctions.csoundGetChannelDatasize(cs, (sbyte*)name);

    public override void GetStringChannel(nint cs, byte* name, byte* buffer) => TFunctions.csoundGetStringChannel(cs, (sbyte*)name, (sbyte*)buffer);

    public override void SetStringChannel(nint cs, byte* name, byte* text) => TFunctions.csoundSetStringChannel(cs, (sbyte*)name, (sbyte*)text);
}
