using System;

namespace CsoundBindings;

/// <summary>Where a graph's X axis sits (Csound's <c>WINDAT.polarity</c>).</summary>
public enum GraphPolarity
{
    /// <summary>No polarity given.</summary>
    None = 0,

    /// <summary>Values at or below zero.</summary>
    Negative = 1,

    /// <summary>Values at or above zero.</summary>
    Positive = 2,

    /// <summary>Values on both sides of zero.</summary>
    Bipolar = 3,
}

/// <summary>
/// A table display (an <c>f</c> statement or <c>ftgen</c> with displays on, the <c>display</c> and <c>dispfft</c>
/// opcodes): Csound creates a graph window, draws data into it, and removes it. The data is a copy.
/// </summary>
public sealed class GraphEventArgs : EventArgs
{
    internal GraphEventArgs(ulong windowId, string caption, double[] data, double min, double max, GraphPolarity polarity, string? name)
    {
        WindowId = windowId;
        Caption = caption;
        Data = data;
        Min = min;
        Max = max;
        Polarity = polarity;
        Name = name;
    }

    /// <summary>The window's identity: the same for its creation, its drawings and its removal.</summary>
    public ulong WindowId { get; }

    /// <summary>Csound's caption, e.g. <c>ftable 1:</c>.</summary>
    public string Caption { get; }

    /// <summary>The points drawn (empty when the window is created or removed).</summary>
    public double[] Data { get; }

    /// <summary>The smallest value of this drawing (Csound's own scan).</summary>
    public double Min { get; }

    /// <summary>The largest value of this drawing.</summary>
    public double Max { get; }

    /// <summary>Where the X axis sits.</summary>
    public GraphPolarity Polarity { get; }

    /// <summary>The window name Csound gives at creation; null for drawings and removals.</summary>
    public string? Name { get; }
}
