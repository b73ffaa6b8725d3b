using System;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>The length of a function table without its guard point, or -1 when the table does not exist.</summary>
    public int TableLength(int table) => _api.TableLength(Ptr, table);

    /// <summary>
    /// A function table as a writable view of Csound's memory, without the guard point.
    /// Valid until the table is replaced or the engine is reset or disposed.
    /// </summary>
    /// <exception cref="CsoundException">The table does not exist.</exception>
    public Span<double> GetTable(int table) =>
        TryGetTable(table, out Span<double> data) ? data : throw new CsoundException($"GetTable({table})", (int)CsoundStatus.Error, $"table {table} does not exist");

    /// <summary>Like <see cref="GetTable"/>, returning false for a missing table.</summary>
    public unsafe bool TryGetTable(int table, out Span<double> data)
    {
        double* p;
        int length = _api.GetTable(Ptr, table, &p);
        data = length >= 0 && p != null ? new Span<double>(p, length) : default;
        return length >= 0 && p != null;
    }

    /// <summary>The GEN arguments the table was made with (GEN number first), or empty when it does not exist.</summary>
    public unsafe ReadOnlySpan<double> GetTableArgs(int table)
    {
        double* p;
        int count = _api.GetTableArgs(Ptr, table, &p);
        return count > 0 && p != null ? new ReadOnlySpan<double>(p, count) : default;
    }

    /// <summary>Copies a table out; returns how many values were copied.</summary>
    public int CopyTableOut(int table, Span<double> destination)
    {
        Span<double> source = GetTable(table);
        int count = Math.Min(source.Length, destination.Length);
        source[..count].CopyTo(destination);
        return count;
    }

    /// <summary>Copies values into a table (at most its length).</summary>
    public void CopyTableIn(int table, ReadOnlySpan<double> values)
    {
        Span<double> target = GetTable(table);
        values[..Math.Min(values.Length, target.Length)].CopyTo(target);
    }
}
