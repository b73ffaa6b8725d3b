using CsoundBindings.Interop.Api6;

namespace CsoundBindings.Engine;

/// <summary>Function tables over the Csound 6 bindings.</summary>
internal sealed unsafe partial class Api6Engine
{
    public override int TableLength(nint cs, int table) => Methods.csoundTableLength(C(cs), table);

    public override int GetTable(nint cs, int table, double** data) => Methods.csoundGetTable(C(cs), data, table);

    public override int GetTableArgs(nint cs, int table, double** data) => Methods.csoundGetTableArgs(C(cs), data, table);
}
