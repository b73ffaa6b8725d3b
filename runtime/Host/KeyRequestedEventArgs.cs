using System;

namespace CsoundBindings;

/// <summary>
/// The orchestra's <c>sensekey</c> asks the host for a key (each control cycle it runs). Set <see cref="Key"/> to
/// answer; leave it null and Csound takes the key sent with <see cref="Csound.KeyPress"/> (or none).
/// </summary>
public sealed class KeyRequestedEventArgs : EventArgs
{
    /// <summary>What Csound adds to a key code for a key release.</summary>
    public const int ReleaseFlag = 0x10000;

    internal KeyRequestedEventArgs(bool isText) => IsText = isText;

    /// <summary>
    /// True when the orchestra asks for typed text (<c>sensekey</c> with one output): answer the character typed.
    /// False when it asks for key events (two outputs): answer presses and releases (code + <see cref="ReleaseFlag"/>).
    /// </summary>
    public bool IsText { get; }

    /// <summary>The key code to give Csound (1 to 65535, 0 for no key); null leaves the request unanswered.</summary>
    public int? Key { get; set; }
}
