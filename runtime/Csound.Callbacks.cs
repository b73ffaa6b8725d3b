using System;
using CsoundBindings.Host;

namespace CsoundBindings;

public sealed partial class Csound
{
    private EventHandler<ChannelCallbackEventArgs>? _inputChannel;
    private EventHandler<ChannelCallbackEventArgs>? _outputChannel;

    internal MidiInputReader? MidiReader { get; private set; }

    internal MidiOutputWriter? MidiWriter { get; private set; }

    /// <summary>Raised on the performance thread when the orchestra's <c>invalue</c> asks for a value; set <see cref="ChannelCallbackEventArgs.Value"/>.</summary>
    public event EventHandler<ChannelCallbackEventArgs>? InputChannelRequested
    {
        add
        {
            _inputChannel += value;
            RegisterChannelCallbacks();
        }
        remove => _inputChannel -= value;
    }

    /// <summary>Raised on the performance thread when the orchestra's <c>outvalue</c> sends a value.</summary>
    public event EventHandler<ChannelCallbackEventArgs>? OutputChannelWritten
    {
        add
        {
            _outputChannel += value;
            RegisterChannelCallbacks();
        }
        remove => _outputChannel -= value;
    }

    private unsafe void RegisterChannelCallbacks() => _api.SetChannelCallbacks(Ptr, HostCallbacks.InputChannel, HostCallbacks.OutputChannel);

    internal unsafe void RaiseChannelCallback(bool input, string name, string typeName, void* value)
    {
        string? text = typeName == "S" && value != null ? Native.Utf8Text.Read(*(sbyte**)value) : null;
        var args = new ChannelCallbackEventArgs(name, typeName, typeName == "k" ? (double*)value : null, text);
        (input ? _inputChannel : _outputChannel)?.Invoke(this, args);
    }

    /// <summary>
    /// Feeds Csound's MIDI input from .NET: each cycle Csound asks <paramref name="reader"/> for bytes
    /// (on the performance thread). Enables host MIDI and opens the input; call before start.
    /// </summary>
    public unsafe void SetExternalMidiInput(MidiInputReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        nint cs = Ptr;
        MidiReader = reader;
        _api.SetHostMidiIO(cs);
        _api.SetExternalMidiIn(cs, HostCallbacks.MidiOpen, HostCallbacks.MidiRead, HostCallbacks.MidiClose);
        SetOption("-M0");
    }

    /// <summary>Receives Csound's MIDI output in .NET (on the performance thread). Call before start.</summary>
    public unsafe void SetExternalMidiOutput(MidiOutputWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        nint cs = Ptr;
        MidiWriter = writer;
        _api.SetHostMidiIO(cs);
        _api.SetExternalMidiOut(cs, HostCallbacks.MidiOpen, HostCallbacks.MidiWrite, HostCallbacks.MidiClose);
        SetOption("-Q0");
    }
}
