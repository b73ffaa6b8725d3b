using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CsoundBindings.Lifecycle;

namespace CsoundBindings.Messages;

/// <summary>
/// The single native message callback: finds the owning engine through the host-data handle and hands it the
/// text. Exceptions never cross back into native code.
/// </summary>
internal static unsafe class MessageRouter
{
    public static delegate* unmanaged[Cdecl]<nint, int, sbyte*, void> Pointer => &OnMessage;

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void OnMessage(nint cs, int attributes, sbyte* text)
    {
        EngineState? owner = EngineState.FromNative(cs);
        if (owner is null)
        {
            return;
        }
        using var scope = CallbackScope.Enter(owner);
        try
        {
            owner.OnNativeMessage(attributes, Native.Utf8Text.Read(text) ?? string.Empty);
        }
#pragma warning disable CA1031 // a callback must not throw into native code
        catch (Exception e)
#pragma warning restore CA1031
        {
            owner.ReportCallbackException(e);
        }
    }
}
