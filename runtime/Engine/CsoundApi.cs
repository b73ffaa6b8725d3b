using System;
using System.Collections.Generic;

namespace CsoundBindings.Engine;

/// <summary>
/// The one seam between the public classes and the generated bindings. One implementation per Csound API
/// generation, chosen once per process from <c>csoundGetVersion</c>. The instance pointer travels as
/// <c>nint</c>; strings arrive as NUL-terminated UTF-8.
/// </summary>
internal abstract unsafe partial class CsoundApi
{
    private static CsoundApi? _current;

    /// <summary>The implementation for the loaded library.</summary>
    public static CsoundApi Current => _current ??= CsoundLibrary.IsApi7 ? new Api7Engine() : new Api6Engine();

    /// <summary>The API generation (6 or 7).</summary>
    public abstract int Generation { get; }

    public abstract int Version();

    public abstract int ApiVersion();

    public abstract int Initialize(int flags);

    public abstract nint Create(nint hostData);

    public abstract void Destroy(nint cs);

    public abstract nint GetHostData(nint cs);

    public abstract void SetHostData(nint cs, nint hostData);

    public abstract void SetMessageStringCallback(nint cs, delegate* unmanaged[Cdecl]<nint, int, sbyte*, void> callback);

    /// <summary>Applies options; API 6 needs one call per option, API 7 takes the whole string.</summary>
    public abstract int SetOptions(nint cs, IReadOnlyList<string> options, string whole);

    public abstract int CompileOrc(nint cs, byte* text, bool async);

    public abstract int CompileCsd(nint cs, byte* pathOrText, bool isText);

    public abstract int ReadScore(nint cs, byte* text);

    public abstract void InputMessage(nint cs, byte* text);

    public abstract int Start(nint cs);

    public abstract int PerformKsmps(nint cs);

    /// <summary>True when Perform reports the last cycle's code (API 6, like csoundPerform); false: 1, like libcsound on API 7.</summary>
    public abstract bool PerformReturnsCycleCode { get; }

    public abstract void Stop(nint cs);

    public abstract void Reset(nint cs);

    public abstract int Cleanup(nint cs);

    public abstract double Sr(nint cs);

    public abstract double Kr(nint cs);

    public abstract int Ksmps(nint cs);

    public abstract int Nchnls(nint cs);

    public abstract int NchnlsInput(nint cs);

    public abstract double ZeroDbFs(nint cs);

    public abstract double A4(nint cs);

    public abstract long CurrentTimeSamples(nint cs);

    public abstract double ScoreTime(nint cs);

    public abstract double* Spout(nint cs);

    public abstract double* Spin(nint cs);

    /// <summary>Sends a score event; <paramref name="type"/> is the score letter.</summary>
    public abstract int ScoreEvent(nint cs, char type, double* fields, int count, bool async);

    /// <summary>The native opcode list (API 6) or null when the library has none (API 7).</summary>
    public abstract List<OpcodeDef>? NativeOpcodeList(nint cs);

    /// <summary>Throws when <paramref name="type"/> is not a score event this API can send.</summary>
    public static void CheckEventType(char type, string allowed, int generation)
    {
        if (allowed.IndexOf(type, StringComparison.Ordinal) < 0)
        {
            throw new NotSupportedException(
                $"Score event type '{type}' is not available on Csound {generation}; use one of '{allowed}' (or InputMessage with score text).");
        }
    }
}
