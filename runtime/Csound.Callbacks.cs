using System;
using CsoundBindings.Host;
using CsoundBindings.Lifecycle;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>
    /// Raised on the performing thread when the orchestra's <c>invalue</c> asks for a value: set
    /// <see cref="ChannelCallbackEventArgs.Value"/> (control) or <see cref="ChannelCallbackEventArgs.Text"/> (string).
    /// </summary>
    public event EventHandler<ChannelCallbackEventArgs>? InputChannelRequested
    {
        add
        {
            _state.InputChannel += value;
            RegisterChannelCallbacks();
        }
        remove => _state.InputChannel -= value;
    }

    /// <summary>Raised on the performing thread when the orchestra's <c>outvalue</c> sends a value (control or string).</summary>
    public event EventHandler<ChannelCallbackEventArgs>? OutputChannelWritten
    {
        add
        {
            _state.OutputChannel += value;
            RegisterChannelCallbacks();
        }
        remove => _state.OutputChannel -= value;
    }

    private unsafe void RegisterChannelCallbacks() => _api.SetChannelCallbacks(Ptr, HostCallbacks.InputChannel, HostCallbacks.OutputChannel);

    /// <summary>The most MIDI bytes the reader of <see cref="SetExternalMidiInput"/> delivers in one control cycle.</summary>
    public const int MidiBytesPerCycle = 4096;

    /// <summary>
    /// Feeds Csound's MIDI input from .NET: each cycle Csound asks <paramref name="reader"/> for bytes (on the
    /// performing thread) until it returns 0, at most <see cref="MidiBytesPerCycle"/> a cycle. The count it returns is
    /// clamped to the span; system real-time bytes and status bytes without data are removed before Csound parses the
    /// rest (Csound would take them as a port number and index past its channel table). Enables host MIDI and opens
    /// the input; call before start. Survives <see cref="Reset"/> (set the <c>-M0</c> option again after a reset:
    /// options are cleared).
    /// </summary>
    public unsafe void SetExternalMidiInput(MidiInputReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        nint cs = _state.Require(Operation.SetHostCallbacks, nameof(SetExternalMidiInput));
        _state.MidiReader = reader;
        _api.SetHostMidiIO(cs);
        _api.SetExternalMidiIn(cs, HostCallbacks.MidiInOpen, HostCallbacks.MidiRead, HostCallbacks.MidiInClose);
        SetOption("-M0");
    }

    /// <summary>Receives Csound's MIDI output in .NET (on the performing thread). Call before start.</summary>
    public unsafe void SetExternalMidiOutput(MidiOutputWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        nint cs = _state.Require(Operation.SetHostCallbacks, nameof(SetExternalMidiOutput));
        _state.MidiWriter = writer;
        _api.SetHostMidiIO(cs);
        _api.SetExternalMidiOut(cs, HostCallbacks.MidiOutOpen, HostCallbacks.MidiWrite, HostCallbacks.MidiOutClose);
        SetOption("-Q0");
    }

    /// <summary>Raised when Csound opens the host's MIDI input (<see cref="SetExternalMidiInput"/>) or output, at start.</summary>
    public event EventHandler<ExternalMidiEventArgs>? ExternalMidiOpened
    {
        add => _state.ExternalMidiOpened += value;
        remove => _state.ExternalMidiOpened -= value;
    }

    /// <summary>Raised when Csound closes the host's MIDI input or output (at cleanup, reset or dispose).</summary>
    public event EventHandler<ExternalMidiEventArgs>? ExternalMidiClosed
    {
        add => _state.ExternalMidiClosed += value;
        remove => _state.ExternalMidiClosed -= value;
    }
}
