using CsoundBindings.Lifecycle;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>Registers an opcode implemented in C#; compile orchestras that use it afterwards.</summary>
    /// <exception cref="CsoundException">Csound refused the definition.</exception>
    /// <exception cref="System.ArgumentException">Csound already has an opcode with this name and these types (it would keep using that one).</exception>
    public unsafe void AppendOpcode(ManagedOpcode opcode)
    {
        System.ArgumentNullException.ThrowIfNull(opcode);
        opcode.Validate();
        nint cs = Ptr;
        CallbackScope.ThrowIfInside(_state, nameof(AppendOpcode));
        // Csound takes a second definition with the same name and types without a word, and keeps finding the first:
        // the new opcode would never run (seen with "fold", a built-in).
        foreach (OpcodeDef known in GetOpcodes())
        {
            if (known.Name == opcode.Name && known.OutTypes == opcode.OutTypes && known.InTypes == opcode.InTypes)
            {
                throw new System.ArgumentException(
                    $"AppendOpcode: Csound already has the opcode {opcode.Name} ({opcode.OutTypes} <- {opcode.InTypes}), which it would keep using instead of this one; choose another name.",
                    nameof(opcode));
            }
        }
        var thunks = new OpcodeThunks(this, opcode, _api.OpcodeHeaderSize);
        // Csound keeps the name and type strings it is given, so they live in native memory with the thunks.
        _state.Opcodes.Add(thunks);
        int result = _api.AppendOpcode(cs, thunks.Name, thunks.BlockSize, thunks.OutTypes, thunks.InTypes, thunks.InitPointer, thunks.PerformPointer);
        if (result != 0)
        {
            throw new CsoundException($"AppendOpcode(\"{opcode.Name}\")", result, "Csound refused the opcode definition");
        }
        // The cached list gains the new entry (dropping it would list again: a temporary engine per append on Csound 7).
        _state.OpcodeList = [.. GetOpcodes(), new OpcodeDef(opcode.Name, opcode.OutTypes, opcode.InTypes, 0)];
    }
}
