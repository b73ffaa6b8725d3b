using System.IO;
using System.Linq;
using CsoundBindings.Generator.Model;
using CsoundBindings.Generator.Parsing;
using Xunit;

namespace CsoundBindings.Generator.Tests;

/// <summary>header → IR on a small header written for the tests.</summary>
public sealed class FixtureIrTests
{
    private static readonly ApiModel Model = HeaderParser.Parse(Manifest.Load(Path.Combine(RepoPaths.Fixtures, "manifest.json")));

    [Fact]
    public void EnumsKeepExplicitAndImplicitValues()
    {
        EnumDef color = Model.Enums.Single(e => e.Name == "fx_color");
        Assert.Equal(new[] { ("FX_RED", 0L), ("FX_GREEN", 5L), ("FX_BLUE", 6L) }, color.Members.Select(m => (m.Name, m.Value)));
        EnumDef tagged = Model.Enums.Single(e => e.Name == "fx_tagged");
        Assert.Equal(-1, tagged.Members[0].Value);
        Assert.Equal(int.MaxValue, tagged.Members[1].Value);
        // An unnamed enum without typedef contributes constants.
        Assert.Equal("2", Model.Constants.Single(c => c.Name == "FX_ANON_TWO").Value);
    }

    [Fact]
    public void MacrosOfEachKindAreEvaluated()
    {
        string Value(string name) => Model.Constants.Single(c => c.Name == name).Value;
        Assert.Equal("42", Value("FX_INT"));
        Assert.Equal("-7", Value("FX_NEGATIVE"));
        Assert.Equal("4096", Value("FX_HEX"));
        Assert.Equal("4112", Value("FX_COMBINED"));
        Assert.Equal("4000000000", Value("FX_UNSIGNED"));
        Assert.Equal("unsigned int", Model.Constants.Single(c => c.Name == "FX_UNSIGNED").NativeType);
        Assert.Equal("1234567890123", Value("FX_LONGLONG"));
        Assert.Equal("0.5", Value("FX_FLOAT"));
        Assert.Equal("float", Model.Constants.Single(c => c.Name == "FX_FLOATF").NativeType);
        Assert.Equal("hello \"fixture\"", Value("FX_STRING"));
        Assert.Contains(Model.Skipped, s => s.Name == "FX_FLAG" && s.Kind == "macro");
        Assert.Contains(Model.Skipped, s => s.Name == "FX_MAX" && s.Reason.Contains("function-like", System.StringComparison.Ordinal));
        Assert.Contains(Model.Skipped, s => s.Name == "FX_ATTRIBUTE" && s.Reason.StartsWith("not a constant", System.StringComparison.Ordinal));
    }

    [Fact]
    public void VariadicFunctionsAndCallbacksAreListedNotDropped()
    {
        Assert.DoesNotContain(Model.Functions, f => f.Name == "fx_printf");
        Assert.Contains(Model.Skipped, s => s.Name == "fx_printf" && s.Reason.Contains("variadic", System.StringComparison.Ordinal));
        Assert.Contains(Model.Skipped, s => s.Name == "fx_variadic_callback" && s.Kind == "callback");
        // A C function declared with () takes no arguments in practice and is bound.
        Assert.Empty(Model.Functions.Single(f => f.Name == "fx_no_prototype").Parameters);
    }

    [Fact]
    public void ATypeWithoutACSharpFormSkipsOnlyItsDeclarationWithTheLocation()
    {
        Assert.DoesNotContain(Model.Functions, f => f.Name == "fx_long_double");
        Assert.Contains(Model.Skipped, s => s.Name == "fx_long_double" && s.Reason.StartsWith("type 'long double' has no blittable C# form (fixture.h:", System.StringComparison.Ordinal));
        RecordDef wide = Model.Records.Single(r => r.Name == "fx_wide");
        Assert.True(wide.IsOpaque && wide.Size == 32, "an __int128 field leaves the record opaque with clang's size");
        Assert.Contains(Model.Skipped, s => s.Name == "fx_wide" && s.Reason.Contains("'__int128'", System.StringComparison.Ordinal));
        Assert.Contains(Model.Functions, f => f.Name == "fx_sum"); // the run went on
    }

