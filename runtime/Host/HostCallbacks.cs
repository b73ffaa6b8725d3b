using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CsoundBindings.Lifecycle;
using CsoundBindings.Native;

namespace CsoundBindings.Host;

/// <summary>
/// The native entry points for per-instance callbacks. Each finds its engine through the host-data handle, marks
/// the thread as inside a callback, and no exception ever crosses back into Csound.
/// </summary>
internal static unsafe class HostCallbacks
{
    /// <summary>Csound gives a string <c>invalue</c> a buffer of at least this many bytes (it allocates 256).</summary>
    public const int StringValueCapacity = 256;

    public static delegate* unmanaged[Cdecl]<nint, sbyte*, void*, void*, void> InputChannel => &OnInputChannel;

    public static delegate* unmanaged[Cdecl]<nint, sbyte*, void*, void*, void> OutputChannel => &OnOutputChannel;

    public static delegate* unmanaged[Cdecl]<nint, void**, sbyte*, int> MidiInOpen => &OnMidiInOpen;

    public static delegate* unmanaged[Cdecl]<nint, void**, sbyte*, int> MidiOutOpen => &OnMidiOutOpen;

    public static delegate* unmanaged[Cdecl]<nint, void*, byte*, int, int> MidiRead => &OnMidiRead;

    public static delegate* unmanaged[Cdecl]<nint, void*, byte*, int, int> MidiWrite => &OnMidiWrite;

    public static delegate* unmanaged[Cdecl]<nint, void*, int> MidiInClose => &OnMidiInClose;

    public static delegate* unmanaged[Cdecl]<nint, void*, int> MidiOutClose => &OnMidiOutClose;

    // The channel type is a CS_TYPE*, whose first field is its type name ("k", "S", "a").
    private static string TypeName(void* channelType) =>
        channelType == null ? string.Empty : Utf8Text.Read(*(sbyte**)channelType) ?? string.Empty;

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void OnInputChannel(nint cs, sbyte* name, void* value, void* type) => RaiseChannel(cs, input: true, name, value, type);

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void OnOutputChannel(nint cs, sbyte* name, void* value, void* type) => RaiseChannel(cs, input: false, name, value, type);

    private static void RaiseChannel(nint cs, bool input, sbyte* name, void* value, void* type)
    {
        EngineState? owner = EngineState.FromNative(cs);
        if (owner is null)
        {
            return;
        }
        using var scope = CallbackScope.Enter(owner);
        try
        {
            EventHandler<ChannelCallbackEventArgs>? handler = input ? owner.InputChannel : owner.OutputChannel;
            if (handler is null)
            {
                return;
            }
            string typeName = TypeName(type);
            bool isString = typeName == "S";
            // A string value is the STRINGDAT's char buffer itself, not a pointer to one.
            var args = new ChannelCallbackEventArgs(Utf8Text.Read(name) ?? string.Empty, typeName, input,
                typeName == "k" ? (double*)value : null,
                isString && !input && value != null ? Utf8Text.Read((sbyte*)value) : null);
            handler(owner.Owner, args);
            if (isString && input && value != null)
            {
                Utf8Text.WriteTruncated(args.Text ?? string.Empty, new Span<byte>(value, StringValueCapacity));
            }
        }
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            owner.ReportCallbackException(e);
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int OnMidiInOpen(nint cs, void** userData, sbyte* device) => MidiDevice(cs, userData, device, input: true, opened: true);

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int OnMidiOutOpen(nint cs, void** userData, sbyte* device) => MidiDevice(cs, userData, device, input: false, opened: true);

    // Csound hands the open callback's user data back to close: the device name is kept in the state for it.
    private static int MidiDevice(nint cs, void** userData, sbyte* device, bool input, bool opened)
    {
        if (userData != null)
        {
            *userData = null;
        }
        EngineState? owner = EngineState.FromNative(cs);
        if (owner is null)
        {
            return 0;
        }
        string name = opened ? Utf8Text.Read(device) ?? string.Empty : owner.MidiDeviceName(input);
        if (opened)
        {
            owner.SetMidiDeviceName(input, name);
        }
        NoticeCallbacks.Raise(owner, opened ? static s => s.ExternalMidiOpened : static s => s.ExternalMidiClosed, () => new ExternalMidiEventArgs(input, name));
        return 0;
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int OnMidiRead(nint cs, void* userData, byte* buffer, int size)
    {
        EngineState? owner = EngineState.FromNative(cs);
        if (owner?.MidiReader is not { } reader || size <= 0)
        {
            return 0;
        }
        using var scope = CallbackScope.Enter(owner);
        try
        {
            // Csound reads again as long as a read returns data, within one cycle: past the allowance the cycle goes on.
            int allowance = owner.MidiAllowance(owner.Api.CurrentTimeSamples(cs));
            if (allowance <= 1)
            {
                return 0;
            }
            // One byte is kept back: Csound peeks at the byte after a status byte, also past the end of the data.
            var data = new Span<byte>(buffer, Math.Min(size, allowance) - 1);
            int count = MidiBytes.Sanitize(data[..Math.Clamp(reader(data), 0, data.Length)]);
            buffer[count] = 0;
            owner.MidiBytesRead(count);
            return count;
        }
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            owner.ReportCallbackException(e);
            return 0;
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int OnMidiWrite(nint cs, void* userData, byte* buffer, int size)
    {
        EngineState? owner = EngineState.FromNative(cs);
        if (owner?.MidiWriter is not { } writer || size <= 0)
        {
            return 0;
        }
        using var scope = CallbackScope.Enter(owner);
        try
        {
            writer(new ReadOnlySpan<byte>(buffer, size));
            return size;
        }
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            owner.ReportCallbackException(e);
            return 0;
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int OnMidiInClose(nint cs, void* userData) => MidiDevice(cs, null, null, input: true, opened: false);

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int OnMidiOutClose(nint cs, void* userData) => MidiDevice(cs, null, null, input: false, opened: false);
}
