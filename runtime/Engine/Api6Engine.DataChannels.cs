using System;

namespace CsoundBindings.Engine;

/// <summary>Csound 6 has no array channels and only a struct-copy PVS channel API.</summary>
internal sealed unsafe partial class Api6Engine
{
    private static NotSupportedException Api7Only(string what) =>
        new($"{what} channels need Csound 7; Csound 6 offers control, audio and string channels (use those, or load Csound 7 through CSOUND7_ROOT).");

    public override nint InitArrayChannel(nint cs, byte* name, byte* type, int dimensions, int* sizes) => throw Api7Only("Array");

    public override double* ArrayData(nint array) => throw Api7Only("Array");

    public override int ArrayDimensions(nint array) => throw Api7Only("Array");

    public override int* ArraySizes(nint array) => throw Api7Only("Array");

    public override string? ArrayType(nint array) => throw Api7Only("Array");

    public override nint InitPvsChannel(nint cs, byte* name, int fftSize, int overlap, int windowSize, int window, int format) => throw Api7Only("PVS");

    public override float* PvsData(nint pvs) => throw Api7Only("PVS");


    public override (int FftSize, int Overlap, int WindowSize, int Format, uint FrameCount) PvsInfo(nint pvs) => throw Api7Only("PVS");
}
