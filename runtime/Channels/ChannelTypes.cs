using System;

namespace CsoundBindings;

/// <summary>What a channel carries.</summary>
#pragma warning disable CA1720 // the names are Csound's own channel kinds
public enum ChannelKind
{
    /// <summary>One control value (k-rate).</summary>
    Control = 1,

    /// <summary>ksmps audio samples.</summary>
    Audio = 2,

    /// <summary>A string.</summary>
    String = 3,

    /// <summary>Streaming spectral (f-sig) frames.</summary>
    Pvs = 4,

    /// <summary>A generic variable (Csound internal).</summary>
    Var = 5,

    /// <summary>An array (Csound 7).</summary>
    Array = 6,
}
#pragma warning restore CA1720

/// <summary>Channel direction as Csound sees it: input to Csound, output from Csound, or both.</summary>
[Flags]
public enum ChannelDirection
{
    /// <summary>Neither (only reported for channels without direction).</summary>
    None = 0,

    /// <summary>The host writes, Csound reads (<c>chnget</c>).</summary>
    Input = 16,

    /// <summary>Csound writes (<c>chnset</c>), the host reads.</summary>
    Output = 32,

    /// <summary>Both directions.</summary>
    InputOutput = Input | Output,
}

/// <summary>How a front end should present a control channel.</summary>
public enum ControlChannelBehavior
{
    /// <summary>No hints.</summary>
    None = 0,

    /// <summary>Integer steps.</summary>
#pragma warning disable CA1720 // Csound's hint name
    Integer = 1,
#pragma warning restore CA1720

    /// <summary>Linear scale.</summary>
    Linear = 2,

    /// <summary>Exponential scale.</summary>
    Exponential = 3,
}

/// <summary>Display hints of a control channel (range, default, placement).</summary>
/// <param name="Behavior">Scale of the control.</param>
/// <param name="Default">Default value.</param>
/// <param name="Minimum">Lowest value.</param>
/// <param name="Maximum">Highest value.</param>
/// <param name="X">Horizontal position hint.</param>
/// <param name="Y">Vertical position hint.</param>
/// <param name="Width">Width hint.</param>
/// <param name="Height">Height hint.</param>
/// <param name="Attributes">Free-form attribute text, or null.</param>
public sealed record ControlChannelHints(
    ControlChannelBehavior Behavior, double Default, double Minimum, double Maximum,
    int X = 0, int Y = 0, int Width = 0, int Height = 0, string? Attributes = null);

/// <summary>One channel the engine has allocated.</summary>
/// <param name="Name">Channel name.</param>
/// <param name="Kind">What it carries.</param>
/// <param name="Direction">Input and/or output.</param>
/// <param name="Hints">Control hints, when the channel is a control channel with hints.</param>
public sealed record ChannelInfo(string Name, ChannelKind Kind, ChannelDirection Direction, ControlChannelHints? Hints);
