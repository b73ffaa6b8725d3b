using System;
using CsoundBindings.Engine;

namespace CsoundBindings;

/// <summary>Holds a channel lock from <see cref="Csound.LockChannel(string)"/> until disposed.</summary>
public readonly unsafe struct ChannelLockScope : IDisposable, IEquatable<ChannelLockScope>
{
    private readonly CsoundApi? _api;
    private readonly nint _cs;
    private readonly sbyte[]? _name;

    // Takes the lock; the name is NUL-terminated UTF-8, encoded once by the caller and used for both calls.
    internal ChannelLockScope(CsoundApi api, nint cs, sbyte[] utf8Name)
    {
        fixed (sbyte* p = utf8Name)
        {
            api.LockChannel(cs, p);
        }
        _api = api;
        _cs = cs;
        _name = utf8Name;
    }

    /// <summary>NUL-terminated UTF-8 of a channel name.</summary>
    internal static sbyte[] Encode(string name) => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, sbyte>(System.Text.Encoding.UTF8.GetBytes(name + "\0")).ToArray();

    /// <summary>Releases the lock.</summary>
    public void Dispose()
    {
        if (_api is null)
        {
            return;
        }
        fixed (sbyte* p = _name)
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
