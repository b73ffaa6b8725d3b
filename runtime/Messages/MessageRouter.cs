using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CsoundBindings.Messages;

/// <summary>
/// The single native message callback: finds the owning <see cref="Csound"/> through the host-data
/// GC handle and hands it the text. Exceptions never cross back into native code.
/// </summary>
internal static unsafe class MessageRouter
{
    public static delegate* unmanaged[Cdecl]<nint, int, sbyte*, void> Pointer => &OnMessage;

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void OnMessage(nint cs, int attributes, sbyte* text)
    {
        try
        {
            nint hostData = Engine.CsoundApi.Current.GetHostData(cs);
            if (hostData == 0 || GCHandle.FromIntPtr(hostData).Target is not Csound owner)
            {
                return;
            }
            owner.OnNativeMessage(attributes, Native.Utf8Text.Read(text) ?? string.Empty);
        }
#pragma warning disable CA1031 // a callback must not throw into native code
        catch (Exception e)
#pragma warning restore CA1031
        {
            Csound.ReportCallbackException(e);
        }
    }
}
