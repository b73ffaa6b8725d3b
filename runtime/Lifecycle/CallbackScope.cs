using System;

namespace CsoundBindings.Lifecycle;

/// <summary>
/// Marks the current thread as running one of an engine's callbacks (messages, channels, MIDI, C# opcodes, the
/// performance thread's cycle), so that calls which would destroy or reset the engine under Csound's feet are
/// refused or deferred instead of crashing the process.
/// </summary>
internal readonly struct CallbackScope : IDisposable
{
    [ThreadStatic]
    private static EngineState? t_current;

    [ThreadStatic]
    private static int t_depth;

    private readonly EngineState? _previous;

    private CallbackScope(EngineState? previous) => _previous = previous;

    public static CallbackScope Enter(EngineState state)
    {
        var scope = new CallbackScope(t_current);
        t_current = state;
        t_depth++;
        return scope;
    }

    public void Dispose()
    {
        t_current = _previous;
        t_depth--;
    }

    /// <summary>True when this thread is inside a callback of <paramref name="state"/>'s engine.</summary>
    public static bool IsInside(EngineState state) => t_depth > 0 && ReferenceEquals(t_current, state);

    public static void ThrowIfInside(EngineState state, string member)
    {
        if (IsInside(state))
        {
            throw new InvalidOperationException(
                $"{member} cannot run inside one of this engine's callbacks: Csound is in the middle of a call. Call it after the callback returns (Dispose from a callback is deferred).");
        }
    }
}
