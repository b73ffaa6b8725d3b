using System;
using System.IO;
using System.Linq;

namespace CsoundBindings.Tests.Support;

/// <summary>Measurements on rendered audio.</summary>
internal static class Signal
{
    public static double Rms(ReadOnlySpan<double> samples)
    {
        if (samples.IsEmpty)
        {
            return 0;
        }
        double sum = 0;
        foreach (double s in samples)
        {
            sum += s * s;
        }
        return Math.Sqrt(sum / samples.Length);
    }

    public static double Peak(ReadOnlySpan<double> samples)
    {
        double peak = 0;
        foreach (double s in samples)
        {
            peak = Math.Max(peak, Math.Abs(s));
        }
        return peak;
    }

    /// <summary>Fundamental frequency by normalised autocorrelation between <paramref name="minHz"/> and <paramref name="maxHz"/>.</summary>
    public static double Pitch(ReadOnlySpan<double> samples, double sr, double minHz = 80, double maxHz = 1000)
    {
        int minLag = (int)(sr / maxHz), maxLag = (int)(sr / minHz);
        int n = samples.Length - maxLag - 1;
        if (n <= 0)
        {
            throw new ArgumentException("Too few samples for the pitch range.");
        }
        var r = new double[maxLag + 2];
        for (int lag = minLag - 1; lag <= maxLag + 1; lag++)
        {
            double sum = 0, e1 = 0, e2 = 0;
            for (int i = 0; i < n; i++)
            {
                sum += samples[i] * samples[i + lag];
                e1 += samples[i] * samples[i];
                e2 += samples[i + lag] * samples[i + lag];
            }
            r[lag] = sum / Math.Sqrt(e1 * e2 + 1e-30);
        }
        // Every multiple of the period correlates almost perfectly: take the first local peak near the best one.
        double top = 0;
        for (int lag = minLag; lag <= maxLag; lag++)
        {
            top = Math.Max(top, r[lag]);
        }
        int best = minLag;
        for (int lag = minLag; lag <= maxLag; lag++)
        {
            if (r[lag] >= 0.9 * top && r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1])
            {
                best = lag;
                break;
            }
        }
        // Parabolic interpolation around the peak.
        double a = r[best - 1], b = r[best], c = r[best + 1];
        double shift = (a - 2 * b + c) == 0 ? 0 : 0.5 * (a - c) / (a - 2 * b + c);
        return sr / (best + shift);
    }

    public static double MidiToHz(double note) => 440 * Math.Pow(2, (note - 69) / 12);

    /// <summary>Reads a 16-bit PCM or 32-bit float WAV file; returns samples (channel 0) scaled to ±1, the rate and channel count.</summary>
    public static (double[] Samples, int Rate, int Channels) ReadWav(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int pos = 12, rate = 0, channels = 0, bits = 0;
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
                if (bits is not (16 or 32))
                {
                    throw new InvalidDataException($"{path}: {bits}-bit samples, expected 16 (PCM) or 32 (float).");
                }
                int width = bits / 8;
                int available = Math.Min(size < 0 ? int.MaxValue : size, bytes.Length - pos - 8);
                int frames = available / (width * channels);
                var samples = new double[frames];
                for (int f = 0; f < frames; f++)
                {
                    int at = pos + 8 + f * width * channels;
                    samples[f] = bits == 16 ? BitConverter.ToInt16(bytes, at) / 32768.0 : BitConverter.ToSingle(bytes, at);
                }
                return (samples, rate, channels);
            }
            pos += 8 + size + (size & 1);
        }
        throw new InvalidDataException($"{path}: no data chunk.");
    }

    /// <summary>Index of the first sample whose magnitude exceeds <paramref name="threshold"/>, or -1.</summary>
    public static int FirstAbove(ReadOnlySpan<double> samples, double threshold)
    {
        for (int i = 0; i < samples.Length; i++)
        {
            if (Math.Abs(samples[i]) > threshold)
            {
                return i;
            }
        }
        return -1;
    }

    public static double[] Channel(double[] interleaved, int channels, int channel) =>
        Enumerable.Range(0, interleaved.Length / channels).Select(i => interleaved[i * channels + channel]).ToArray();
}
