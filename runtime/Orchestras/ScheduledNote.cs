using System;

namespace CsoundBindings;

/// <summary>A note a typed orchestra scheduled: its engine and its own (fractional) instance number.</summary>
public readonly struct ScheduledNote : IEquatable<ScheduledNote>
{
    /// <summary>A note of <paramref name="csound"/> playing as instance <paramref name="instance"/>.</summary>
    public ScheduledNote(Csound csound, double instance)
    {
        Csound = csound;
        Instance = instance;
    }

    /// <summary>The engine it plays on.</summary>
    public Csound Csound { get; }

    /// <summary>Its p1: the instrument number plus a fraction that is this note's own.</summary>
    public double Instance { get; }

    /// <summary>Turns this note off (its release segments play unless <paramref name="allowRelease"/> is false).</summary>
    public void TurnOff(bool allowRelease = true)
    {
        ObjectDisposedException.ThrowIf(Csound is null, typeof(ScheduledNote));
        Csound.KillInstance(Instance, KillMode.ExactMatch, allowRelease);
    }

    /// <inheritdoc />
    public bool Equals(ScheduledNote other) => ReferenceEquals(Csound, other.Csound) && Instance.Equals(other.Instance);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ScheduledNote other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Csound, Instance);

    /// <summary>Whether two handles name the same note.</summary>
    public static bool operator ==(ScheduledNote left, ScheduledNote right) => left.Equals(right);

    /// <summary>Whether two handles name different notes.</summary>
    public static bool operator !=(ScheduledNote left, ScheduledNote right) => !left.Equals(right);
}
