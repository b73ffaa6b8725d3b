using System;

namespace CsoundBindings;

/// <summary>An array channel (Csound 7): a k-rate (or a-rate/string) array shared with <c>chnget</c>/<c>chnset</c>.</summary>
public sealed unsafe class ArrayChannel : Channel
{
    private readonly nint _array;

    internal ArrayChannel(Csound owner, string name, nint array, string type, int[] sizes)
        : base(owner, name, ChannelKind.Array, ChannelDirection.InputOutput, (void*)array)
    {
        _array = array;
        ElementType = type;
        Sizes = sizes;
    }

    /// <summary>Csound's element type letter (<c>k</c>, <c>a</c> or <c>S</c>).</summary>
    public string ElementType { get; }

    /// <summary>The size of each dimension.</summary>
    public int[] Sizes { get; }

    /// <summary>The numeric elements as a view of Csound's memory (row-major). Not for string arrays.</summary>
    public Span<double> AsSpan()
    {
        _ = Checked;
        if (ElementType == "S")
        {
            throw new InvalidOperationException($"Array channel '{Name}' holds strings.");
        }
        int count = 1;
        foreach (int size in Sizes)
        {
            count *= size;
        }
        if (ElementType == "a")
        {
            count *= Owner.Ksmps;
        }
        return new Span<double>(Owner.Api.ArrayData(_array), count);
    }

    /// <summary>Element <paramref name="index"/> (row-major) of a string array channel (Csound 7).</summary>
    /// <exception cref="InvalidOperationException">The channel holds numbers.</exception>
    public string GetString(int index) => Owner.Api.StringData(Owner.Core.Ptr, StringElement(index));

    /// <summary>Sets element <paramref name="index"/> of a string array channel (Csound copies the text).</summary>
    /// <exception cref="InvalidOperationException">The channel holds numbers.</exception>
    public void SetString(int index, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        void* element = StringElement(index);
        using var utf8 = new Native.Utf8Text(value);
        fixed (sbyte* p = utf8)
        {
            Owner.Api.SetStringData(Owner.Core.Ptr, element, p);
        }
    }

    private void* StringElement(int index)
    {
        _ = Checked;
        if (ElementType != "S")
        {
            throw new InvalidOperationException($"Array channel '{Name}' holds '{ElementType}' values, not strings: use AsSpan().");
        }
        int count = 1;
        foreach (int size in Sizes)
        {
            count *= size;
        }
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        return (byte*)Owner.Api.ArrayData(_array) + ((long)index * Owner.Api.StringElementSize);
    }
}
