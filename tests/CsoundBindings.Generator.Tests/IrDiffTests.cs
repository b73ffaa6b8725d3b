using System.IO;
using System.Linq;
using CsoundBindings.Generator.Model;
using CsoundBindings.Generator.Parsing;
using Xunit;

namespace CsoundBindings.Generator.Tests;

/// <summary><c>check</c> says what changed in the declared surface before it shows any text.</summary>
public sealed class IrDiffTests
{
    private static readonly ApiModel Model = HeaderParser.Parse(Manifest.Load(Path.Combine(RepoPaths.Fixtures, "manifest.json")));

    [Fact]
    public void TheSameModelHasNoChanges() => Assert.Empty(IrDiff.Summarize(Model, IrJson.Deserialize(IrJson.Serialize(Model))));

    [Fact]
    public void EachKindOfChangeIsOneEntryWithOldAndNew()
    {
        FunctionDef sum = Model.Functions.Single(f => f.Name == "fx_sum");
        RecordDef record = Model.Records.Single(r => r.Name == "fx_record");
        ApiModel changed = Model with
        {
            Functions = Model.Functions.Where(f => f.Name != "fx_destroy")
                .Select(f => f == sum ? f with { Parameters = f.Parameters.Take(1).ToList() } : f).ToList(),
            Records = Model.Records.Select(r => r == record ? r with { Size = r.Size + 8 } : r).ToList(),
            Constants = Model.Constants.Select(c => c.Name == "FX_INT" ? c with { Value = "43" } : c).ToList(),
            Enums = Model.Enums.Select(e => e.Name == "fx_color" ? e with { Members = e.Members.Select(m => m with { Value = m.Value + 1 }).ToList() } : e).ToList(),
        };
        var lines = IrDiff.Summarize(Model, changed);
        Assert.Contains(lines, l => l.StartsWith("- function fx_destroy: ", System.StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("~ function fx_sum:", System.StringComparison.Ordinal) && l.Contains("was SAMPLE fx_sum(const SAMPLE *, size_t)", System.StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("~ struct fx_record:", System.StringComparison.Ordinal) && l.Contains($"now {record.Size + 8} bytes", System.StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("~ constant FX_INT:", System.StringComparison.Ordinal) && l.Contains("was 42", System.StringComparison.Ordinal) && l.Contains("now 43", System.StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("~ enum fx_color:", System.StringComparison.Ordinal) && l.Contains("now FX_RED=1", System.StringComparison.Ordinal));
        Assert.Equal(5, lines.Count);
    }
}
