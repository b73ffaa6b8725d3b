namespace CsoundBindings.Engine;

/// <summary>Function tables.</summary>
internal abstract unsafe partial class CsoundApi
{
    /// <summary>Length without the guard point, -1 when the table does not exist.</summary>
    public abstract int TableLength(nint cs, int table);

    /// <summary>The table's data and length, or length -1.</summary>
    public abstract int GetTable(nint cs, int table, double** data);

    /// <summary>The GEN arguments (GEN number first) and their count, or -1.</summary>
    public abstract int GetTableArgs(nint cs, int table, double** data);
}