    [Fact]
    public void FunctionsKeepNamesAndCSpellings()
    {
        FunctionDef name = Model.Functions.Single(f => f.Name == "fx_name");
        Assert.Equal("const char *", name.Returns.Spelling);
        Assert.Equal(new[] { "owner", "color", "tag" }, name.Parameters.Select(p => p.Name));
        Assert.Equal("const fx_opaque *", name.Parameters[0].Type.Spelling);
        Assert.Equal("param0", Model.Functions.Single(f => f.Name == "fx_destroy").Parameters[0].Name);
        FunctionDef sum = Model.Functions.Single(f => f.Name == "fx_sum");
        Assert.Equal("SAMPLE", sum.Returns.Name);
        Assert.Equal("double", sum.Returns.Underlying!.Name);
        Assert.Equal("size_t", sum.Parameters[1].Type.Name);
        Assert.Equal("callback", Model.Functions.Single(f => f.Name == "fx_set_callback").Parameters[1].Type.Kind);
    }

    [Fact]
    public void RecordsCarryClangLayoutIncludingNestedAndAnonymousMembers()
    {
        RecordDef record = Model.Records.Single(r => r.Name == "fx_record");
        long Offset(string field) => record.Fields.Single(f => f.Name == field).Offset;
        Assert.Equal(0, Offset("name"));
        Assert.Equal(16, record.Fields.Single(f => f.Name == "name").Type.Length);
        Assert.Equal(16, Offset("points"));
        Assert.Equal(64, Offset("matrix"));
        Assert.Equal(88, Offset("value"));
        Assert.Equal(96, Offset("Anonymous"));
        Assert.Equal(112, Offset("on_event"));
        Assert.Equal(120, Offset("inline_pointer"));
        Assert.Equal(128, Offset("label"));
        Assert.Equal(136, record.Size);
        Assert.Equal("fx_record_value_Union", record.Fields.Single(f => f.Name == "value").Type.Name);
        RecordDef union = Model.Records.Single(r => r.Name == "fx_record_value_Union");
        Assert.True(union.IsUnion);
        Assert.All(union.Fields, f => Assert.Equal(0, f.Offset));
        RecordDef anonymous = Model.Records.Single(r => r.Name == "fx_record_Anonymous1_Struct");
        Assert.Equal(8, anonymous.Fields.Single(f => f.Name == "wide").Offset);
        Assert.True(Model.Records.Single(r => r.Name == "fx_opaque").IsOpaque);
        Assert.True(Model.Records.Single(r => r.Name == "fx_number").IsUnion);
        Assert.DoesNotContain(Model.Records, r => r.CName.Contains('/', System.StringComparison.Ordinal));
    }

    [Fact]
    public void IrJsonRoundTripsExactly()
    {
        string json = IrJson.Serialize(Model);
        Assert.Equal(json, IrJson.Serialize(IrJson.Deserialize(json)));
    }
}

/// <summary>A header clang rejects fails the run with clang's own diagnostic.</summary>
public sealed class ClangErrorTests
{
    [Fact]
    public void AClangErrorFailsTheRunWithItsText()
    {
        string dir = Directory.CreateTempSubdirectory("bindgen").FullName;
        File.WriteAllText(Path.Combine(dir, "broken.h"), "int fine(int);\nint broken(unknown_type value);\n");
        File.WriteAllText(Path.Combine(dir, "manifest.json"), """
            { "api": 0, "namespace": "Broken", "expectedVersion": "0", "headerRoot": ".", "libraries": { "x": "x" },
              "sources": [ { "include": "broken.h", "library": "x", "declares": [ "broken.h" ] } ] }
            """);
        var error = Assert.Throws<HeaderParseException>(() => HeaderParser.Parse(Manifest.Load(Path.Combine(dir, "manifest.json"))));
        Assert.Contains("broken.h:2", error.Message, System.StringComparison.Ordinal);
        Assert.Contains("unknown type name 'unknown_type'", error.Message, System.StringComparison.Ordinal);
        Directory.Delete(dir, recursive: true);
    }
}
