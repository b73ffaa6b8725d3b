using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CsoundBindings.Native;

namespace CsoundBindings.Host;

/// <summary>
/// The native entry points for per-instance callbacks. Each finds its <see cref="Csound"/> through the host-data
/// handle, and no exception ever crosses back into Csound.
/// </summary>
internal static unsafe class HostCallbacks
{
    public static delegate* unmanaged[Cdecl]<nint, sbyte*, void*, void*, void> InputChannel => &OnInputChannel;

    public static delegate* unmanaged[Cdecl]<nint, sbyte*, void*, void*, void> OutputChannel => &OnOutputChannel;

    public static delegate* unmanaged[Cdecl]<nint, void**, sbyte*, int> MidiOpen => &OnMidiOpen;

    public static delegate* unmanaged[Cdecl]<nint, void*, byte*, int, int> MidiRead => &OnMidiRead;

    public static delegate* unmanaged[Cdecl]<nint, void*, byte*, int, int> MidiWrite => &OnMidiWrite;

    public static delegate* unmanaged[Cdecl]<nint, void*, int> MidiClose => &OnMidiClose;

    private static Csound? Owner(nint cs)
    {
        nint hostData = Engine.CsoundApi.Current.GetHostData(cs);
        return hostData == 0 ? null : GCHandle.FromIntPtr(hostData).Target as Csound;
    }

    // The channel type is a CS_TYPE*, whose first field is its type name ("k", "S", "a").
    private static string TypeName(void* channelType) =>
        channelType == null ? string.Empty : Utf8Text.Read(*(sbyte**)channelType) ?? string.Empty;

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void OnInputChannel(nint cs, sbyte* name, void* value, void* type) => RaiseChannel(cs, input: true, name, value, type);

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void OnOutputChannel(nint cs, sbyte* name, void* value, void* type) => RaiseChannel(cs, input: false, name, value, type);

    private static void RaiseChannel(nint cs, bool input, sbyte* name, void* value, void* type)
    {
        try
        {
            Owner(cs)?.RaiseChannelCallback(input, Utf8Text.Read(name) ?? string.Empty, TypeName(type), value);
        }
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            Csound.ReportCallbackException(e);
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int OnMidiOpen(nint cs, void** userData, sbyte* device)
    {
        *userData = null;
        return 0;
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int OnMidiRead(nint cs, void* userData, byte* buffer, int size)
    {
        try
        {
            MidiInputReader? reader = Owner(cs)?.MidiReader;
            return reader is null ? 0 : Math.Clamp(reader(new Span<byte>(buffer, size)), 0, size);
        }
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            Csound.ReportCallbackException(e);
            return 0;
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int OnMidiWrite(nint cs, void* userData, byte* buffer, int size)
    {
        try
        {
            Owner(cs)?.MidiWriter?.Invoke(new ReadOnlySpan<byte>(buffer, size));
            return size;
        }
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            Csound.ReportCallbackException(e);
            return 0;
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int OnMidiClose(nint cs, void* userData) => 0;
}
