using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO;
using System.Text;
using CsoundBindings.Threading;
using Xunit;

namespace CsoundBindings.Tests;

/// <summary>The recorder's WAV writer: unsigned sizes, RF64 past 4 GiB, WAVE_FORMAT_EXTENSIBLE, the fact chunk.</summary>
public sealed class WavWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("csoundbindings wav ").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Id(byte[] h, int at) => Encoding.ASCII.GetString(h, at, 4);

    private static uint U32(byte[] h, int at) => BinaryPrimitives.ReadUInt32LittleEndian(h.AsSpan(at));

    private static ulong U64(byte[] h, int at) => BinaryPrimitives.ReadUInt64LittleEndian(h.AsSpan(at));

    /// <summary>Where chunk <paramref name="id"/> starts in the header.</summary>
    private static int Chunk(byte[] h, string id)
    {
        for (int at = 12; at + 8 <= h.Length; at += 8 + (int)U32(h, at + 4))
        {
            if (Id(h, at) == id)
            {
                return at;
            }
        }
        return -1;
    }

    [Fact]
    public void PastTwoGibibytesTheSizesAreUnsignedNotClamped()
    {
        long data = 3L << 30; // about 70 min of 16-bit stereo at 48 kHz, past int.MaxValue
        byte[] h = WavFileWriter.Header(48000, 2, 16, data);
        Assert.Equal("RIFF", Id(h, 0));
        Assert.Equal((uint)(h.Length - 8 + data), U32(h, 4));
        Assert.Equal((uint)data, U32(h, Chunk(h, "data") + 4));
        Assert.Equal(h.Length, Chunk(h, "data") + 8);
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(h.AsSpan(Chunk(h, "fmt ") + 8))); // plain PCM
    }

    [Fact]
    public void PastFourGibibytesTheFileIsRf64()
    {
        long data = 5L << 30;
        byte[] h = WavFileWriter.Header(48000, 2, 32, data);
        Assert.Equal("RF64", Id(h, 0));
        Assert.Equal(uint.MaxValue, U32(h, 4));
        int ds64 = Chunk(h, "ds64");
        Assert.Equal(12, ds64);
        Assert.Equal((ulong)(h.Length - 8 + data), U64(h, ds64 + 8));
        Assert.Equal((ulong)data, U64(h, ds64 + 16));
        Assert.Equal((ulong)(data / 8), U64(h, ds64 + 24)); // frames: 2 channels × 4 bytes
        Assert.Equal(uint.MaxValue, U32(h, Chunk(h, "data") + 4));
        Assert.Equal(uint.MaxValue, U32(h, Chunk(h, "fact") + 8));
        Assert.Equal(h.Length, WavFileWriter.Header(48000, 2, 32, 0).Length); // the same length at any size: rewritten in place
    }

    [Theory]
    [InlineData(1, 16, 1)]
    [InlineData(2, 16, 1)]
    [InlineData(1, 24, 0xFFFE)]
    [InlineData(6, 16, 0xFFFE)]
    [InlineData(1, 32, 0xFFFE)]
    public void MoreThanTwoChannelsOrSixteenBitsAreExtensible(int channels, int bits, int tag)
    {
        byte[] h = WavFileWriter.Header(44100, channels, bits, 1000 * channels * bits / 8);
        int fmt = Chunk(h, "fmt ");
        Assert.Equal(tag, BinaryPrimitives.ReadUInt16LittleEndian(h.AsSpan(fmt + 8)));
        if (tag == 0xFFFE)
        {
            Assert.Equal(40u, U32(h, fmt + 4));
            Assert.Equal(bits >= 32 ? 3u : 1u, U32(h, fmt + 8 + 24)); // SubFormat: IEEE float or PCM
        }
        Assert.Equal(bits >= 32, Chunk(h, "fact") > 0);
        if (bits >= 32)
        {
            Assert.Equal(1000u, U32(h, Chunk(h, "fact") + 8));
        }
    }

    // libsndfile (under Csound's sndinfo) opens each file; it reports WAVE_FORMAT_EXTENSIBLE files as its WAVEX type,
    // which sndinfo has no name for ("unknown"), and six channels as "hex".
    [Theory]
    [InlineData(6, 24, "hex, 24 bit unknown")]
    [InlineData(2, 32, "stereo, 32 bit unknown")]
    [InlineData(1, 24, "monaural, 24 bit unknown")]
    [InlineData(1, 16, "monaural, 16 bit WAV")]
    public void LibsndfileReadsWhatItWrites(int channels, int bits, string described)
    {
        string path = Path.Combine(_folder, $"{channels} x {bits}.wav");
        int frames = 48001; // odd: 24-bit mono needs the pad byte
        using (var writer = new WavFileWriter(path, 48000, channels, bits))
        {
            var frame = new double[channels];
            for (int f = 0; f < frames; f++)
            {
                for (int c = 0; c < channels; c++)
                {
                    frame[c] = 0.5 * Math.Sin(2 * Math.PI * 440 * (c + 1) * f / 48000);
                }
                writer.Write(frame);
            }
        }
        var start = new ProcessStartInfo("sndinfo", $"\"{path}\"") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        string info = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(info.Contains($"srate 48000, {described}, 1.000 seconds", StringComparison.Ordinal), info);
        Assert.Contains($"({frames} sample frames)", info, StringComparison.Ordinal);
    }
}
