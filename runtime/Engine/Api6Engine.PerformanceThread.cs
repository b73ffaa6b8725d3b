using CsoundBindings.Interop.Api6;

namespace CsoundBindings.Engine;

/// <summary>The Csound 6 performance thread: libcsnd6's C entry points, declared by headers/api6.</summary>
internal sealed unsafe partial class Api6Engine
{
    private static CsoundPerformanceThread* T(nint pt) => (CsoundPerformanceThread*)pt;

    public override nint PtCreate(nint cs) => (nint)Methods.NewCsoundPT(C(cs));

    public override void PtDestroy(nint pt) => Methods.DeleteCsoundPT(T(pt));

    public override bool PtIsRunning(nint pt) => Methods.CsoundPTisRunning(T(pt)) != 0;

    public override int PtStatus(nint pt) => Methods.CsoundPTgetStatus(T(pt));

    public override void PtPlay(nint pt) => Methods.CsoundPTplay(T(pt));

    public override void PtPause(nint pt) => Methods.CsoundPTpause(T(pt));

    public override void PtTogglePause(nint pt) => Methods.CsoundPTtogglePause(T(pt));

    public override void PtStop(nint pt) => Methods.CsoundPTstop(T(pt));

    public override int PtJoin(nint pt) => Methods.CsoundPTjoin(T(pt));



    public override void PtScoreEvent(nint pt, bool absolute, char type, int count, double* fields) =>
        Methods.CsoundPTscoreEvent(T(pt), absolute ? 1 : 0, (sbyte)type, count, fields);

    public override void PtInputMessage(nint pt, byte* text) => Methods.CsoundPTinputMessage(T(pt), (sbyte*)text);

    public override void PtSetScoreOffsetSeconds(nint pt, double seconds) => Methods.CsoundPTsetScoreOffsetSeconds(T(pt), seconds);

    public override void PtFlushMessageQueue(nint pt) => Methods.CsoundPTflushMessageQueue(T(pt));

    public override void PtSetProcessCallback(nint pt, delegate* unmanaged[Cdecl]<void*, void> callback, void* data) =>
        Methods.CsoundPTsetProcessCB(T(pt), new CsoundPTprocessCallback(callback), data);
}
