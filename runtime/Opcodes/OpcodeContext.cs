using System;

namespace CsoundBindings;

/// <summary>
/// What a C# opcode sees of one opcode instance: its arguments and a few doubles of private state.
/// Valid only during the call it is passed to.
/// </summary>
public readonly unsafe ref struct OpcodeContext
{
    private readonly byte* _block;
    private readonly int _header;
    private readonly int _ksmps;
    private readonly ManagedOpcode _opcode;

    internal OpcodeContext(byte* block, int header, int ksmps, ManagedOpcode opcode)
    {
        _block = block;
        _header = header;
        _ksmps = ksmps;
        _opcode = opcode;
    }

    /// <summary>Samples per control cycle.</summary>
    public int Ksmps => _ksmps;

    private double* Arg(int index) => ((double**)(_block + _header))[index];

    private int Length(char type) => type == 'a' ? _ksmps : 1;

    /// <summary>Output <paramref name="index"/>: ksmps samples for an a-rate output, one value otherwise.</summary>
    public Span<double> Output(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_opcode.OutTypes.Length, nameof(index));
        return new Span<double>(Arg(index), Length(_opcode.OutTypes[index]));
    }

    /// <summary>Input <paramref name="index"/>: ksmps samples for an a-rate input, one value otherwise.</summary>
    public ReadOnlySpan<double> Input(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_opcode.InTypes.Length, nameof(index));
        return new ReadOnlySpan<double>(Arg(_opcode.OutTypes.Length + index), Length(_opcode.InTypes[index]));
    }

    /// <summary>Per-instance state kept by Csound between calls (<see cref="ManagedOpcode.StateSize"/> doubles, zero at first init).</summary>
    public Span<double> State => new(_block + _header + (_opcode.OutTypes.Length + _opcode.InTypes.Length) * sizeof(nint), ManagedOpcode.StateSize);
}
