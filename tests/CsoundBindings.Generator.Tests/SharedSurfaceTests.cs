using System;
using System.IO;
using System.Linq;
using CsoundBindings.Generator.Emission;
using CsoundBindings.Generator.Model;
using CsoundBindings.Generator.Parsing;
using Xunit;

namespace CsoundBindings.Generator.Tests;

/// <summary>
/// bindings/Common is exactly headers/shared.json: each listed symbol checked in every generation, emitted once,
/// left out of the per-API folders. A generation that lacks or changes one fails by name; nothing moves by itself.
/// </summary>
public sealed class SharedSurfaceTests
{
    private static readonly string SharedFile = Path.Combine(RepoPaths.Root, "headers", "shared.json");

    private static ApiModel[] Models() =>
        new[] { 6, 7 }.Select(api => IrJson.Load(Path.Combine(RepoPaths.Bindings(api), GeneratedOutput.IrFileName(api)))).ToArray();

    [Fact]
    public void SharedTypesAreEmittedOnceInCommonAndNotPerApi()
    {
        SharedSurface shared = SharedSurface.Load(SharedFile);
        Assert.Contains("CS_AUDIODEVICE", shared.Records);
        Assert.Contains("CSOUND_FILETYPES", shared.Enums);
        foreach (int api in new[] { 6, 7 })
        {
            string structs = File.ReadAllText(Path.Combine(RepoPaths.Bindings(api), "Structs.g.cs"));
            string enums = File.ReadAllText(Path.Combine(RepoPaths.Bindings(api), "Enums.g.cs"));
            Assert.All(shared.Records, r => Assert.DoesNotContain($" struct {r}\n", structs, StringComparison.Ordinal));
            Assert.All(shared.Enums, e => Assert.DoesNotContain($" enum {e} ", enums, StringComparison.Ordinal));
        }
        string common = File.ReadAllText(Path.Combine(RepoPaths.Root, "bindings", "Common", "CommonEnums.g.cs"));
        Assert.Contains("public enum CSOUND_FILETYPES : uint", common, StringComparison.Ordinal);
    }

