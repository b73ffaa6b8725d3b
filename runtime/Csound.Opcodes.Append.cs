using CsoundBindings.Lifecycle;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>Registers an opcode implemented in C#; compile orchestras that use it afterwards.</summary>
    /// <exception cref="CsoundException">Csound refused the definition.</exception>
    public unsafe void AppendOpcode(ManagedOpcode opcode)
    {
        System.ArgumentNullException.ThrowIfNull(opcode);
        opcode.Validate();
        nint cs = Ptr;
        CallbackScope.ThrowIfInside(_state, nameof(AppendOpcode));
        var thunks = new OpcodeThunks(this, opcode, _api.OpcodeHeaderSize);
        // Csound keeps the name and type strings it is given, so they live in native memory with the thunks.
        _state.Opcodes.Add(thunks);
        int result = _api.AppendOpcode(cs, thunks.Name, thunks.BlockSize, thunks.OutTypes, thunks.InTypes, thunks.InitPointer, thunks.PerformPointer);
        if (result != 0)
        {
            throw new CsoundException($"AppendOpcode(\"{opcode.Name}\")", result, "Csound refused the opcode definition");
        }
    }
}
