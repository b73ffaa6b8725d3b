using System;
using System.Collections.Generic;
using System.Linq;
using CsoundBindings.Native;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>Changes whenever channel memory may move (reset, dispose); cached channel objects compare against it.</summary>
    internal int ChannelEpoch => _state.Channels.Epoch;

    /// <summary>
    /// Gets (creating if needed) a control channel as a cached object whose <see cref="ControlChannel.Value"/>
    /// reads and writes Csound's memory directly. Repeated calls return the same object.
    /// </summary>
    /// <exception cref="CsoundException">The name is taken by a channel of another kind, or is invalid.</exception>
    public unsafe ControlChannel OpenControlChannel(string name, ChannelDirection direction = ChannelDirection.InputOutput) =>
        OpenChannel(name, ChannelKind.Control, direction, static (cs, n, d, p) => new ControlChannel(cs, n, d, (double*)p));

    /// <summary>Gets (creating if needed) an audio channel of ksmps samples as a cached object.</summary>
    public unsafe AudioChannel OpenAudioChannel(string name, ChannelDirection direction = ChannelDirection.InputOutput) =>
        OpenChannel(name, ChannelKind.Audio, direction, static (cs, n, d, p) => new AudioChannel(cs, n, d, (double*)p));

    /// <summary>Gets (creating if needed) a string channel as a cached object.</summary>
    public unsafe StringChannel OpenStringChannel(string name, ChannelDirection direction = ChannelDirection.InputOutput) =>
        OpenChannel(name, ChannelKind.String, direction, static (cs, n, d, p) => new StringChannel(cs, n, d, p));

    private unsafe delegate T ChannelFactory<T>(Csound owner, string name, ChannelDirection direction, void* data);

    private unsafe T OpenChannel<T>(string name, ChannelKind kind, ChannelDirection direction, ChannelFactory<T> create)
        where T : Channel
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        nint cs = Ptr;
        if (_state.Channels.TryGet(name, out Channel? cached) && cached is T typed && (cached.Direction & direction) == direction)
        {
            return typed;
        }
        void* data = null;
        int result = 0;
        // Creating a channel changes Csound's channel table: never while a cycle runs on another thread.
        if (!OnPerformingThread(_ => result = GetChannelPtr(cs, name, (int)kind | (int)direction, out data)))
        {
            result = GetChannelPtr(cs, name, (int)kind | (int)direction, out data);
        }
        if (result != 0 || data == null)
        {
            ChannelInfo? existing = ListChannels().FirstOrDefault(c => c.Name == name);
            string why = result == (int)CsoundStatus.Memory ? "not enough memory"
                : existing is not null && existing.Kind != kind ? $"A {existing.Kind.ToString().ToLowerInvariant()} channel named {name} already exists"
                : "invalid channel name or type";
            throw new CsoundException($"Open{kind}Channel(\"{name}\")", result == 0 ? (int)CsoundStatus.Error : result, why);
        }
        T channel = create(this, name, (cached?.Direction ?? ChannelDirection.None) | direction, data);
        _state.Channels.Set(name, channel);
        return channel;
    }

    private unsafe int GetChannelPtr(nint cs, string name, int type, out void* data)
    {
        using var utf8 = new Utf8Text(name);
        fixed (sbyte* p = utf8)
        {
            void* found;
            int result = _api.GetChannelPtr(cs, &found, p, type);
            data = found;
            return result;
        }
    }

    /// <summary>The seam, for channel objects that call it directly.</summary>
    internal Engine.CsoundApi Api => _api;

    /// <summary>
    /// Gets (creating if needed) an array channel (Csound 7 only) with the element type <c>k</c>, <c>a</c> or <c>S</c>
    /// and the given dimension sizes. Csound 7.0 mis-sizes multi-dimensional array channels: prefer one dimension.
    /// </summary>
    /// <exception cref="NotSupportedException">The loaded Csound is version 6.</exception>
    public unsafe ArrayChannel OpenArrayChannel(string name, string elementType, params int[] sizes)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(elementType);
        ArgumentNullException.ThrowIfNull(sizes);
        nint cs = Ptr;
        if (_state.Channels.TryGet(name, out Channel? cached) && cached is ArrayChannel array)
        {
            return array;
        }
        using var n = new Utf8Text(name);
        using var t = new Utf8Text(elementType);
        nint data;
        fixed (sbyte* pn = n)
        fixed (sbyte* pt = t)
        fixed (int* ps = sizes)
        {
            data = _api.InitArrayChannel(cs, pn, pt, sizes.Length, ps);
        }
        if (data == 0)
        {
            throw new CsoundException($"OpenArrayChannel(\"{name}\")", (int)CsoundStatus.Error, "invalid channel name or type");
        }
        var channel = new ArrayChannel(this, name, data, _api.ArrayType(data) ?? elementType, new ReadOnlySpan<int>(_api.ArraySizes(data), _api.ArrayDimensions(data)).ToArray());
        _state.Channels.Set(name, channel);
        return channel;
    }

    /// <summary>Gets (creating if needed) a PVS channel (Csound 7 only; after <see cref="Start"/>).</summary>
    /// <exception cref="NotSupportedException">The loaded Csound is version 6.</exception>
    /// <exception cref="InvalidOperationException">The engine has not started (Csound 7.0 crashes creating a PVS channel before start).</exception>
    public unsafe PvsChannel OpenPvsChannel(string name, int fftSize = 1024, int overlap = 256, int windowSize = 1024, PvsWindow window = PvsWindow.Hann, int format = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        nint cs = Ptr;
        if (_state.Channels.TryGet(name, out Channel? cached) && cached is PvsChannel pvs)
        {
            return pvs;
        }
        if (_api.Generation >= 7)
        {
            _state.Require(Lifecycle.Operation.OpenPvsChannel, $"OpenPvsChannel(\"{name}\")");
        }
        using var n = new Utf8Text(name);
        nint data;
        fixed (sbyte* pn = n)
        {
            data = _api.InitPvsChannel(cs, pn, fftSize, overlap, windowSize, (int)window, format);
        }
        if (data == 0)
        {
            throw new CsoundException($"OpenPvsChannel(\"{name}\")", (int)CsoundStatus.Error, "invalid channel name or parameters");
        }
        var channel = new PvsChannel(this, name, data);
        _state.Channels.Set(name, channel);
        return channel;
    }

    /// <summary>Sets a control channel by name, creating it when it does not exist (as <c>chnset</c> does); cached.</summary>
    public void SetControlChannel(string name, double value) => ControlByName(name, create: true)!.Value = value;

    /// <summary>Reads a control channel by name. Reading never creates a channel: a name no one declared throws.</summary>
    /// <exception cref="KeyNotFoundException">No control channel has that name (the message names it).</exception>
    public double GetControlChannel(string name) =>
        (ControlByName(name, create: false) ?? throw new KeyNotFoundException(
            $"No control channel named '{name}' exists: declare it in the orchestra (chn_k, chnexport, chnset) or set it first; TryGetControlChannel does not throw.")).Value;

    /// <summary>Reads a control channel by name; false (and 0) when no control channel has that name. Never creates one.</summary>
    public bool TryGetControlChannel(string name, out double value)
    {
        ControlChannel? channel = ControlByName(name, create: false);
        value = channel?.Value ?? 0;
        return channel is not null;
    }

    // Name-based calls in a loop usually pass the same string object: remember the last one and skip the lookup.
    private ControlChannel? ControlByName(string name, bool create)
    {
        ControlChannel? last = _state.Channels.LastControl;
        // Reset and Dispose clear both caches, so whatever they hold is current; Value checks again anyway.
        if (last is not null && ReferenceEquals(last.Name, name))
        {
            return last;
        }
        ArgumentException.ThrowIfNullOrEmpty(name); // after the shortcut: a cached name is never null or empty
        ControlChannel channel;
        if (_state.Channels.TryGet(name, out Channel? cached) && cached is ControlChannel control)
        {
            channel = control;
        }
        else
        {
            if (!create && !ChannelExists(name))
            {
                return null;
            }
            channel = OpenControlChannel(name);
        }
        _state.Channels.LastControl = channel;
        return channel;
    }

    private unsafe bool ChannelExists(string name)
    {
        nint cs = Ptr;
        using var utf8 = new Utf8Text(name);
        fixed (sbyte* p = utf8)
        {
            return _api.ChannelDatasize(cs, p) > 0;
        }
    }

    /// <summary>A control channel's value by name: reading a name that does not exist throws (see <see cref="GetControlChannel"/>), setting creates it.</summary>
    public double this[string name]
    {
        get => GetControlChannel(name);
        set => SetControlChannel(name, value);
    }

    /// <summary>Copies samples into an audio channel (at most ksmps).</summary>
    public void SetAudioChannel(string name, ReadOnlySpan<double> samples) =>
        OpenAudioChannel(ArgumentException.ThrowIfNullOrEmptyAndReturn(name)).Write(samples);

    /// <summary>Copies an audio channel's samples out; returns how many were copied.</summary>
    public int GetAudioChannel(string name, Span<double> destination) =>
        OpenAudioChannel(ArgumentException.ThrowIfNullOrEmptyAndReturn(name)).Read(destination);

    /// <summary>Writes a string channel (UTF-8).</summary>
    public unsafe void SetStringChannel(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        nint cs = Ptr;
        using var n = new Utf8Text(name);
        using var v = new Utf8Text(value);
        lock (_state.Channels.StringGate)
        {
            fixed (sbyte* pn = n)
            fixed (sbyte* pv = v)
            {
                _api.SetStringChannel(cs, pn, pv);
            }
        }
    }

    /// <summary>Reads a string channel; empty when it holds nothing or does not exist.</summary>
    public unsafe string GetStringChannel(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        nint cs = Ptr;
        using var n = new Utf8Text(name);
        lock (_state.Channels.StringGate)
        {
            fixed (sbyte* pn = n)
            {
                int size = _api.ChannelDatasize(cs, pn);
                if (size <= 0)
                {
                    return string.Empty;
                }
                sbyte[] buffer = new sbyte[size + 1];
                fixed (sbyte* pb = buffer)
                {
                    _api.GetStringChannel(cs, pn, pb);
                    return Utf8Text.Read(pb) ?? string.Empty;
                }
            }
        }
    }

    /// <summary>Every channel the engine has allocated (by the orchestra or by the host).</summary>
    public IReadOnlyList<ChannelInfo> ListChannels()
    {
        nint cs = Ptr;
        return _api.ListChannels(cs) ?? throw new CsoundException("ListChannels", (int)CsoundStatus.Memory, "not enough memory");
    }

    /// <summary>Sets a control channel's display hints (the channel must exist).</summary>
    public unsafe void SetControlChannelHints(string name, ControlChannelHints hints)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(hints);
        nint cs = Ptr;
        using var n = new Utf8Text(name);
        using var a = new Utf8Text(hints.Attributes);
        int result;
        fixed (sbyte* pn = n)
        fixed (sbyte* pa = a)
        {
            result = _api.SetControlChannelHints(cs, pn, hints, a.IsNull ? null : pa);
        }
        if (result != 0)
        {
            throw new CsoundException($"SetControlChannelHints(\"{name}\")", result, "no control channel by that name");
        }
    }

    /// <summary>A control channel's hints, or null when it has none or does not exist.</summary>
    public unsafe ControlChannelHints? GetControlChannelHints(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        nint cs = Ptr;
        using var n = new Utf8Text(name);
        fixed (sbyte* pn = n)
        {
            return _api.GetControlChannelHints(cs, pn);
        }
    }

    /// <summary>The variable type name of a channel (Csound 7), or null (unknown channel, or Csound 6).</summary>
    public unsafe string? GetChannelVarTypeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        nint cs = Ptr;
        using var n = new Utf8Text(name);
        fixed (sbyte* pn = n)
        {
            return _api.ChannelVarTypeName(cs, pn);
        }
    }

    /// <summary>Takes the channel's lock until the returned scope is disposed (guards direct span access).</summary>
    public ChannelLockScope LockChannel(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return LockChannel(ChannelLockScope.Encode(name));
    }

    /// <summary>Locks by a name already encoded (channel objects encode theirs once).</summary>
    internal ChannelLockScope LockChannel(sbyte[] utf8Name) => new(_api, Ptr, utf8Name);
}
