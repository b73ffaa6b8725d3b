using System;
using CsoundBindings.Engine;
using CsoundBindings.Native;

namespace CsoundBindings;

/// <summary>Holds a channel lock from <see cref="Csound.LockChannel"/> until disposed.</summary>
public readonly unsafe struct ChannelLockScope : IDisposable, IEquatable<ChannelLockScope>
{
    private readonly CsoundApi? _api;
    private readonly nint _cs;
    private readonly string? _name;

    internal ChannelLockScope(CsoundApi api, nint cs, string name)
    {
        _api = api;
        _cs = cs;
        _name = name;
    }

    internal static void Enter(CsoundApi api, nint cs, string name)
    {
        using var n = new Utf8Text(name);
        fixed (byte* p = n)
        {
            api.LockChannel(cs, p);
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose()
    {
        if (_api is null)
        {
            return;
        }
        using var n = new Utf8Text(_name);
        fixed (byte* p = n)
        {
            _api.UnlockChannel(_cs, p);
        }
    }

    /// <inheritdoc />
    public bool Equals(ChannelLockScope other) => _cs == other._cs && _name == other._name;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ChannelLockScope other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_cs, _name);

    /// <summary>Equality.</summary>
    public static bool operator ==(ChannelLockScope left, ChannelLockScope right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(ChannelLockScope left, ChannelLockScope right) => !left.Equals(right);
}
