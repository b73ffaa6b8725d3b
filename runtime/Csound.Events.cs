using System;
using System.Collections.Generic;
using CsoundBindings.Native;

namespace CsoundBindings;

public sealed partial class Csound
{
    // Csound 6.18 drops events sent before csoundStart; they wait here and go in right after Start.
    private readonly List<(char Type, double[] Fields)> _pending = new();
    private readonly List<string> _pendingMessages = new();

    /// <summary>
    /// Sends a score event: <c>'i'</c> (instrument), <c>'f'</c> (table), <c>'e'</c> (end); on Csound 6 also
    /// <c>'a'</c> and <c>'q'</c>. The p-fields start at p1. Events sent before the engine starts are kept and
    /// sent when it starts. With a span argument the call allocates nothing.
    /// </summary>
    /// <exception cref="NotSupportedException">The event type does not exist on the loaded Csound.</exception>
    public unsafe void ScoreEvent(char type, params ReadOnlySpan<double> pfields)
    {
        nint cs = Ptr;
        if (!_started && _api.Generation == 6)
        {
            Engine.CsoundApi.CheckEventType(type, "aifqe", 6);
            _pending.Add((type, pfields.ToArray()));
            return;
        }
        int result;
        fixed (double* p = pfields)
        {
            result = _api.ScoreEvent(cs, type, p, pfields.Length, async: false);
        }
        if (result != 0)
        {
            throw new CsoundException($"ScoreEvent('{type}')", result, string.Empty);
        }
    }

    /// <summary>Ends the performance at <paramref name="seconds"/> of score time (an <c>e</c> event), so realtime runs return.</summary>
    public void SetEndMarker(double seconds) => ScoreEvent('e', 0, seconds);

    /// <summary>Sends score text as realtime events, as if typed at Csound's console (several lines allowed).</summary>
    public unsafe void InputMessage(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        nint cs = Ptr;
        if (!_started && _api.Generation == 6)
        {
            _pendingMessages.Add(text);
            return;
        }
        using var utf8 = new Utf8Text(text);
        fixed (byte* p = utf8)
        {
            _api.InputMessage(cs, p);
        }
    }

    private void FlushPendingEvents()
    {
        var events = _pending.ToArray();
        var messages = _pendingMessages.ToArray();
        _pending.Clear();
        _pendingMessages.Clear();
        foreach (var (type, fields) in events)
        {
            ScoreEvent(type, fields);
        }
        foreach (string message in messages)
        {
            InputMessage(message);
        }
    }
}
