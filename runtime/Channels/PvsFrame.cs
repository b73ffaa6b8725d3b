using System;

namespace CsoundBindings;

/// <summary>
/// One spectral frame of a PVS bus channel (Csound 6's <c>pvsin</c>/<c>pvsout</c>), copied in or out:
/// <see cref="FftSize"/>/2 + 1 bins of (amplitude, frequency in Hz) pairs.
/// </summary>
public sealed class PvsFrame
{
    /// <summary>A frame of silence of the given analysis setup (the bins start at zero).</summary>
    public PvsFrame(int fftSize, int overlap, int windowSize, PvsWindow window = PvsWindow.Hann, int format = 0)
        : this(fftSize, overlap, windowSize, window, format, 0, new float[checked(Math.Max(fftSize, 0) + 2)])
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fftSize, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(overlap, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowSize, 1);
    }

    internal PvsFrame(int fftSize, int overlap, int windowSize, PvsWindow window, int format, uint frameCount, float[] bins)
    {
        FftSize = fftSize;
        Overlap = overlap;
        WindowSize = windowSize;
        Window = window;
        Format = format;
        FrameCount = frameCount;
        Bins = bins;
    }

    /// <summary>FFT size (0 for a channel nothing has written yet).</summary>
    public int FftSize { get; }

    /// <summary>Hop size in samples.</summary>
    public int Overlap { get; }

    /// <summary>Window size.</summary>
    public int WindowSize { get; }

    /// <summary>Analysis window.</summary>
    public PvsWindow Window { get; }

    /// <summary>Frame format (0 = amplitude/frequency).</summary>
    public int Format { get; }

    /// <summary>The writer's frame counter (Csound's <c>framecount</c>).</summary>
    public uint FrameCount { get; }

    /// <summary>The bins: FftSize + 2 floats, amplitude and frequency of bin k at 2k and 2k + 1.</summary>
    public float[] Bins { get; }

    /// <summary>The amplitude of bin <paramref name="bin"/>.</summary>
    public float Amplitude(int bin) => Bins[2 * bin];

    /// <summary>The frequency (Hz) of bin <paramref name="bin"/>.</summary>
    public float Frequency(int bin) => Bins[(2 * bin) + 1];
}
