using System;
using CsoundBindings.Engine;
using CsoundBindings.Lifecycle;

namespace CsoundBindings;

/// <summary>
/// Csound's debugger for one engine (<see cref="Csound.Debugger"/>): breakpoints by instrument (and instance) or by
/// orchestra line, continue / next / stop, and <see cref="BreakpointHit"/> with the instance's variables. Enable it
/// while nothing performs the engine; breakpoints and commands may be sent from any thread at any time after that
/// (Csound applies them at the next control cycle). Reset and Dispose switch it off.
/// </summary>
public sealed class CsoundDebugger
{
    private readonly EngineState _state;
    private readonly CsoundApi _api;

    internal CsoundDebugger(EngineState state, CsoundApi api)
    {
        _state = state;
        _api = api;
    }

    /// <summary>True between <see cref="Enable"/> and <see cref="Disable"/> (or a Reset).</summary>
    public bool IsEnabled => _state.DebuggerOn;

    /// <summary>
    /// Raised on the performing thread when the engine stops at a breakpoint. The engine then stays stopped until
    /// <see cref="Continue"/> or <see cref="Next"/>, which the handler itself may call. Exceptions from the handler go
    /// to <see cref="Csound.CallbackException"/>.
    /// </summary>
    public event EventHandler<BreakpointEventArgs>? BreakpointHit
    {
        add => _state.Breakpoint += value;
        remove => _state.Breakpoint -= value;
    }

    /// <summary>Switches the debugger on (a little slower per cycle while it is on).</summary>
    /// <exception cref="InvalidOperationException">Something performs the engine now: stop it first.</exception>
    public unsafe void Enable()
    {
        nint cs = _state.Require(Operation.Debug, nameof(Enable));
        if (_state.DebuggerOn)
        {
            return;
        }
        _api.DebuggerInit(cs);
        _api.SetBreakpointCallback(cs, DebuggerCallbacks.Breakpoint);
        _state.DebuggerOn = true;
    }

    /// <summary>Switches the debugger off and forgets its breakpoints.</summary>
    /// <exception cref="InvalidOperationException">Something performs the engine now: stop it first.</exception>
    public void Disable()
    {
        nint cs = _state.Require(Operation.Debug, nameof(Disable));
        _state.SwitchDebuggerOff(cs);
    }

    /// <summary>Breaks when an instance whose p1 is exactly <paramref name="instrument"/> performs (1 stops the instances started as 1, 1.2 only those started as 1.2).</summary>
    /// <param name="instrument">The instrument number, with a fraction for one instance.</param>
    /// <param name="skip">How many times to pass the breakpoint before it breaks.</param>
    public void AddInstrumentBreakpoint(double instrument, int skip = 0)
    {
        CheckInstrument(instrument, skip);
        _api.SetInstrumentBreakpoint(Ready(), instrument, skip);
    }

    /// <summary>Removes the breakpoint set with <see cref="AddInstrumentBreakpoint"/> for <paramref name="instrument"/>.</summary>
    public void RemoveInstrumentBreakpoint(double instrument)
    {
        CheckInstrument(instrument, 0);
        _api.RemoveInstrumentBreakpoint(Ready(), instrument);
    }

    /// <summary>Breaks before the k-rate opcode on orchestra line <paramref name="line"/> of <paramref name="instrument"/> runs (init-time lines never break).</summary>
    /// <param name="line">The line in the orchestra text as compiled (1 is its first line).</param>
    /// <param name="instrument">The instrument number the line belongs to.</param>
    /// <param name="skip">How many times to pass the breakpoint before it breaks.</param>
    public void AddLineBreakpoint(int line, int instrument, int skip = 0)
    {
        CheckLine(line, instrument, skip);
        _api.SetLineBreakpoint(Ready(), line, instrument, skip);
    }

    /// <summary>Removes the breakpoint set with <see cref="AddLineBreakpoint"/>.</summary>
    public void RemoveLineBreakpoint(int line, int instrument)
    {
        CheckLine(line, instrument, 0);
        _api.RemoveLineBreakpoint(Ready(), line, instrument);
    }

    /// <summary>Removes every breakpoint.</summary>
    public void ClearBreakpoints() => _api.ClearBreakpoints(Ready());

    /// <summary>Resumes a stopped engine until the next breakpoint.</summary>
    public void Continue() => _api.DebugContinue(Ready());

    /// <summary>Resumes a stopped engine and stops again at the next instrument instance.</summary>
    public void Next() => _api.DebugNext(Ready());

    /// <summary>Stops the engine at the next control cycle, as a breakpoint would (and raises <see cref="BreakpointHit"/>).</summary>
    public void Stop() => _api.DebugStop(Ready());

    private nint Ready()
    {
        nint cs = _state.Ptr;
        return _state.DebuggerOn ? cs : throw new InvalidOperationException("The debugger is off: call Debugger.Enable() first.");
    }

    private static void CheckInstrument(double instrument, int skip)
    {
        if (!double.IsFinite(instrument) || instrument < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(instrument), instrument, "an instrument number is 1 or more");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
    }

    private static void CheckLine(int line, int instrument, int skip)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(line, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(instrument, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
    }
}
