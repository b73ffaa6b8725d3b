namespace CsoundBindings;

/// <summary>Where an engine is in its life. <see cref="Csound.State"/> reports it; the rules for each member are in one table (see <c>StateRules</c>).</summary>
public enum CsoundState
{
    /// <summary>Just created, or <see cref="Csound.Reset"/>: options may be set, nothing is compiled.</summary>
    Created,

    /// <summary>An orchestra or CSD compiled; options may still be set.</summary>
    Compiled,

    /// <summary><see cref="Csound.Start"/> ran; options are fixed. Host-driven <see cref="Csound.PerformKsmps"/> loops stay here.</summary>
    Started,

    /// <summary><see cref="Csound.Perform"/>, <see cref="Csound.PerformAsync"/> or the <see cref="CsoundBindings.PerformanceThread"/> performs the engine.</summary>
    Performing,

    /// <summary>The performance ended (end of score, stop or error); <see cref="Csound.Reset"/> makes the engine ready again.</summary>
    Finished,

    /// <summary>Disposed: every member but <see cref="Csound.Dispose"/> throws <see cref="System.ObjectDisposedException"/>.</summary>
    Disposed,
}

/// <summary>Why a performance ended.</summary>
public enum PerformOutcome
{
    /// <summary>The score (or an <c>e</c> event, or the end marker) ended it.</summary>
    EndOfScore,

    /// <summary><see cref="Csound.Stop"/>, <see cref="PerformanceThread.Stop"/>, cancellation or disposal ended it.</summary>
    Stopped,

    /// <summary>Csound reported an error (a negative code).</summary>
    Error,
}

/// <summary>
/// The result of <see cref="Csound.Perform"/>, <see cref="Csound.PerformAsync"/> and <see cref="PerformanceThread.Join"/>:
/// the same meaning on Csound 6 and 7. <see cref="Code"/> keeps the code Csound returned (its value differs by version:
/// 2 at the end of the score on Csound 6, 1 on Csound 7; negative on error; 0 when stopped before the end).
/// </summary>
/// <param name="Outcome">Why it ended.</param>
/// <param name="Code">Csound's own code.</param>
public readonly record struct PerformResult(PerformOutcome Outcome, int Code)
{
    /// <summary>True when the score ended by itself.</summary>
    public bool IsEndOfScore => Outcome == PerformOutcome.EndOfScore;

    internal static PerformResult From(int code, bool stopRequested) =>
        code < 0 ? new(PerformOutcome.Error, code)
        : stopRequested ? new(PerformOutcome.Stopped, code)
        : code == 0 ? new(PerformOutcome.Stopped, 0)
        : new(PerformOutcome.EndOfScore, code);
}
