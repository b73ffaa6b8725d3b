using System;
using System.Collections.Generic;
using System.Threading;

namespace CsoundBindings.Lifecycle;

/// <summary>The channel objects an engine handed out, by name, and the epoch that invalidates them on reset or dispose.</summary>
internal sealed class ChannelCache
{
    private readonly Dictionary<string, Channel> _byName = new(StringComparer.Ordinal);

    /// <summary>Changes whenever channel memory may move; channel objects compare their own against it.</summary>
    public int Epoch { get; private set; }

    /// <summary>The last control channel reached by name (a loop usually passes the same string object).</summary>
    public ControlChannel? LastControl { get; set; }

    /// <summary>Serialises string-channel reads and writes (Csound's own string channel calls are not atomic).</summary>
    public Lock StringGate { get; } = new();

    public bool TryGet(string name, out Channel? channel) => _byName.TryGetValue(name, out channel);

    public void Set(string name, Channel channel) => _byName[name] = channel;

    public void Invalidate()
    {
        _byName.Clear();
        LastControl = null;
        Epoch++;
    }
}
