using System;

namespace CsoundBindings;

/// <summary>A line Csound printed, with the attribute bits of its first fragment.</summary>
public sealed class CsoundMessageEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public CsoundMessageEventArgs(MessageAttributes attributes, string text)
    {
        Attributes = attributes;
        Text = text;
    }

    /// <summary>Message type and colour bits.</summary>
    public MessageAttributes Attributes { get; }

    /// <summary>One whole line with its newline (a last line without one may come at the end, without it).</summary>
    public string Text { get; }

    /// <summary>The message type without colour bits.</summary>
    public MessageAttributes Type => Attributes & MessageAttributes.TypeMask;
}

/// <summary>Csound's message attribute bits.</summary>
[Flags]
public enum MessageAttributes
{
    /// <summary>Ordinary message.</summary>
    Default = 0,

    /// <summary>An error.</summary>
    Error = 0x1000,

    /// <summary>Orchestra output (e.g. print opcodes).</summary>
    Orchestra = 0x2000,

    /// <summary>Realtime performance messages.</summary>
    Realtime = 0x3000,

    /// <summary>A warning.</summary>
    Warning = 0x4000,

    /// <summary>Text meant for stdout.</summary>
    Stdout = 0x5000,

    /// <summary>Mask selecting the type.</summary>
    TypeMask = 0x7000,
}
