using System;
using System.Collections.Generic;
using CsoundBindings.Lifecycle;
using CsoundBindings.Messages;
using CsoundBindings.Native;
using Kind = CsoundBindings.Lifecycle.PendingEvents.Kind;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>
    /// Sends a score event: <c>'i'</c> (instrument), <c>'f'</c> (table), <c>'e'</c> (end); on Csound 6 also
    /// <c>'a'</c> and <c>'q'</c>. The p-fields start at p1. Events sent before the engine starts are kept (thread-safe,
    /// in order) and sent when it starts; <see cref="Reset"/> drops them. With a span argument the call allocates nothing
    /// once the engine runs.
    /// </summary>
    /// <exception cref="NotSupportedException">The event type does not exist on the loaded Csound.</exception>
    public unsafe void ScoreEvent(char type, params ReadOnlySpan<double> pfields)
    {
        nint cs = Ptr;
        Engine.CsoundApi.CheckEventType(type, _api.EventTypes, _api.Generation);
        if (!_state.IsStarted && _state.Pending.TryAdd(new(Kind.Event, type, pfields.ToArray(), 0, null)))
        {
            return;
        }
        if (SentThroughPlayingThread(type, pfields, absolute: false))
        {
            return;
        }
        SendEvent(cs, type, pfields, async: OtherThreadPerforms);
    }

    /// <summary>
    /// Csound 7's event and score-text calls take no lock: while a runtime loop performs the engine on another thread
    /// they go through Csound's own thread-safe queue instead (taken at the next cycle, the same moment).
    /// </summary>
    private bool OtherThreadPerforms =>
        _api.Generation >= 7 && _state.RuntimeLoops > 0 && !CallbackScope.IsInside(_state);

    // While the performance thread plays, events from other threads join its ordered stream and run between cycles.
    private bool SentThroughPlayingThread(char type, ReadOnlySpan<double> pfields, bool absolute)
    {
        if (_state.Thread is not { IsPlaying: true } thread || CallbackScope.IsInside(_state))
        {
            return false;
        }
        thread.ScoreEvent(absolute, type, pfields);
        return true;
    }

    private unsafe void SendEvent(nint cs, char type, ReadOnlySpan<double> pfields, bool async)
    {
        using var scope = MessageCapture.Begin(_state);
        int result;
        fixed (double* p = pfields)
        {
            result = _api.ScoreEvent(cs, type, p, pfields.Length, async);
        }
        if (result != 0)
        {
            throw ErrorFunnel.Fail($"ScoreEvent('{type}')", result, scope.Capture, compile: false);
        }
    }

    /// <summary>Ends the performance at <paramref name="seconds"/> of score time (an <c>e</c> event), so realtime runs return.</summary>
    public void SetEndMarker(double seconds) => ScoreEvent('e', 0, seconds);

    /// <summary>Sends score text as realtime events, as if typed at Csound's console (several lines allowed); queued until start like <see cref="ScoreEvent"/>.</summary>
    public unsafe void InputMessage(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        nint cs = Ptr;
        if (!_state.IsStarted && _state.Pending.TryAdd(new(Kind.Message, '\0', null, 0, text)))
        {
            return;
        }
        if (_state.Thread is { IsPlaying: true } thread && !CallbackScope.IsInside(_state))
        {
            thread.InputMessage(text);
            return;
        }
        SendMessage(cs, text, async: OtherThreadPerforms);
    }

    private unsafe void SendMessage(nint cs, string text, bool async)
    {
        using var utf8 = new Utf8Text(text);
        fixed (sbyte* p = utf8)
        {
            if (async)
            {
                _api.InputMessageAsync(cs, p);
            }
            else
            {
                _api.InputMessage(cs, p);
            }
        }
    }

    private unsafe void SendAbsolute(nint cs, char type, double offsetSeconds, ReadOnlySpan<double> pfields)
    {
        Span<double> copy = pfields.Length <= 64 ? stackalloc double[pfields.Length] : new double[pfields.Length];
        pfields.CopyTo(copy);
        using var scope = MessageCapture.Begin(_state);
        int result;
        fixed (double* p = copy)
        {
            result = _api.ScoreEventAbsolute(cs, type, p, copy.Length, offsetSeconds, OtherThreadPerforms);
        }
        if (result != 0)
        {
            throw ErrorFunnel.Fail($"ScoreEventAbsolute('{type}')", result, scope.Capture, compile: false);
        }
    }

    // Right after Start: everything sent before it, in the order it was sent.
    private void FlushPendingEvents(nint cs)
    {
        List<PendingEvents.Item> items = _state.Pending.TakeAllAndClose();
        foreach (PendingEvents.Item item in items)
        {
            try
            {
                switch (item.Kind)
                {
                    case Kind.Event:
                    case Kind.AsyncEvent:
                        SendEvent(cs, item.Type, item.Fields, item.Kind == Kind.AsyncEvent);
                        break;
                    case Kind.AbsoluteEvent:
                        SendAbsolute(cs, item.Type, item.Offset, item.Fields);
                        break;
                    default:
                        SendMessage(cs, item.Text!, item.Kind == Kind.AsyncMessage);
                        break;
                }
            }
#pragma warning disable CA1031 // one bad queued event must not keep the others from being sent
            catch (Exception e)
#pragma warning restore CA1031
            {
                _state.ReportCallbackException(e);
            }
        }
    }
}
