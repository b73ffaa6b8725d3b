using CsoundBindings.Interop.Api7;

namespace CsoundBindings.Engine;

/// <summary>Host opcodes on Csound 7: init, perf and deinit functions.</summary>
internal sealed unsafe partial class Api7Engine
{
    // OPDS in Csound 7: nxti, nxtp, nxtd, init, perf, deinit, optext, insdshead.
    public override int OpcodeHeaderSize => 8 * sizeof(nint);

    public override int AppendOpcode(nint cs, byte* name, int blockSize, byte* outTypes, byte* inTypes, nint init, nint perf) =>
        Methods.csoundAppendOpcode(C(cs), (sbyte*)name, blockSize, 0, (sbyte*)outTypes, (sbyte*)inTypes,
            (delegate* unmanaged[Cdecl]<CSOUND*, void*, int>)init, (delegate* unmanaged[Cdecl]<CSOUND*, void*, int>)perf, null);
}
