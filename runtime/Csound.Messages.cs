using System;
using Microsoft.Extensions.Logging;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>
    /// Raised for every line Csound prints (whole lines, each ending with a newline; a last line without one comes at
    /// the end of the performance, at <see cref="Reset"/> or at <see cref="Dispose"/>), on the thread that makes Csound
    /// print (the caller's, or the performance thread's). Without a handler or a <see cref="Logger"/> the text goes to
    /// standard error, as Csound itself would print it.
    /// The subscription survives <see cref="Reset"/>. A handler that throws is reported through
    /// <see cref="CallbackException"/> and never reaches native code.
    /// </summary>
    public event EventHandler<CsoundMessageEventArgs>? Message
    {
        add => _state.Message += value;
        remove => _state.Message -= value;
    }

    /// <summary>
    /// Receives every line Csound prints, at a level read from the line (Csound prints its banner and most progress
    /// through its error stream, so the attribute alone would make them errors): errors, warnings, realtime messages
    /// at <see cref="LogLevel.Debug"/>, the rest at <see cref="LogLevel.Information"/>. The event id is Csound's message
    /// type. <see cref="Message"/> is raised as well. The logger survives <see cref="Reset"/>; null for none.
    /// </summary>
    public ILogger? Logger
    {
        get => _state.Logger;
        set => _state.Logger = value;
    }

    /// <summary>Logs this engine's lines under its own category, <c>CsoundBindings.Csound.</c><see cref="EngineId"/>.</summary>
    /// <param name="factory">The host's logger factory.</param>
    public void LogTo(ILoggerFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Logger = factory.CreateLogger($"CsoundBindings.Csound.{EngineId}");
    }

    /// <summary>
    /// Writes a line of the host's into this engine's message stream: it reaches <see cref="Message"/> and the
    /// <see cref="Logger"/> like Csound's own lines, with the same level rules. While another thread performs the
    /// engine the line is written there between cycles, so it lands in order with what the orchestra prints.
    /// </summary>
    /// <param name="text">The line (a newline is added when it has none).</param>
    /// <param name="attributes">Csound's message type for it (<see cref="MessageAttributes.Warning"/>, ...).</param>
    public void Log(string text, MessageAttributes attributes = MessageAttributes.Default)
    {
        ArgumentNullException.ThrowIfNull(text);
        _ = Ptr;
        if (OnPerformingThread(c => c.Log(text, attributes)))
        {
            return;
        }
        _state.OnNativeMessage((int)attributes, text.EndsWith('\n') ? text : text + "\n");
    }

    /// <summary>A number that tells this engine from the others in the process (1 for the first one created).</summary>
    public int EngineId { get; } = System.Threading.Interlocked.Increment(ref s_engines);

    private static int s_engines;

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
