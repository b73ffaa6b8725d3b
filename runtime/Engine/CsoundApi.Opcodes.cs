namespace CsoundBindings.Engine;

/// <summary>Host-defined opcodes.</summary>
internal abstract unsafe partial class CsoundApi
{
    /// <summary>Bytes of Csound's opcode header (OPDS) in front of the argument pointers.</summary>
    public abstract int OpcodeHeaderSize { get; }

    /// <summary>Registers an opcode with init and perf functions (perf may be 0 for an i-time opcode).</summary>
    public abstract int AppendOpcode(nint cs, byte* name, int blockSize, byte* outTypes, byte* inTypes, nint init, nint perf);
}
