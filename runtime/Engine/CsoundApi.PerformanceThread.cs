namespace CsoundBindings.Engine;

/// <summary>Performance-thread members of the seam (libcsnd6 on Csound 6, libcsound on Csound 7).</summary>
internal abstract unsafe partial class CsoundApi
{
    public abstract nint PtCreate(nint cs);

    public abstract void PtDestroy(nint pt);

    public abstract bool PtIsRunning(nint pt);

    public abstract int PtStatus(nint pt);

    public abstract void PtPlay(nint pt);

    public abstract void PtPause(nint pt);

    public abstract void PtTogglePause(nint pt);

    public abstract void PtStop(nint pt);

    public abstract int PtJoin(nint pt);



    public abstract void PtScoreEvent(nint pt, bool absolute, char type, int count, double* fields);

    public abstract void PtInputMessage(nint pt, byte* text);

    public abstract void PtSetScoreOffsetSeconds(nint pt, double seconds);

    public abstract void PtFlushMessageQueue(nint pt);

    public abstract void PtSetProcessCallback(nint pt, delegate* unmanaged[Cdecl]<void*, void> callback, void* data);
}
