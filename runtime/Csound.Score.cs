using System;
using CsoundBindings.Lifecycle;

namespace CsoundBindings;

/// <summary>How <see cref="Csound.KillInstance(double, KillMode, bool)"/> picks instances.</summary>
[Flags]
public enum KillMode
{
    /// <summary>All instances.</summary>
    All = 0,

    /// <summary>The oldest instance.</summary>
    Oldest = 1,

    /// <summary>The newest instance.</summary>
    Newest = 2,

    /// <summary>Only instances whose fractional number matches exactly.</summary>
    ExactMatch = 4,

    /// <summary>Only instances with indefinite duration.</summary>
    Indefinite = 8,
}

public sealed partial class Csound
{
    /// <summary>
    /// Sends an event whose p2 counts from <paramref name="offsetSeconds"/> of performance time instead of now
    /// (Csound 7 has no native form: the runtime shifts p2 by the current score time). Queued until start.
    /// </summary>
    public void ScoreEventAbsolute(char type, double offsetSeconds, params ReadOnlySpan<double> pfields)
    {
        nint cs = Ptr;
        Engine.CsoundApi.CheckEventType(type, pfields, _api.EventTypes, _api.Generation);
        CheckTableFile(type, pfields);
        if (!_state.IsStarted && _state.Pending.TryAdd(new(PendingEvents.Kind.AbsoluteEvent, type, pfields.ToArray(), offsetSeconds, null)))
        {
            return;
        }
        if (offsetSeconds == 0 && SentThroughPlayingThread(type, pfields, absolute: true))
        {
            return;
        }
        using var send = new DirectSend(_state, 1);
        if (send.Now)
        {
            SendAbsolute(cs, type, offsetSeconds, pfields);
        }
        else
        {
            _state.Backlog.Add(new(PendingEvents.Kind.AbsoluteEvent, type, pfields.ToArray(), offsetSeconds, null));
        }
    }

    /// <summary>
    /// Queues a score event for the next cycle without waiting for anything (the p-fields are copied). Never blocks,
    /// whether or not the engine performs; the event goes in order with the others. Queued until start.
    /// </summary>
    public void ScoreEventAsync(char type, params ReadOnlySpan<double> pfields)
    {
        _ = Ptr;
        Engine.CsoundApi.CheckEventType(type, pfields, _api.EventTypes, _api.Generation);
        Queue(new(PendingEvents.Kind.Event, type, pfields.ToArray(), 0, null));
    }

    // Before start: with the events sent before it; after: behind what waits for the next cycles.
    private void Queue(PendingEvents.Item item)
    {
        if (!_state.IsStarted && _state.Pending.TryAdd(item))
        {
            return;
        }
        _state.Backlog.Add(item);
    }

    /// <summary>
    /// Score text as realtime events (several lines allowed); <paramref name="async"/> queues it for the next cycle
    /// like <see cref="ScoreEventAsync"/>, never waiting. Queued until start.
    /// </summary>
    public void EventString(string text, bool async = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!async)
        {
            InputMessage(text);
            return;
        }
        _ = Ptr;
        Options.ScoreGuard.Check(text, nameof(EventString), realtime: _api.EventTypes);
        Options.SoundFileGuard.CheckText(text, _api.Generation, GetEnv);
        Queue(new(PendingEvents.Kind.Message, '\0', null, 0, text));
    }

    /// <summary>Turns off running instances of an instrument (Csound 7: through <c>turnoff2_i</c>).</summary>
    public void KillInstance(double instrument, KillMode mode = KillMode.All, bool allowRelease = true) =>
        Kill(instrument, null, mode, allowRelease);

    /// <summary>Turns off running instances of a named instrument.</summary>
    public void KillInstance(string instrumentName, KillMode mode = KillMode.All, bool allowRelease = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(instrumentName);
        Kill(0, instrumentName, mode, allowRelease);
    }

    private void Kill(double instrument, string? name, KillMode mode, bool allowRelease)
    {
        nint cs = Ptr;
        Checked($"KillInstance({name ?? instrument.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
            () => _api.KillInstance(cs, instrument, name, (int)mode, allowRelease), compile: false);
    }

    /// <summary>Whether score events are performed (false ignores the score but not realtime events).</summary>
    public bool IsScorePending
    {
        get => _api.IsScorePending(Ptr);
        set => _api.SetScorePending(Ptr, value);
    }

    /// <summary>Where the score starts, in seconds; setting it jumps the score clock there.</summary>
    public double ScoreOffsetSeconds
    {
        get => _api.ScoreOffsetSeconds(Ptr);
        set => _api.SetScoreOffsetSeconds(Ptr, value);
    }

    /// <summary>Restarts the score from the beginning (plus the offset).</summary>
    public void RewindScore() => _api.RewindScore(Ptr);

    /// <summary>Sends a key to the orchestra's <c>sensekey</c>.</summary>
    public void KeyPress(char key) => _api.KeyPress(Ptr, checked((byte)key));
}
