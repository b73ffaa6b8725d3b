using System;
using System.Collections.Generic;
using CsoundBindings.Lifecycle;

namespace CsoundBindings.Messages;

/// <summary>
/// Collects what Csound prints on the calling thread while one native call runs, for the error funnel. One object
/// per thread is reused, so a successful call allocates nothing here. Messages printed by other threads (the
/// performance thread's summaries) are not mixed in.
/// </summary>
internal sealed class MessageCapture
{
    [ThreadStatic]
    private static MessageCapture? t_active;

    [ThreadStatic]
    private static MessageCapture? t_spare;

    private readonly List<(MessageAttributes Attributes, string Text)> _parts = new();
    private EngineState? _owner;
    private MessageCapture? _previous;

    /// <summary>Starts capturing for <paramref name="owner"/> on this thread; dispose the scope to stop.</summary>
    public static Scope Begin(EngineState owner)
    {
        MessageCapture capture = t_spare ?? new MessageCapture();
        t_spare = null;
        capture._owner = owner;
        capture._previous = t_active;
        capture._parts.Clear();
        t_active = capture;
        return new Scope(capture);
    }

    /// <summary>Called for every message; keeps it when this thread captures for that engine.</summary>
    public static void Offer(EngineState owner, MessageAttributes attributes, string text)
    {
        for (MessageCapture? c = t_active; c is not null; c = c._previous)
        {
            if (ReferenceEquals(c._owner, owner))
            {
                c._parts.Add((attributes, text));
                return;
            }
        }
    }

    /// <summary>The captured text as whole lines, each with the attributes of its first fragment.</summary>
    public List<(MessageAttributes Attributes, string Line)> Lines()
    {
        var lines = new List<(MessageAttributes, string)>();
        var assembler = new LineAssembler();
        foreach (var (attributes, text) in _parts)
        {
            assembler.Append(attributes, text, lines);
        }
        assembler.Flush(lines);
        return lines;
    }

    /// <summary>The capture of one call; ending it restores the outer capture.</summary>
    public readonly struct Scope : IDisposable
    {
        public Scope(MessageCapture capture) => Capture = capture;

        public MessageCapture Capture { get; }

        public void Dispose()
        {
            MessageCapture capture = Capture;
            t_active = capture._previous;
            capture._previous = null;
            capture._owner = null;
            t_spare = capture;
        }
    }
}
