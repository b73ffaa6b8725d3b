using System;

namespace CsoundBindings;

/// <summary>
/// A channel obtained once from <see cref="Csound"/> and cached there. Access goes straight to Csound's memory
/// without a name lookup. A channel object becomes invalid when its engine is reset or disposed
/// (<see cref="ObjectDisposedException"/>); obtain it again then.
/// </summary>
public abstract unsafe class Channel
{
    private readonly int _epoch;

    private protected Channel(Csound owner, string name, ChannelKind kind, ChannelDirection direction, void* data)
    {
        Owner = owner;
        Name = name;
        Kind = kind;
        Direction = direction;
        Data = data;
        _epoch = owner.ChannelEpoch;
    }

    /// <summary>The engine the channel belongs to.</summary>
    public Csound Owner { get; }

    /// <summary>Channel name.</summary>
    public string Name { get; }

    /// <summary>What it carries.</summary>
    public ChannelKind Kind { get; }

    /// <summary>The direction it was requested with (Csound ORs directions of repeated requests).</summary>
    public ChannelDirection Direction { get; }

    private protected void* Data { get; }

    private protected void* Checked
    {
        get
        {
            if (Owner.ChannelEpoch != _epoch)
            {
                throw new ObjectDisposedException($"{Kind} channel '{Name}'", "The engine was reset or disposed; get the channel again.");
            }
            return Data;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} channel '{Name}' ({Direction})";
}
