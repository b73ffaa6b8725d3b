using System;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>
    /// Raised for every piece of text Csound prints, on the thread that makes Csound print (the caller's, or the
    /// performance thread's). Without a handler the text goes to standard error, as Csound itself would print it.
    /// The subscription survives <see cref="Reset"/>. A handler that throws is reported through
    /// <see cref="CallbackException"/> and never reaches native code.
    /// </summary>
    public event EventHandler<CsoundMessageEventArgs>? Message
    {
        add => _state.Message += value;
        remove => _state.Message -= value;
    }

    /// <summary>
    /// Raised when a .NET handler called from this engine (messages, channel and MIDI callbacks, C# opcodes, the
    /// performance thread's process callback and commands) threw; the exception is contained, not rethrown. The sender
    /// is this engine.
    /// </summary>
    public event EventHandler<UnhandledExceptionEventArgs>? CallbackException
    {
        add => _state.CallbackException += value;
        remove => _state.CallbackException -= value;
    }

    /// <summary>Raised for a contained callback exception of any engine (after that engine's own <see cref="CallbackException"/>); the sender is the engine.</summary>
    public static event EventHandler<UnhandledExceptionEventArgs>? AnyCallbackException;

    internal static bool RaiseAnyCallbackException(Csound sender, UnhandledExceptionEventArgs args) =>
        Lifecycle.EngineState.Raise(AnyCallbackException, sender, args);
}
