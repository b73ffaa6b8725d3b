using System;
using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace CsoundBindings.Native;

/// <summary>A NUL-terminated UTF-8 copy of a string for one native call; pooled, so short calls do not allocate.</summary>
internal ref struct Utf8Text
{
    private byte[]? _rented;
    private readonly Span<byte> _bytes;

    public Utf8Text(string? text)
    {
        if (text is null)
        {
            _bytes = default;
            IsNull = true;
            return;
        }
        // Csound reads C strings: a NUL would cut the text short where the .NET checks saw all of it.
        int nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            throw new ArgumentException($"The text holds a NUL character (U+0000) at index {nul}; Csound reads C strings only up to it. Remove it.", nameof(text));
        }
        int max = Encoding.UTF8.GetMaxByteCount(text.Length) + 1;
        _rented = ArrayPool<byte>.Shared.Rent(max);
        int written = Encoding.UTF8.GetBytes(text, _rented);
        _rented[written] = 0;
        _bytes = _rented.AsSpan(0, written + 1);
        IsNull = false;
    }

    /// <summary>True when made from null: <see cref="GetPinnableReference"/> is then a null reference.</summary>
    public bool IsNull { get; }

    /// <summary>Lets <c>fixed (sbyte* p = text)</c> pin the bytes as the C <c>char*</c> the generated bindings take.</summary>
    public readonly ref sbyte GetPinnableReference() => ref System.Runtime.CompilerServices.Unsafe.As<byte, sbyte>(ref MemoryMarshal.GetReference(_bytes));

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }

    /// <summary>Reads a NUL-terminated UTF-8 string from native memory (null stays null).</summary>
    public static unsafe string? Read(sbyte* text) => text == null ? null : Marshal.PtrToStringUTF8((nint)text);

    /// <summary>Reads UTF-8 text up to its first NUL (or the end of <paramref name="bytes"/>).</summary>
    public static string Read(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }

    /// <summary>
    /// Writes <paramref name="text"/> as NUL-terminated UTF-8 into <paramref name="destination"/>, cut at a character
    /// boundary when it does not fit; returns the bytes written before the NUL.
    /// </summary>
    public static int WriteTruncated(string text, Span<byte> destination)
    {
        if (destination.IsEmpty)
        {
            return 0;
        }
        Span<byte> room = destination[..^1];
        Encoding.UTF8.GetEncoder().Convert(text, room, flush: true, out _, out int written, out _);
        destination[written] = 0;
        return written;
    }
}
