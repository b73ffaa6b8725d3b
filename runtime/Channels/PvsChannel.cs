using System;

namespace CsoundBindings;

/// <summary>Analysis window shapes for a <see cref="PvsChannel"/>.</summary>
public enum PvsWindow
{
    /// <summary>Hamming.</summary>
    Hamming = 0,

    /// <summary>von Hann.</summary>
    Hann = 1,

    /// <summary>Kaiser.</summary>
    Kaiser = 2,

    /// <summary>User-defined.</summary>
    Custom = 3,

    /// <summary>Blackman.</summary>
    Blackman = 4,

    /// <summary>Exact Blackman.</summary>
    BlackmanExact = 5,

    /// <summary>Nuttall C3.</summary>
    NuttallC3 = 6,

    /// <summary>Blackman-Harris 3-term.</summary>
    BlackmanHarris3 = 7,

    /// <summary>Blackman-Harris minimum.</summary>
    BlackmanHarrisMin = 8,

    /// <summary>Rectangular.</summary>
    Rectangular = 9,
}

/// <summary>A PVS (streaming spectral) channel (Csound 7): one frame of amplitude/frequency pairs shared with <c>pvsin</c>/<c>pvsout</c>.</summary>
public sealed unsafe class PvsChannel : Channel
{
    private readonly nint _pvs;

    internal PvsChannel(Csound owner, string name, nint pvs)
        : base(owner, name, ChannelKind.Pvs, ChannelDirection.InputOutput, (void*)pvs)
    {
        _pvs = pvs;
        (FftSize, Overlap, WindowSize, Format, _) = owner.Api.PvsInfo(pvs);
    }

    /// <summary>FFT size.</summary>
    public int FftSize { get; }

    /// <summary>Hop size in samples.</summary>
    public int Overlap { get; }

    /// <summary>Window size.</summary>
    public int WindowSize { get; }

    /// <summary>Frame format (0 = amplitude/frequency).</summary>
    public int Format { get; }

    /// <summary>Frames written so far.</summary>
    public uint FrameCount
    {
        get
        {
            _ = Checked;
            return Owner.Api.PvsInfo(_pvs).FrameCount;
        }
    }

    /// <summary>The current frame, (FftSize/2 + 1) bins of two floats each, as a view of Csound's memory.</summary>
    public Span<float> Frame
    {
        get
        {
            _ = Checked;
            return new Span<float>(Owner.Api.PvsData(_pvs), (FftSize / 2 + 1) * 2);
        }
    }
}
