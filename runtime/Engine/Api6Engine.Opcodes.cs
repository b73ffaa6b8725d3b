using CsoundBindings.Interop.Api6;

namespace CsoundBindings.Engine;

/// <summary>Host opcodes on Csound 6: init and perf functions with the thread bits.</summary>
internal sealed unsafe partial class Api6Engine
{
    // OPDS in Csound 6: nxti, nxtp, iopadr, opadr, optext, insdshead.
    public override int OpcodeHeaderSize => 6 * sizeof(nint);

    public override int AppendOpcode(nint cs, byte* name, int blockSize, byte* outTypes, byte* inTypes, nint init, nint perf)
    {
        var subr = (delegate* unmanaged[Cdecl]<CSOUND*, void*, int>)init;
        var perform = (delegate* unmanaged[Cdecl]<CSOUND*, void*, int>)perf;
        // Csound 6 runs the perf function from the k-rate slot for k- and a-rate opcodes alike (thread 3);
        // the a-rate slot is a leftover that the engine no longer calls.
        int thread = perf == 0 ? 1 : 3;
        return Methods.csoundAppendOpcode(C(cs), (sbyte*)name, blockSize, 0, thread, (sbyte*)outTypes, (sbyte*)inTypes,
            subr, perform, null);
    }
}
