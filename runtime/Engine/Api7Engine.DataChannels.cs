using CsoundBindings.Interop.Api7;

namespace CsoundBindings.Engine;

/// <summary>Array and PVS channels over the Csound 7 bindings.</summary>
internal sealed unsafe partial class Api7Engine
{
    public override nint InitArrayChannel(nint cs, byte* name, byte* type, int dimensions, int* sizes) =>
        (nint)Methods.csoundInitArrayChannel(C(cs), (sbyte*)name, (sbyte*)type, dimensions, sizes);

    public override double* ArrayData(nint array) => (double*)Methods.csoundGetArrayData((ARRAYDAT*)array);

    public override int ArrayDimensions(nint array) => Methods.csoundArrayDataDimensions((ARRAYDAT*)array);

    public override int* ArraySizes(nint array) => Methods.csoundArrayDataSizes((ARRAYDAT*)array);

    public override string? ArrayType(nint array) => Native.Utf8Text.Read(Methods.csoundArrayDataType((ARRAYDAT*)array));

    public override nint InitPvsChannel(nint cs, byte* name, int fftSize, int overlap, int windowSize, int window, int format) =>
        (nint)Methods.csoundInitPvsChannel(C(cs), (sbyte*)name, fftSize, overlap, windowSize, window, format);

    public override float* PvsData(nint pvs) => Methods.csoundGetPvsData((PVSDAT*)pvs);


    public override (int FftSize, int Overlap, int WindowSize, int Format, uint FrameCount) PvsInfo(nint pvs)
    {
        var p = (PVSDAT*)pvs;
        return (Methods.csoundPvsDataFFTSize(p), Methods.csoundPvsDataOverlap(p), Methods.csoundPvsDataWindowSize(p),
            Methods.csoundPvsDataFormat(p), Methods.csoundPvsDataFramecount(p));
    }
}
