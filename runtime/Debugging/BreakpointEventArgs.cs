using System;
using System.Collections.Generic;

namespace CsoundBindings;

/// <summary>
/// The engine stopped at a breakpoint. Raised on the performing thread, inside the control cycle; the engine stays
/// stopped (its cycles produce no time) until <see cref="CsoundDebugger.Continue"/> or <see cref="CsoundDebugger.Next"/>.
/// Everything here is a copy, safe to keep after the handler returns.
/// </summary>
public sealed class BreakpointEventArgs : EventArgs
{
    internal BreakpointEventArgs(DebugInstance instance, IReadOnlyList<DebugVariable> variables, IReadOnlyList<DebugInstance> active, string? opcode, int? opcodeLine)
    {
        Instance = instance;
        Variables = variables;
        ActiveInstances = active;
        Opcode = opcode;
        OpcodeLine = opcodeLine;
    }

    /// <summary>The instrument instance that broke: its p1 (with any fraction), p2, p3 and control cycle.</summary>
    public DebugInstance Instance { get; }

    /// <summary>That instance's variables with their current values, in the order Csound declares them.</summary>
    public IReadOnlyList<DebugVariable> Variables { get; }

    /// <summary>Every instrument instance active at the break.</summary>
    public IReadOnlyList<DebugInstance> ActiveInstances { get; }

    /// <summary>For a line breakpoint: the opcode on that line (null for an instrument breakpoint).</summary>
    public string? Opcode { get; }

    /// <summary>For a line breakpoint: the orchestra line of <see cref="Opcode"/>.</summary>
    public int? OpcodeLine { get; }

    /// <summary>The variable called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The instance has no such variable.</exception>
    public DebugVariable this[string name]
    {
        get
        {
            foreach (DebugVariable variable in Variables)
            {
                if (variable.Name == name)
                {
                    return variable;
                }
            }
            throw new KeyNotFoundException($"the instance of instrument {Instance.Instrument} has no variable '{name}'");
        }
    }
}

/// <summary>An instrument instance as the debugger sees it.</summary>
/// <param name="Instrument">p1, with its fraction (1.1 is instance 1 of instrument 1).</param>
/// <param name="Start">p2, the start time in seconds.</param>
/// <param name="Duration">p3, the duration in seconds (negative: held).</param>
/// <param name="ControlCycle">The instance's own control-cycle count (0 in its first cycle).</param>
/// <param name="Line">The orchestra line Csound records for the instance.</param>
public sealed record DebugInstance(double Instrument, double Start, double Duration, long ControlCycle, int Line);

/// <summary>
/// One variable of an instance at a breakpoint: <see cref="Value"/> for i- and k-rate numbers, <see cref="Samples"/>
/// (one control cycle) for a-rate, <see cref="Text"/> for strings; other types (arrays, f-signals) carry their name
/// and type only.
/// </summary>
/// <param name="Name">The name in the orchestra (<c>kfreq</c>).</param>
/// <param name="TypeName">Csound's type name: <c>i</c>, <c>k</c>, <c>a</c>, <c>S</c>, ...</param>
/// <param name="Value">The number, for i and k variables.</param>
/// <param name="Samples">A copy of the cycle's samples, for a variables.</param>
/// <param name="Text">The string, for S variables.</param>
public sealed record DebugVariable(string Name, string TypeName, double? Value, IReadOnlyList<double>? Samples, string? Text);
