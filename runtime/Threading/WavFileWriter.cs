using System;
using System.Buffers.Binary;
using System.IO;

namespace CsoundBindings.Threading;

/// <summary>
/// Writes interleaved samples (0 dBFS = 1.0) to a WAV file as 16/24-bit PCM or 32/64-bit float. Sizes are unsigned
/// 32-bit, as the format has them; past 4 GiB the file becomes RF64 (EBU Tech 3306), for which the header keeps room
/// from the start (a JUNK chunk that turns into ds64). More than two channels or more than 16 bits use
/// WAVE_FORMAT_EXTENSIBLE, and float data has the fact chunk that non-PCM formats need.
/// </summary>
internal sealed class WavFileWriter : IDisposable
{
    private readonly FileStream _file;
    private readonly BinaryWriter _writer;
    private readonly int _bits;
    private readonly int _channels;
    private readonly int _sampleRate;
    private long _dataBytes;

    public WavFileWriter(string path, int sampleRate, int channels, int bits)
    {
        if (bits is not (16 or 24 or 32 or 64))
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "Sample bits must be 16, 24 (PCM), 32 or 64 (float).");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        _bits = bits;
        _channels = channels;
        _sampleRate = sampleRate;
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        _writer = new BinaryWriter(_file);
        _writer.Write(Header(sampleRate, channels, bits, 0));
    }

    public void Write(ReadOnlySpan<double> samples)
    {
        foreach (double sample in samples)
        {
            double s = Math.Clamp(sample, -1.0, 1.0);
            switch (_bits)
            {
                case 16:
                    _writer.Write((short)Math.Round(s * 32767));
                    break;
                case 24:
                    int v = (int)Math.Round(s * 8388607);
                    _writer.Write((byte)v);
                    _writer.Write((byte)(v >> 8));
                    _writer.Write((byte)(v >> 16));
                    break;
                case 32:
                    _writer.Write((float)sample);
                    break;
                default:
                    _writer.Write(sample);
                    break;
            }
        }
        _dataBytes += (long)samples.Length * _bits / 8;
    }

    public void Dispose()
    {
        if ((_dataBytes & 1) == 1)
        {
            _writer.Write((byte)0); // chunks are padded to an even size
        }
        _writer.Flush();
        _file.Position = 0;
        _writer.Write(Header(_sampleRate, _channels, _bits, _dataBytes));
        _writer.Dispose();
    }

    /// <summary>True when the format needs WAVE_FORMAT_EXTENSIBLE (more than two channels or more than 16 bits).</summary>
    internal static bool IsExtensible(int channels, int bits) => channels > 2 || bits > 16;

    /// <summary>
    /// The header for <paramref name="dataBytes"/> bytes of samples: RIFF (or RF64 past 4 GiB), a JUNK or ds64
    /// chunk, fmt, fact for float, and the data chunk's header. Its length never depends on the size.
    /// </summary>
    internal static byte[] Header(int sampleRate, int channels, int bits, long dataBytes)
    {
        bool isFloat = bits >= 32;
        bool extensible = IsExtensible(channels, bits);
        int fmtSize = extensible ? 40 : isFloat ? 18 : 16;
        int length = 12 + (8 + 28) + (8 + fmtSize) + (isFloat ? 12 : 0) + 8;
        long padded = dataBytes + (dataBytes & 1);
        long riffSize = length - 8 + padded;
        int blockAlign = channels * bits / 8;
        long frames = dataBytes / blockAlign;
        bool rf64 = riffSize > uint.MaxValue;
        var header = new byte[length];
        int at = 0;
        void Id(ReadOnlySpan<byte> id)
        {
            id.CopyTo(header.AsSpan(at));
            at += 4;
        }
        void U16(int v)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(at), (ushort)v);
            at += 2;
        }
        void U32(long v)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(at), (uint)v);
            at += 4;
        }
        void U64(long v)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(at), (ulong)v);
            at += 8;
        }
        Id(rf64 ? "RF64"u8 : "RIFF"u8);
        U32(rf64 ? uint.MaxValue : riffSize);
        Id("WAVE"u8);
        // 28 bytes: ds64's RIFF size, data size, sample count and an empty table; a JUNK chunk until they are needed.
        Id(rf64 ? "ds64"u8 : "JUNK"u8);
        U32(28);
        U64(rf64 ? riffSize : 0);
        U64(rf64 ? dataBytes : 0);
        U64(rf64 ? frames : 0);
        U32(0);
        Id("fmt "u8);
        U32(fmtSize);
        U16(extensible ? 0xFFFE : isFloat ? 3 : 1);
        U16(channels);
        U32(sampleRate);
        U32((long)sampleRate * blockAlign);
        U16(blockAlign);
        U16(bits);
        if (fmtSize > 16)
        {
            U16(fmtSize - 18); // cbSize: 22 for extensible, 0 for plain float
        }
        if (extensible)
        {
            U16(bits); // valid bits per sample
            U32(channels <= 18 ? (1L << channels) - 1 : 0); // speakers in order (front left, front right, …)
            // SubFormat GUID: PCM (1) or IEEE float (3), then the fixed tail 0000-0010-8000-00AA00389B71.
            U32(isFloat ? 3 : 1);
            U16(0x0000);
            U16(0x0010);
            ReadOnlySpan<byte> tail = [0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
            tail.CopyTo(header.AsSpan(at));
            at += 8;
        }
        if (isFloat)
        {
            Id("fact"u8);
            U32(4);
            U32(rf64 || frames > uint.MaxValue ? uint.MaxValue : frames);
        }
        Id("data"u8);
        U32(rf64 ? uint.MaxValue : dataBytes);
        return header;
    }
}
