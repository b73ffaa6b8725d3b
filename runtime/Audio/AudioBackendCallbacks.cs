using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CsoundBindings.Lifecycle;

namespace CsoundBindings.Host;

/// <summary>Csound's rt-audio callbacks, forwarded to the engine's <see cref="IAudioBackend"/>; nothing unwinds into Csound.</summary>
internal static unsafe class AudioBackendCallbacks
{
    public static delegate* unmanaged[Cdecl]<nint, void*, int> PlayOpen => &OnPlayOpen;

    public static delegate* unmanaged[Cdecl]<nint, void*, int> RecordOpen => &OnRecordOpen;

    public static delegate* unmanaged[Cdecl]<nint, double*, int, void> Play => &OnPlay;

    public static delegate* unmanaged[Cdecl]<nint, double*, int, int> Record => &OnRecord;

    public static delegate* unmanaged[Cdecl]<nint, void> Close => &OnClose;

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int OnPlayOpen(nint cs, void* parameters) => Open(cs, parameters, playback: true);

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int OnRecordOpen(nint cs, void* parameters) => Open(cs, parameters, playback: false);

    private static int Open(nint cs, void* parameters, bool playback)
    {
        int result = -1;
        Run(cs, (owner, backend) =>
        {
            AudioStreamInfo stream = owner.Api.AudioStreamInfo(parameters);
            result = (playback ? backend.OpenPlayback(stream) : backend.OpenRecording(stream)) ? 0 : -1;
        });
        return result;
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void OnPlay(nint cs, double* samples, int bytes)
    {
        int count = Math.Max(0, bytes / sizeof(double));
        Run(cs, (_, backend) => backend.Play(new ReadOnlySpan<double>(samples, count)));
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int OnRecord(nint cs, double* samples, int bytes)
    {
        int capacity = Math.Max(0, bytes / sizeof(double));
        int written = 0;
        Run(cs, (_, backend) => written = Math.Clamp(backend.Record(new Span<double>(samples, capacity)), 0, capacity));
        return written * sizeof(double);
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void OnClose(nint cs) => Run(cs, (_, backend) => backend.Close());

    private static void Run(nint cs, Action<EngineState, IAudioBackend> call)
    {
        EngineState? owner = EngineState.FromNative(cs);
        if (owner?.AudioBackend is not { } backend)
        {
            return;
        }
        using var scope = CallbackScope.Enter(owner);
        try
        {
            call(owner, backend);
        }
#pragma warning disable CA1031 // nothing may unwind into Csound
        catch (Exception e)
#pragma warning restore CA1031
        {
            owner.ReportCallbackException(e);
        }
    }
}
