using System;
using System.Threading;

namespace CsoundBindings;

/// <summary>A control channel: one double shared with the orchestra's <c>chnget</c>/<c>chnset</c>.</summary>
public sealed unsafe class ControlChannel : Channel
{
    internal ControlChannel(Csound owner, string name, ChannelDirection direction, double* data)
        : base(owner, name, ChannelKind.Control, direction, data)
    {
    }

    /// <summary>
    /// The value. Reads and writes are single atomic 64-bit accesses, as Csound's own control-channel calls make
    /// them, so any thread may use it while the engine performs. No allocation, no name lookup.
    /// </summary>
    public double Value
    {
        get => Volatile.Read(ref *(double*)Checked);
        set => Volatile.Write(ref *(double*)Checked, value);
    }

    /// <summary>The value as a one-element view of Csound's memory.</summary>
    public Span<double> AsSpan() => new(Checked, 1);
}
