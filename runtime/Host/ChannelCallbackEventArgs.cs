using System;

namespace CsoundBindings;

/// <summary>
/// An <c>invalue</c> (Csound asks the host for a value) or <c>outvalue</c> (Csound hands one over) call.
/// For control values use <see cref="Value"/>; string values arrive in <see cref="Text"/> (outvalue only).
/// </summary>
public sealed unsafe class ChannelCallbackEventArgs : EventArgs
{
    private readonly double* _value;

    internal ChannelCallbackEventArgs(string name, string typeName, double* value, string? text)
    {
        Name = name;
        TypeName = typeName;
        _value = value;
        Text = text;
    }

    /// <summary>The channel name.</summary>
    public string Name { get; }

    /// <summary>Csound's type name of the value: <c>k</c>, <c>S</c>, <c>a</c>...</summary>
    public string TypeName { get; }

    /// <summary>The string value of an <c>outvalue</c> with a string.</summary>
    public string? Text { get; }

    /// <summary>The control value: read it for <c>outvalue</c>, set it to answer <c>invalue</c>.</summary>
    public double Value
    {
        get => _value == null ? double.NaN : *_value;
        set
        {
            if (_value == null || TypeName != "k")
            {
                throw new InvalidOperationException($"Channel '{Name}' carries '{TypeName}', not a control value.");
            }
            *_value = value;
        }
    }
}

/// <summary>Supplies MIDI bytes to Csound: write into <paramref name="buffer"/> and return how many bytes were written.</summary>
public delegate int MidiInputReader(Span<byte> buffer);

/// <summary>Receives the MIDI bytes Csound sends.</summary>
public delegate void MidiOutputWriter(ReadOnlySpan<byte> bytes);
