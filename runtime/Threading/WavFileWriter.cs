using System;
using System.IO;

namespace CsoundBindings.Threading;

/// <summary>Writes interleaved samples (0 dBFS = 1.0) to a WAV file as 16/24-bit PCM or 32/64-bit float.</summary>
internal sealed class WavFileWriter : IDisposable
{
    private readonly FileStream _file;
    private readonly BinaryWriter _writer;
    private readonly int _bits;
    private long _dataBytes;

    public WavFileWriter(string path, int sampleRate, int channels, int bits)
    {
        if (bits is not (16 or 24 or 32 or 64))
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "Sample bits must be 16, 24 (PCM), 32 or 64 (float).");
        }
        _bits = bits;
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        _writer = new BinaryWriter(_file);
        bool isFloat = bits >= 32;
        int blockAlign = channels * bits / 8;
        _writer.Write("RIFF"u8);
        _writer.Write(0);
        _writer.Write("WAVEfmt "u8);
        _writer.Write(16);
        _writer.Write((short)(isFloat ? 3 : 1));
        _writer.Write((short)channels);
        _writer.Write(sampleRate);
        _writer.Write(sampleRate * blockAlign);
        _writer.Write((short)blockAlign);
        _writer.Write((short)bits);
        _writer.Write("data"u8);
        _writer.Write(0);
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
        _writer.Flush();
        _file.Position = 4;
        _writer.Write((int)Math.Min(int.MaxValue, 36 + _dataBytes));
        _file.Position = 40;
        _writer.Write((int)Math.Min(int.MaxValue, _dataBytes));
        _writer.Dispose();
    }
}