    [Fact]
    public void AListedFunctionMissingFromOneGenerationFailsByName()
    {
        ApiModel[] models = Models();
        models[1] = models[1] with { Functions = models[1].Functions.Where(f => f.Name != "csoundGetSr").ToList() };
        var e = Assert.Throws<InvalidOperationException>(() => CommonEmitter.Emit(models, SharedSurface.Load(SharedFile), out _));
        Assert.Contains("function csoundGetSr: not declared by API 7", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AListedFunctionWhoseSignatureDiffersFailsWithBothSignatures()
    {
        SharedSurface shared = SharedSurface.Load(SharedFile) with { Functions = ["csoundCreate", "csoundGetSr"] };
        var e = Assert.Throws<InvalidOperationException>(() => CommonEmitter.Emit(Models(), shared, out _));
        Assert.Contains("function csoundCreate: its C# signature differs", e.Message, StringComparison.Ordinal);
        Assert.Contains("API 7 CSOUND * csoundCreate(void *, const char *)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStructLaidOutDifferentlyFailsAndAnUnlistedSharedSymbolIsANote()
    {
        ApiModel[] models = Models();
        RecordDef device = models[1].Records.Single(r => r.Name == "CS_AUDIODEVICE");
        models[1] = models[1] with { Records = models[1].Records.Select(r => r == device ? r with { Size = r.Size + 8 } : r).ToList() };
        var e = Assert.Throws<InvalidOperationException>(() => CommonEmitter.Emit(models, SharedSurface.Load(SharedFile), out _));
        Assert.Contains("struct CS_AUDIODEVICE: laid out differently", e.Message, StringComparison.Ordinal);

        SharedSurface fewer = SharedSurface.Load(SharedFile);
        fewer = fewer with { Functions = fewer.Functions.Where(f => f != "csoundGetKsmps").ToList() };
        CommonEmitter.Emit(Models(), fewer, out var notes);
        Assert.Contains("function csoundGetKsmps has the same signature in every generation but is not listed as shared", notes);
    }

    [SkippableFact]
    public void HeadersThatLackASharedSymbolFailTheRunByName()
    {
        Skip.If(RepoPaths.HeadersMissing(6) is not null, RepoPaths.HeadersMissing(6));
        Manifest manifest = Manifest.Load(RepoPaths.Manifest(6));
        manifest = manifest with { Shared = manifest.Shared! with { Functions = [.. manifest.Shared.Functions, "csoundFromAFutureRelease"], Enums = [.. manifest.Shared.Enums, "NO_SUCH_ENUM"] } };
        var e = Assert.Throws<HeaderParseException>(() => HeaderParser.Parse(manifest));
        Assert.Contains("enum NO_SUCH_ENUM, csoundFromAFutureRelease", e.Message, StringComparison.Ordinal);
        Assert.Contains("Csound 6.18.1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSharedFileIsReadStrictly()
    {
        string path = Path.Combine(Path.GetTempPath(), $"shared-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, "{ \"records\": [], \"enums\": [], \"functions\": [\"a\", \"a\"] }");
            Assert.Contains("lists 'a' twice", Assert.Throws<ManifestException>(() => SharedSurface.Load(path)).Message, StringComparison.Ordinal);
            File.WriteAllText(path, "{ \"records\": [], \"enums\": [], \"function\": [] }");
            Assert.Contains("unknown key 'function'", Assert.Throws<ManifestException>(() => SharedSurface.Load(path)).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>A header change that changes no C# changes no generated line (#13: stable NativeTypeName spelling).</summary>
public sealed class SpellingStabilityTests
{
    private static ApiModel Api6() => IrJson.Load(Path.Combine(RepoPaths.Bindings(6), GeneratedOutput.IrFileName(6)));

    // Csound 7 rewrote many 'int' parameters as 'int32_t': the same C# type, so the same generated text.
    [Fact]
    public void IntBecomingInt32TLeavesTheBindingsAsTheyWere()
    {
        ApiModel model = Api6();
        FunctionDef debug = model.Functions.Single(f => f.Name == "csoundSetDebug");
        Parameter flag = debug.Parameters[1];
        Assert.Equal("int", flag.Type.Spelling);
        var widened = flag with { Type = new NativeType { Kind = "typedef", Spelling = "int32_t", Name = "int32_t", Underlying = flag.Type } };
        ApiModel changed = model with { Functions = model.Functions.Select(f => f == debug ? f with { Parameters = [debug.Parameters[0], widened] } : f).ToList() };
        Assert.Equal(GeneratedOutput.Files(model)["Functions.g.cs"], GeneratedOutput.Files(changed)["Functions.g.cs"]);

        // A typedef that says more than its C# type (MYFLT is double) keeps its spelling.
        var myflt = flag with { Type = new NativeType { Kind = "typedef", Spelling = "MYFLT", Name = "MYFLT", Underlying = new NativeType { Kind = "builtin", Spelling = "double", Name = "double" } } };
        ApiModel named = model with { Functions = model.Functions.Select(f => f == debug ? f with { Parameters = [debug.Parameters[0], myflt] } : f).ToList() };
        Assert.Contains("[NativeTypeName(\"MYFLT\")] double debug", GeneratedOutput.Files(named)["Functions.g.cs"], StringComparison.Ordinal);
    }

    // clang spells a va_list inside a function-pointer type by its x86-64 decay; the bindings keep the header's word.
    [Fact]
    public void AVaListInsideAFunctionPointerIsSpelledVaList()
    {
        string functions = File.ReadAllText(Path.Combine(RepoPaths.Bindings(6), "Functions.g.cs"));
        Assert.Contains("[NativeTypeName(\"void (*)(CSOUND *, int, const char *, va_list)\")]", functions, StringComparison.Ordinal);
        Assert.DoesNotContain("__va_list_tag", functions, StringComparison.Ordinal);
    }
}

/// <summary>The manifest's remap list (ClangSharp's --remap): a struct emitted under another C# name, every use renamed.</summary>
public sealed class RemapTests
{
    [SkippableFact]
    public void ARemappedStructIsRenamedEverywhereAndKeepsItsCName()
    {
        Skip.If(RepoPaths.HeadersMissing(6) is not null, RepoPaths.HeadersMissing(6));
        Manifest manifest = Manifest.Load(RepoPaths.Manifest(6)) with
        {
            Remap = new System.Collections.Generic.Dictionary<string, string> { ["CSOUND_PARAMS"] = "EngineParameters" },
        };
        ApiModel model = HeaderParser.Parse(manifest);
        Assert.DoesNotContain(model.Records, r => r.Name == "CSOUND_PARAMS");
        Assert.Contains(model.Records, r => r.Name == "EngineParameters");
        var files = GeneratedOutput.Files(model);
        Assert.Contains("public unsafe partial struct EngineParameters", files["Structs.g.cs"], StringComparison.Ordinal);
        Assert.Contains("[NativeTypeName(\"CSOUND_PARAMS *\")] EngineParameters* p", files["Functions.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain("CSOUND_PARAMS*", files["Functions.g.cs"], StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("CSOUND_STATUS", "Status", "which is an enum; remap renames structs and unions only")]
    [InlineData("csoundNoSuchThing", "X", "which is not declared by the headers")]
    [InlineData("CSOUND_PARAMS", "RTCLOCK", "is not a C# identifier or is already taken")]
    [InlineData("CSOUND_PARAMS", "not an identifier", "is not a C# identifier or is already taken")]
    public void ABadRemapIsAManifestErrorThatSaysWhy(string from, string to, string why)
    {
        Skip.If(RepoPaths.HeadersMissing(6) is not null, RepoPaths.HeadersMissing(6));
        Manifest manifest = Manifest.Load(RepoPaths.Manifest(6)) with { Remap = new System.Collections.Generic.Dictionary<string, string> { [from] = to } };
        var e = Assert.Throws<ManifestException>(() => HeaderParser.Parse(manifest));
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }
}
