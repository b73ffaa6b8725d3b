using CsoundBindings.Interop;

namespace CsoundBindings.Engine;

/// <summary>Function tables: the calls both API generations declare alike, written once over <see cref="ICsoundFunctions"/>.</summary>
internal abstract unsafe partial class SharedEngine<TFunctions>
{
    public override int TableLength(nint cs, int table) => TFunctions.csoundTableLength(cs, table);

    public override int GetTable(nint cs, int table, double** data) => TFunctions.csoundGetTable(cs, data, table);

    public override int GetTableArgs(nint cs, int table, double** data) => TFunctions.csoundGetTableArgs(cs, data, table);
}
