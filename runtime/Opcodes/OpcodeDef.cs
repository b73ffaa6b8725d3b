namespace CsoundBindings;

/// <summary>
/// One opcode signature as Csound lists it: name, output types, input types (Csound's type letters) and flags.
/// On Csound 7 the flags are always 0 (the list comes from Csound's printed listing).
/// </summary>
/// <param name="Name">Opcode name, e.g. <c>vco2</c>.</param>
/// <param name="OutTypes">Output type letters, empty when the opcode has no outputs.</param>
/// <param name="InTypes">Input type letters, empty when it takes none.</param>
/// <param name="Flags">Csound's opcode flags.</param>
public sealed record OpcodeDef(string Name, string OutTypes, string InTypes, int Flags)
{
    /// <summary>The Python <c>libcsound</c> text form: <c>OpcodeDef(name='ATSadd', outtypes='a', intypes='kkSiiopo', flags=0)</c>.</summary>
    public override string ToString() =>
        $"OpcodeDef(name='{Name}', outtypes='{OutTypes}', intypes='{InTypes}', flags={Flags.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
}
