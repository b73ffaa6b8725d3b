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
    /// The most events (score events and input lines) the SDK hands Csound in one control cycle; more wait, in the
    /// order they were sent, for the cycles that follow. Csound's cost per cycle grows with the square of the events it
    /// is given at once (20,000 in one cycle take 25 s; 100,000 abort the process), so a flood is spread over cycles.
    /// </summary>
    public const int EventsPerCycle = 1000;

    /// <summary>
    /// The most bytes of input lines (<see cref="InputMessage"/>, UTF-8) the SDK hands Csound in one control cycle; a
    /// longer text is split between its lines over the cycles that follow. Csound 6 grows its 32 KB line buffer to the
    /// exact size of a longer message and writes one byte past it, so there a single line over this is refused.
    /// </summary>
    public const int MessageBytesPerCycle = 32_000;

    /// <summary>The most p-fields one score event may have (Csound's <c>PMAX</c>, the same on 6 and 7).</summary>
    public const int MaxPFields = 1998;

    /// <summary>
    /// The longest advance (<c>a</c> event or line: p3, in seconds) the SDK hands Csound: a day. Csound skips an advance
    /// cycle by cycle (100,000 s took 1.2 s at 44.1 kHz and ksmps 64), so 1e9 s would run for hours.
    /// </summary>
    public const double MaxAdvance = 86_400;

    /// <summary>The largest function table an <c>f</c> event may ask for (Csound 6's <c>MAXLEN</c>; 2 GiB of samples).</summary>
    public const int MaxTableSize = 0x10000000;

    // A GEN01 table of deferred size reads its file at once; Csound 7 crashes when the file does not open.
    internal void CheckTableFile(char type, ReadOnlySpan<double> pfields)
    {
        if (type == 'f')
        {
            Options.SoundFileGuard.CheckEvent(pfields, _api.Generation, GetEnv);
            if (pfields.Length is >= 5 and <= 9 && IsPadsynth(pfields[3]))
            {
                Options.SoundFileGuard.CheckPadsynth(pfields.Length);
            }
        }
    }

    // A GEN above 60 is a plug-in's, numbered in load order; Csound 6 lists the numbers (Csound 7 does not, so there
    // a numbered padsynth is not recognised).
    private bool IsPadsynth(double gen)
    {
        long number = Math.Abs((long)Options.ScoreNumber.CsoundInteger(gen));
        return _api.Generation < 7 && number > 60 && _api.NamedGens(Ptr).TryGetValue("padsynth", out int padsynth) && padsynth == number;
    }

    /// <summary>
    /// Sends a score event: <c>'i'</c> (instrument), <c>'f'</c> (table), <c>'e'</c> (end); on Csound 6 also
    /// <c>'a'</c> and <c>'q'</c>. The p-fields start at p1. Events sent before the engine starts are kept (thread-safe,
    /// in order) and sent when it starts; <see cref="Reset"/> drops them. From a thread other than the one performing,
    /// or past <see cref="EventsPerCycle"/> in one cycle, an event waits for the next cycle, in order. With a span
    /// argument the call allocates nothing when it goes to Csound at once.
    /// </summary>
    /// <exception cref="NotSupportedException">The event type does not exist on the loaded Csound.</exception>
    public unsafe void ScoreEvent(char type, params ReadOnlySpan<double> pfields)
    {
        nint cs = Ptr;
        Engine.CsoundApi.CheckEventType(type, pfields, _api.EventTypes, _api.Generation);
        CheckTableFile(type, pfields);
        if (!_state.IsStarted && _state.Pending.TryAdd(new(Kind.Event, type, pfields.ToArray(), 0, null)))
        {
            return;
        }
        if (SentThroughPlayingThread(type, pfields, absolute: false))
        {
            return;
        }
        using var send = new DirectSend(_state, 1);
        if (!send.Now)
        {
            _state.Backlog.Add(new(Kind.Event, type, pfields.ToArray(), 0, null));
            return;
        }
        SendEvent(cs, type, pfields);
    }

    /// <summary>
    /// Whether an item goes to Csound now: inside one of the engine's callbacks when the cycle's allowance is left and
    /// nothing waits; from any other thread also only while no cycle is in flight, one sender at a time.
    /// </summary>
    private readonly ref struct DirectSend
    {
        private readonly EngineState _state;
        private readonly bool _gated;

        public DirectSend(EngineState state, int weight)
        {
            _state = state;
            if (CallbackScope.IsInside(state))
            {
                Now = state.Backlog.TryReserve(weight);
                return;
            }
            state.SendGate.Enter();
            _gated = true;
            Now = state.BeginDirectSend() && state.Backlog.TryReserve(weight);
        }

        public bool Now { get; }

        public void Dispose()
        {
            if (_gated)
            {
                _state.EndDirectSend();
                _state.SendGate.Exit();
            }
        }
    }

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

    private unsafe void SendEvent(nint cs, char type, ReadOnlySpan<double> pfields)
    {
        using var scope = MessageCapture.Begin(_state);
        int result;
        fixed (double* p = pfields)
        {
            result = _api.ScoreEvent(cs, type, p, pfields.Length);
        }
        if (result != 0)
        {
            throw ErrorFunnel.Fail($"ScoreEvent('{type}')", result, scope.Capture, compile: false);
        }
    }

    /// <summary>Ends the performance at <paramref name="seconds"/> of score time (an <c>e</c> event), so realtime runs return.</summary>
    public void SetEndMarker(double seconds) => ScoreEvent('e', 0, seconds);

    /// <summary>
    /// Sends score text as realtime events, as if typed at Csound's console (several lines allowed, each counts as an
    /// event against <see cref="EventsPerCycle"/>); queued until start and routed like <see cref="ScoreEvent"/>.
    /// </summary>
    public void InputMessage(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _ = Ptr;
        Options.ScoreGuard.Check(text, nameof(InputMessage), realtime: _api.EventTypes);
        Options.SoundFileGuard.CheckText(text, _api.Generation, GetEnv);
        if (text.Length > MessageBytesPerCycle / 3 && System.Text.Encoding.UTF8.GetByteCount(text) > MessageBytesPerCycle)
        {
            // One cycle's worth at a time, split between lines (see MessageBytesPerCycle); a long line alone on 7.
            List<string> parts = Options.MessageSplitter.Split(text, MessageBytesPerCycle, _api.Generation);
            if (parts.Count > 1)
            {
                foreach (string part in parts)
                {
                    InputMessage(part);
                }
                return;
            }
        }
        if (!_state.IsStarted && _state.Pending.TryAdd(new(Kind.Message, '\0', null, 0, text)))
        {
            return;
        }
        if (_state.Thread is { IsPlaying: true } thread && !CallbackScope.IsInside(_state))
        {
            thread.InputMessage(text);
            return;
        }
        Deliver(new(Kind.Message, '\0', null, 0, text));
    }

    private unsafe void SendMessage(nint cs, string text)
    {
        using var utf8 = new Utf8Text(text);
        fixed (sbyte* p = utf8)
        {
            _api.InputMessage(cs, p);
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
            result = _api.ScoreEventAbsolute(cs, type, p, copy.Length, offsetSeconds);
        }
        if (result != 0)
        {
            throw ErrorFunnel.Fail($"ScoreEventAbsolute('{type}')", result, scope.Capture, compile: false);
        }
    }

    // To Csound now when it may go, else behind what waits for the next cycles.
    private void Deliver(PendingEvents.Item item)
    {
        using var send = new DirectSend(_state, item.Weight);
        if (send.Now)
        {
            Send(Ptr, item);
        }
        else
        {
            _state.Backlog.Add(item);
        }
    }

    private void Send(nint cs, PendingEvents.Item item)
    {
        switch (item.Kind)
        {
            case Kind.Event:
                SendEvent(cs, item.Type, item.Fields);
                break;
            case Kind.AbsoluteEvent:
                SendAbsolute(cs, item.Type, item.Offset, item.Fields);
                break;
            default:
                SendMessage(cs, item.Text!);
                break;
        }
    }

    // Right after Start: everything sent before it, in the order it was sent (what exceeds one cycle waits).
    private void FlushPendingEvents()
    {
        foreach (PendingEvents.Item item in _state.Pending.TakeAllAndClose())
        {
            DeliverReported(item);
        }
    }

    // A queued item's failure is reported, not thrown: its sender has long returned, and the others must still go.
    private void DeliverReported(PendingEvents.Item item, bool now = false)
    {
        try
        {
            if (now)
            {
                Send(_state.Handle.DangerousGetHandle(), item);
            }
            else
            {
                Deliver(item);
            }
        }
#pragma warning disable CA1031 // one bad queued event must not keep the others from being sent
        catch (Exception e)
#pragma warning restore CA1031
        {
            _state.ReportCallbackException(e);
        }
    }

    /// <summary>
    /// Just before every cycle, on the performing thread (ksmps loop, runtime loop, performance-thread callback):
    /// hands Csound what waits, up to <see cref="EventsPerCycle"/> with what was sent since the last cycle. One
    /// volatile read when nothing waits.
    /// </summary>
    internal void HandOverWaitingEvents()
    {
        EngineState s = _state;
        if (s.Backlog.Count == 0)
        {
            return;
        }
        var items = new List<PendingEvents.Item>();
        s.SendGate.Enter();
        try
        {
            if (s.Backlog.TakeForCycle(items))
            {
                foreach (PendingEvents.Item item in items)
                {
                    DeliverReported(item, now: true);
                }
            }
        }
        finally
        {
            s.Backlog.EndHandover();
            s.SendGate.Exit();
        }
    }
}
