using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace CsoundBindings.Lifecycle;

/// <summary>The public members whose use depends on the engine's state.</summary>
internal enum Operation
{
    SetOption,
    Compile,
    Start,
    PerformKsmps,
    Perform,
    PlayThread,
    Reset,
    Cleanup,
    CreateThread,
    OpenPvsChannel,
    SetHostCallbacks,
    Debug,
}

/// <summary>
/// The one table of which operation is allowed in which state, with the fix a wrong call is told. Members not listed
/// here work in every state but <see cref="CsoundState.Disposed"/> (channels, events, messages, attributes, Stop):
/// events sent before the engine starts wait for <see cref="Csound.Start"/>. Nothing starts the engine implicitly
/// except <see cref="Csound.PerformKsmps"/>, <see cref="Csound.Perform"/>, <see cref="Csound.PerformAsync"/> and
/// <see cref="PerformanceThread.Play"/>.
/// </summary>
internal static class StateRules
{
    private const CsoundState C = CsoundState.Created, K = CsoundState.Compiled, S = CsoundState.Started,
        P = CsoundState.Performing, F = CsoundState.Finished;

    private static readonly FrozenDictionary<Operation, (CsoundState[] Allowed, string Fix)> Table =
        new Dictionary<Operation, (CsoundState[], string)>
        {
            [Operation.SetOption] = ([C, K], "options apply before Start; call Reset() to set them again"),
            [Operation.Compile] = ([C, K, S, P, F], ""),
            [Operation.Start] = ([C, K, S, P, F], ""), // starts once; later calls return
            [Operation.PerformKsmps] = ([C, K, S, F], "another loop or the PerformanceThread performs this engine: stop it (or send work through it) first"),
            [Operation.Perform] = ([C, K, S, F], "it is already performed by another loop or the PerformanceThread; Stop() it first"),
            [Operation.PlayThread] = ([C, K, S, P], "the performance has finished; call Reset() and compile again, then use a new PerformanceThread"),
            [Operation.Reset] = ([C, K, S, F], "Stop() the performance first (Reset waits for nothing)"),
            [Operation.Cleanup] = ([C, K, S, F], "Stop() the performance first"),
            [Operation.CreateThread] = ([C, K, S, F], "it is already performed by another loop or PerformanceThread; Stop() it first"),
            [Operation.OpenPvsChannel] = ([S, P, F], "call Start() first: Csound 7.0 crashes creating a PVS channel before the engine starts"),
            [Operation.SetHostCallbacks] = ([C, K], "host MIDI and audio callbacks are set before Start; call Reset() first"),
            [Operation.Debug] = ([C, K, S, F], "the debugger is switched on or off while nothing performs the engine; Stop() it first"),
        }.ToFrozenDictionary();

    /// <summary>Whether <paramref name="operation"/> is allowed in <paramref name="state"/>.</summary>
    public static bool Allows(Operation operation, CsoundState state) =>
        state != CsoundState.Disposed && Array.IndexOf(Table[operation].Allowed, state) >= 0;

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the state and the fix when the table forbids it.</summary>
    public static void Require(Operation operation, CsoundState state, string member)
    {
        if (!Allows(operation, state))
        {
            throw new InvalidOperationException($"{member} is not allowed while the engine is {state}: {Table[operation].Fix}.");
        }
    }
}
