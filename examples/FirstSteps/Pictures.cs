using System;
using System.IO;
using System.Numerics;

namespace FirstSteps;

/// <summary>A waveform and a spectrogram (PNG, drawn with ScottPlot) beside a WAV the guide rendered.</summary>
public static class Pictures
{
    private const int FftSize = 1024;
    private const int Hop = 256;
    private const double TopHz = 5000;

    /// <summary>Writes <c>name.waveform.png</c> and <c>name.spectrogram.png</c> next to <paramref name="wav"/>; returns their paths.</summary>
    public static (string Waveform, string Spectrogram) Write(string wav)
    {
        var (samples, rate) = ReadMono(wav);
        string stem = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(wav))!, Path.GetFileNameWithoutExtension(wav));
        string waveform = stem + ".waveform.png", spectrogram = stem + ".spectrogram.png";

        var wave = new ScottPlot.Plot();
        wave.Add.Signal(samples, 1.0 / rate);
        wave.Title(Path.GetFileName(wav));
        wave.XLabel("time (s)");
        wave.YLabel("amplitude");
        wave.SavePng(waveform, 1000, 300);

        var spec = new ScottPlot.Plot();
        ScottPlot.Plottables.Heatmap map = spec.Add.Heatmap(Spectrogram(samples, rate));
        map.Extent = new ScottPlot.CoordinateRect(0, samples.Length / (double)rate, 0, TopHz);
        spec.Add.ColorBar(map);
        spec.Title(Path.GetFileName(wav) + ": spectrogram (dB)");
        spec.XLabel("time (s)");
        spec.YLabel("frequency (Hz)");
        spec.SavePng(spectrogram, 1000, 400);
        return (waveform, spectrogram);
    }

    /// <summary>Magnitudes in dB (-100 to 0) of Hann-windowed frames; row 0 is the highest frequency shown.</summary>
    private static double[,] Spectrogram(double[] samples, int rate)
    {
        int frames = Math.Max(1, (samples.Length - FftSize) / Hop + 1);
        int bins = (int)(TopHz * FftSize / rate);
        var data = new double[bins, frames];
        var buffer = new Complex[FftSize];
        for (int f = 0; f < frames; f++)
        {
            for (int i = 0; i < FftSize; i++)
            {
                int at = f * Hop + i;
                double hann = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / (FftSize - 1));
                buffer[i] = at < samples.Length ? samples[at] * hann : 0;
            }
            Fft(buffer);
            for (int b = 0; b < bins; b++)
            {
                double magnitude = buffer[b].Magnitude / (FftSize / 4.0);
                data[bins - 1 - b, f] = Math.Max(-100, 20 * Math.Log10(magnitude + 1e-12));
            }
        }
        return data;
    }

    /// <summary>In-place iterative radix-2 FFT.</summary>
    private static void Fft(Complex[] x)
    {
        int n = x.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }
            j ^= bit;
            if (i < j)
            {
                (x[i], x[j]) = (x[j], x[i]);
            }
        }
        for (int length = 2; length <= n; length <<= 1)
        {
            Complex step = Complex.FromPolarCoordinates(1, -2 * Math.PI / length);
            for (int i = 0; i < n; i += length)
            {
                Complex w = Complex.One;
                for (int k = 0; k < length / 2; k++)
                {
                    Complex even = x[i + k], odd = x[i + k + length / 2] * w;
                    x[i + k] = even + odd;
                    x[i + k + length / 2] = even - odd;
                    w *= step;
                }
            }
        }
    }

    /// <summary>Channel 0 of a 16-bit PCM or 32-bit float WAV, scaled to ±1.</summary>
    private static (double[] Samples, int Rate) ReadMono(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int pos = 12, rate = 0, channels = 1, bits = 16;
        while (pos + 8 <= bytes.Length)
        {
            string id = System.Text.Encoding.ASCII.GetString(bytes, pos, 4);
            int size = BitConverter.ToInt32(bytes, pos + 4);
            if (id == "fmt ")
            {
                channels = BitConverter.ToInt16(bytes, pos + 10);
                rate = BitConverter.ToInt32(bytes, pos + 12);
                bits = BitConverter.ToInt16(bytes, pos + 22);
            }
            else if (id == "data")
            {
                int width = bits / 8;
                int frames = Math.Min(size, bytes.Length - pos - 8) / (width * channels);
                var samples = new double[frames];
                for (int f = 0; f < frames; f++)
                {
                    int at = pos + 8 + f * width * channels;
                    samples[f] = bits == 16 ? BitConverter.ToInt16(bytes, at) / 32768.0 : BitConverter.ToSingle(bytes, at);
                }
                return (samples, rate);
            }
            pos += 8 + size + (size & 1);
        }
        throw new InvalidDataException($"{path}: no data chunk.");
    }
}
