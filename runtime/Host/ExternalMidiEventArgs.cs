using System;

namespace CsoundBindings;

/// <summary>Csound opened or closed the host's MIDI input or output (see <see cref="Csound.SetExternalMidiInput"/>).</summary>
public sealed class ExternalMidiEventArgs : EventArgs
{
    internal ExternalMidiEventArgs(bool isInput, string device)
    {
        IsInput = isInput;
        Device = device;
    }

    /// <summary>True for the input (the reader), false for the output (the writer).</summary>
    public bool IsInput { get; }

    /// <summary>The device name Csound asked for (what <c>-M</c> or <c>-Q</c> gave, e.g. <c>0</c>).</summary>
    public string Device { get; }
}
