using System;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>
    /// Raised on the performing thread each time the orchestra's <c>sensekey</c> polls for a key. A handler that
    /// sets <see cref="KeyRequestedEventArgs.Key"/> answers it; one that leaves it null lets the key sent with
    /// <see cref="KeyPress"/> through. Kept across <see cref="Reset"/>.
    /// </summary>
    public event EventHandler<KeyRequestedEventArgs>? KeyRequested
    {
        add
        {
            _state.KeyRequested += value;
            _state.InstallKeyboard();
        }
        remove => _state.KeyRequested -= value;
    }
}
