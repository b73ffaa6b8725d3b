using System;

namespace CsoundBindings;

/// <summary>
/// An <c>invalue</c> (Csound asks the host for a value) or <c>outvalue</c> (Csound hands one over) call.
/// For control values use <see cref="Value"/>; string values use <see cref="Text"/> (an <c>invalue</c> answer is cut to
/// 255 UTF-8 bytes, the buffer Csound gives).
/// </summary>
public sealed unsafe class ChannelCallbackEventArgs : EventArgs
{
    private readonly double* _value;

    private string? _text;

    internal ChannelCallbackEventArgs(string name, string typeName, bool isRequest, double* value, string? text)
    {
        Name = name;
        TypeName = typeName;
        IsRequest = isRequest;
        _value = value;
        _text = text;
    }

    /// <summary>True for <c>invalue</c> (the host answers), false for <c>outvalue</c>.</summary>
    public bool IsRequest { get; }

    /// <summary>The channel name.</summary>
    public string Name { get; }

    /// <summary>Csound's type name of the value: <c>k</c>, <c>S</c>, <c>a</c>...</summary>
    public string TypeName { get; }

    /// <summary>The string value: what an <c>outvalue</c> sent, or the answer to a string <c>invalue</c> (set it).</summary>
    public string? Text
    {
        get => _text;
        set
        {
            if (!IsRequest || TypeName != "S")
            {
                throw new InvalidOperationException($"Channel '{Name}' is not a string invalue request ('{TypeName}'); only those take a text answer.");
            }
            _text = value;
        }
    }

    /// <summary>The control value: read it for <c>outvalue</c>, set it to answer <c>invalue</c>.</summary>
    public double Value
    {
        get => _value == null ? double.NaN : *_value;
        set
        {
            if (_value == null || TypeName != "k" || !IsRequest)
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
