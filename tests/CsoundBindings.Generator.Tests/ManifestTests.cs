using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using CsoundBindings.Generator.Model;
using CsoundBindings.Generator.Parsing;
using Xunit;

namespace CsoundBindings.Generator.Tests;

/// <summary>
/// A manifest is read strictly and the run cannot be silent: each mistake a maintainer can make in it is one line
/// naming the file and what to change, with exit code 2, and every header under the header root is accounted for.
/// </summary>
public sealed class ManifestTests : IDisposable
{
    private const string Good = """
        {
          // a comment is fine
          "api": 0,
          "namespace": "Fixture.Interop",
          "expectedVersion": "0.1",
          "headerRoot": ".",
          "libraries": { "fixture": "fixture" },
          "sources": [ { "include": "fixture.h", "library": "fixture", "declares": [ "fixture.h" ] } ],
          "suppressGcTransition": [ "fx_sum" ]
        }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("bindgen manifest").FullName;

    public ManifestTests() => File.Copy(Path.Combine(RepoPaths.Fixtures, "fixture.h"), Path.Combine(_dir, "fixture.h"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string json)
    {
        string path = Path.Combine(_dir, "manifest.json");
        File.WriteAllText(path, json);
        return path;
    }

    private ApiModel Parse(string json) => HeaderParser.Parse(Manifest.Load(Write(json)));

    private string Refused(string json)
    {
        var error = Assert.Throws<ManifestException>(() => Parse(json));
        Assert.StartsWith(Path.Combine(_dir, "manifest.json") + ": ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        return error.Problem;
    }

    [Fact]
    public void TheGoodManifestParses() => Assert.Contains(Parse(Good).Functions, f => f.Name == "fx_sum");

    [Theory]
    [InlineData("{ \"api\": 0, ", "is not valid JSON")]
    [InlineData("[ 1 ]", "the top level must be an object")]
    public void BadJsonIsRefused(string json, string expected) => Assert.Contains(expected, Refused(json), StringComparison.Ordinal);

    [Fact]
    public void AnUnknownKeyIsRefused() =>
        Assert.Contains("unknown key 'includeDir' in the manifest", Refused(Good.Replace("\"headerRoot\"", "\"includeDir\": [], \"headerRoot\"", StringComparison.Ordinal)), StringComparison.Ordinal);

    [Fact]
    public void AWrongCaseKeySaysTheRightSpelling() =>
        Assert.Contains("keys are case-sensitive, write 'suppressGcTransition'", Refused(Good.Replace("suppressGcTransition", "SuppressGCTransition", StringComparison.Ordinal)), StringComparison.Ordinal);

    [Theory]
    [InlineData("\"expectedVersion\": \"0.1\",", "expectedVersion")]
    [InlineData("\"libraries\": { \"fixture\": \"fixture\" },", "libraries")]
    [InlineData("\"namespace\": \"Fixture.Interop\",", "namespace")]
    public void AMissingRequiredKeyIsNamed(string line, string key) =>
        Assert.Contains($"the required key '{key}' is missing", Refused(Good.Replace(line, string.Empty, StringComparison.Ordinal)), StringComparison.Ordinal);

    [Fact]
    public void AnUnknownLibraryKeyIsRefused() =>
        Assert.Contains("sources[0].library 'fixtur' is not a key of 'libraries' (fixture)", Refused(Good.Replace("\"library\": \"fixture\"", "\"library\": \"fixtur\"", StringComparison.Ordinal)), StringComparison.Ordinal);

    [Fact]
    public void AMisspelledSuppressGcTransitionNameIsRefused() =>
        Assert.Contains("suppressGcTransition names function(s) the headers do not declare: fx_smu", Refused(Good.Replace("\"fx_sum\"", "\"fx_smu\"", StringComparison.Ordinal)), StringComparison.Ordinal);

    [Fact]
    public void AHeaderUnderTheRootThatNoSourceCoversIsAnErrorUntilExcluded()
    {
        File.WriteAllText(Path.Combine(_dir, "extra.h"), "int fx_extra(void);\n");
        Assert.Contains("neither declared by a source nor in excludeHeaders: extra.h", Refused(Good), StringComparison.Ordinal);
        ApiModel model = Parse(Good.Replace("\"suppressGcTransition\"", "\"excludeHeaders\": { \"extra.h\": \"not for hosts\" }, \"suppressGcTransition\"", StringComparison.Ordinal));
        Assert.DoesNotContain(model.Functions, f => f.Name == "fx_extra");
    }

    [Fact]
    public void AnExclusionOfAHeaderThatIsNotThereIsRefused() =>
        Assert.Contains("excludeHeaders names header(s) that are not in", Refused(Good.Replace("\"suppressGcTransition\"", "\"excludeHeaders\": { \"gone.h\": \"old\" }, \"suppressGcTransition\"", StringComparison.Ordinal)), StringComparison.Ordinal);

    [Fact]
    public void ADeclarationExcludedByNameIsListedAsSkippedWithItsReason()
    {
        ApiModel model = Parse(Good.Replace("\"suppressGcTransition\"", "\"exclude\": { \"fx_destroy\": \"the host never destroys\", \"FX_INT\": \"unused\" }, \"suppressGcTransition\"", StringComparison.Ordinal));
        Assert.DoesNotContain(model.Functions, f => f.Name == "fx_destroy");
        Assert.DoesNotContain(model.Constants, c => c.Name == "FX_INT");
        Assert.Contains(model.Skipped, s => s.Name == "fx_destroy" && s.Reason == "excluded by the manifest: the host never destroys");
        Assert.Contains("exclude names 'fx_nothing'", Refused(Good.Replace("\"suppressGcTransition\"", "\"exclude\": { \"fx_nothing\": \"typo\" }, \"suppressGcTransition\"", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void HeadersOfAnotherVersionFailTheRun() =>
        Assert.Contains("are Csound 0.1.0, the manifest expects 0.2", Refused(Good.Replace("\"0.1\"", "\"0.2\"", StringComparison.Ordinal)), StringComparison.Ordinal);

    [Fact]
    public void TheHeaderRootCanBeOverriddenOnTheCommandLine()
    {
        string elsewhere = Directory.CreateDirectory(Path.Combine(_dir, "elsewhere")).FullName;
        File.WriteAllText(Path.Combine(elsewhere, "fixture.h"), "#define CS_VERSION 0\n#define CS_SUBVER 1\n#define CS_PATCHLEVEL 0\nint fx_only_here(void);\n");
        string path = Write(Good.Replace("\"suppressGcTransition\": [ \"fx_sum\" ]", "\"includeDirs\": []", StringComparison.Ordinal).Replace("\"headerRoot\": \".\"", "\"headerRoot\": \"nowhere\"", StringComparison.Ordinal));
        Assert.Contains("the header root", Assert.Throws<ManifestException>(() => HeaderParser.Parse(Manifest.Load(path))).Problem, StringComparison.Ordinal);
        ApiModel model = HeaderParser.Parse(Manifest.Load(path).WithHeaderRoot(elsewhere));
        Assert.Equal(["fx_only_here"], model.Functions.Select(f => f.Name));
    }

    [Fact]
    public void TheToolExitsWith2AndOneLine()
    {
        string path = Write(Good.Replace("suppressGcTransition", "SuppressGcTransition", StringComparison.Ordinal));
        var start = new ProcessStartInfo("dotnet", $"\"{typeof(Manifest).Assembly.Location}\" check --manifest \"{path}\" --out \"{_dir}\"")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var tool = Process.Start(start)!;
        string stderr = tool.StandardError.ReadToEnd();
        tool.StandardOutput.ReadToEnd();
        tool.WaitForExit();
        Assert.Equal(2, tool.ExitCode);
        Assert.Equal($"csound-bindgen: {path}: unknown key 'SuppressGcTransition' in the manifest: keys are case-sensitive, write 'suppressGcTransition'", stderr.Trim());
    }
}
