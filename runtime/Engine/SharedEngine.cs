using CsoundBindings.Interop;

namespace CsoundBindings.Engine;

/// <summary>Lifecycle, perform loop and engine attributes: the calls both API generations declare alike, written once over <see cref="ICsoundFunctions"/>.</summary>
internal abstract unsafe partial class SharedEngine<TFunctions>
{
    public override int Version() => TFunctions.csoundGetVersion();

    public override int Initialize(int flags) => TFunctions.csoundInitialize(flags);

    public override void Destroy(nint cs) => TFunctions.csoundDestroy(cs);

    public override nint GetHostData(nint cs) => (nint)TFunctions.csoundGetHostData(cs);

    public override void SetHostData(nint cs, nint hostData) => TFunctions.csoundSetHostData(cs, (void*)hostData);

    public override int Start(nint cs) => TFunctions.csoundStart(cs);

    public override int PerformKsmps(nint cs) => TFunctions.csoundPerformKsmps(cs);

    public override void Reset(nint cs) => TFunctions.csoundReset(cs);

    public override double Sr(nint cs) => TFunctions.csoundGetSr(cs);

    public override double Kr(nint cs) => TFunctions.csoundGetKr(cs);

    public override int Ksmps(nint cs) => (int)TFunctions.csoundGetKsmps(cs);

    public override double ZeroDbFs(nint cs) => TFunctions.csoundGet0dBFS(cs);

    public override double A4(nint cs) => TFunctions.csoundGetA4(cs);

    public override long CurrentTimeSamples(nint cs) => TFunctions.csoundGetCurrentTimeSamples(cs);

    public override double ScoreTime(nint cs) => TFunctions.csoundGetScoreTime(cs);

    public override double* Spout(nint cs) => TFunctions.csoundGetSpout(cs);

    public override double* Spin(nint cs) => TFunctions.csoundGetSpin(cs);

    public override void SetMessageStringCallback(nint cs, delegate* unmanaged[Cdecl]<nint, int, sbyte*, void> callback) =>
        TFunctions.csoundSetMessageStringCallback(cs, callback);
}
