namespace CsoundBindings.Engine;

/// <summary>Array and PVS channels (Csound 7; Csound 6 reports them unsupported).</summary>
internal abstract unsafe partial class CsoundApi
{
    /// <summary>Creates (or finds) an array channel; returns the ARRAYDAT pointer or 0.</summary>
    public abstract nint InitArrayChannel(nint cs, byte* name, byte* type, int dimensions, int* sizes);

    public abstract double* ArrayData(nint array);

    public abstract int ArrayDimensions(nint array);

    public abstract int* ArraySizes(nint array);

    public abstract string? ArrayType(nint array);

    /// <summary>Creates (or finds) a PVS channel; returns the PVSDAT pointer or 0.</summary>
    public abstract nint InitPvsChannel(nint cs, byte* name, int fftSize, int overlap, int windowSize, int window, int format);

    public abstract float* PvsData(nint pvs);


    /// <summary>FFT size, overlap, window size, format and frame count of a PVS channel.</summary>
    public abstract (int FftSize, int Overlap, int WindowSize, int Format, uint FrameCount) PvsInfo(nint pvs);
}
