using System;

namespace CsoundBindings;

/// <summary>An audio channel: ksmps samples shared with the orchestra's <c>chnget</c>/<c>chnset</c>.</summary>
public sealed unsafe class AudioChannel : Channel
{
    internal AudioChannel(Csound owner, string name, ChannelDirection direction, double* data)
        : base(owner, name, ChannelKind.Audio, direction, data)
    {
        _lockName = ChannelLockScope.Encode(name);
    }

    private readonly sbyte[] _lockName;

    /// <summary>The current cycle's samples as a view of Csound's memory (no copy, no lock; use between cycles).</summary>
    public Span<double> AsSpan() => new(Checked, Owner.Ksmps);

    /// <summary>Copies the samples out under the channel lock; returns how many were copied.</summary>
    public int Read(Span<double> destination)
    {
        Span<double> source = AsSpan();
        int count = Math.Min(source.Length, destination.Length);
        using (Owner.LockChannel(_lockName))
        {
            source[..count].CopyTo(destination);
        }
        return count;
    }

    /// <summary>Copies samples in under the channel lock; at most ksmps are taken.</summary>
    public void Write(ReadOnlySpan<double> samples)
    {
        Span<double> target = AsSpan();
        int count = Math.Min(target.Length, samples.Length);
        using (Owner.LockChannel(_lockName))
        {
            samples[..count].CopyTo(target);
        }
    }
}
