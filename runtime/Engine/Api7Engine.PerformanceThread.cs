using CsoundBindings.Interop.Api7;

namespace CsoundBindings.Engine;

/// <summary>The Csound 7 performance thread (csPerfThread.h, inside libcsound).</summary>
internal sealed unsafe partial class Api7Engine
{
    public override nint PtCreate(nint cs) => (nint)Methods.csoundCreatePerformanceThread(C(cs));

    public override void PtDestroy(nint pt) => Methods.csoundDestroyPerformanceThread((void*)pt);

    public override bool PtIsRunning(nint pt) => Methods.csoundPerformanceThreadIsRunning((void*)pt) != 0;

    public override int PtStatus(nint pt) => Methods.csoundPerformanceThreadGetStatus((void*)pt);

    public override void PtPlay(nint pt) => Methods.csoundPerformanceThreadPlay((void*)pt);

    public override void PtPause(nint pt) => Methods.csoundPerformanceThreadPause((void*)pt);

    public override void PtTogglePause(nint pt) => Methods.csoundPerformanceThreadTogglePause((void*)pt);

    public override void PtStop(nint pt) => Methods.csoundPerformanceThreadStop((void*)pt);

    public override int PtJoin(nint pt) => Methods.csoundPerformanceThreadJoin((void*)pt);



    public override void PtScoreEvent(nint pt, bool absolute, char type, int count, double* fields) =>
        Methods.csoundPerformanceThreadScoreEvent((void*)pt, absolute ? 1 : 0, (sbyte)type, count, fields);

    public override void PtInputMessage(nint pt, byte* text) => Methods.csoundPerformanceThreadInputMessage((void*)pt, (sbyte*)text);

    public override void PtSetScoreOffsetSeconds(nint pt, double seconds) => Methods.csoundPerformanceThreadSetScoreOffsetSeconds((void*)pt, seconds);

    public override void PtFlushMessageQueue(nint pt) => Methods.csoundPerformanceThreadFlushMessageQueue((void*)pt);

    public override void PtSetProcessCallback(nint pt, delegate* unmanaged[Cdecl]<void*, void> callback, void* data) =>
        Methods.csoundPerformanceThreadSetProcessCB((void*)pt, callback, data);
}
