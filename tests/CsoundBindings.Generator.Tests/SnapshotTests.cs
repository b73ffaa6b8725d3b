using System.IO;
using System.Linq;
using CsoundBindings.Generator.Model;
using CsoundBindings.Generator.Parsing;
using Xunit;

namespace CsoundBindings.Generator.Tests;

/// <summary>
/// Golden files: what is committed under bindings/ApiN must equal what the generator produces now.
/// On a difference the message shows a line diff; accept with ./build.sh Generate and commit.
/// </summary>
public sealed class SnapshotTests
{
    public static TheoryData<int> Apis => new() { 6, 7 };

    [Theory]
    [MemberData(nameof(Apis))]
    public void CommittedIrEmitsTheCommittedCSharp(int api)
    {
        string dir = RepoPaths.Bindings(api);
        string irPath = Path.Combine(dir, GeneratedOutput.IrFileName(api));
        Assert.True(File.Exists(irPath), $"{irPath} is missing: run ./build.sh Generate");
        var files = GeneratedOutput.Files(IrJson.Load(irPath));
        var differences = GeneratedOutput.Compare(files, dir, includeIr: false);
        Assert.True(differences.Count == 0, Explain(differences));
    }

    [Fact]
    public void CommittedIrsEmitTheCommittedCommonFunctions()
    {
        var models = new[] { 6, 7 }.Select(api => IrJson.Load(Path.Combine(RepoPaths.Bindings(api), GeneratedOutput.IrFileName(api)))).ToList();
        var files = CsoundBindings.Generator.Emission.CommonEmitter.Emit(models, SharedSurface.Load(Path.Combine(RepoPaths.Root, "headers", "shared.json")), out var notes);
        var differences = GeneratedOutput.Compare(files, Path.Combine(RepoPaths.Root, "bindings", "Common"), includeIr: false);
        Assert.True(differences.Count == 0, Explain(differences));
        Assert.Empty(notes); // everything the generations share is listed
        Assert.Contains("static abstract double csoundGetSr(nint param0);", files["ICsoundFunctions.g.cs"], System.StringComparison.Ordinal);
        // A signature that differs between the generations (csoundCreate gained opcodedir in API 7) is not common.
        Assert.DoesNotContain(" csoundCreate(", files["ICsoundFunctions.g.cs"], System.StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Apis))]
    public void InstalledHeadersGiveTheCommittedIr(int api)
    {
        Skip.If(RepoPaths.HeadersMissing(api) is not null, RepoPaths.HeadersMissing(api));
        ApiModel model = HeaderParser.Parse(Manifest.Load(RepoPaths.Manifest(api)));
        var files = GeneratedOutput.Files(model);
        var differences = GeneratedOutput.Compare(files, RepoPaths.Bindings(api), includeIr: true);
        Assert.True(differences.Count == 0, Explain(differences));
    }

    [SkippableTheory]
    [MemberData(nameof(Apis))]
    public void TwoRunsGiveIdenticalBytes(int api)
    {
        Skip.If(RepoPaths.HeadersMissing(api) is not null, RepoPaths.HeadersMissing(api));
        Manifest manifest = Manifest.Load(RepoPaths.Manifest(api));
        var first = GeneratedOutput.Files(HeaderParser.Parse(manifest));
        var second = GeneratedOutput.Files(HeaderParser.Parse(manifest));
        Assert.Equal(first.Keys, second.Keys);
        foreach (var (name, text) in first)
        {
            Assert.True(text == second[name], $"{name} differs between two runs");
        }
    }

    private static string Explain(System.Collections.Generic.List<string> differences) =>
        string.Join("\n", differences) + "\nIf the change is intended, accept it with ./build.sh Generate and commit the result.";
}
