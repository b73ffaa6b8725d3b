using System;
using System.IO;
using System.Reflection;
using PublicApiGenerator;
using Xunit;

namespace CsoundBindings.Generator.Tests;

/// <summary>
/// The public surface of each package, compared with the committed baseline in docs/api. A change fails with the
/// diff; after an intended change, accept it with CSOUNDBINDINGS_ACCEPT=1 dotnet test --filter PublicApiTests (the
/// same step as the coverage tables), and the diff of docs/api shows the API change in review.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Assemblies => new() { "CsoundBindings", "CsoundBindings.Interop" };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void ThePublicApiMatchesItsBaseline(string name)
    {
        Assembly assembly = name == "CsoundBindings" ? typeof(CsoundBindings.Csound).Assembly : typeof(CsoundBindings.Interop.NativeTypeNameAttribute).Assembly;
        string api = assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n");
        string path = Path.Combine(RepoPaths.Root, "docs", "api", $"{name}.txt");
        if (Environment.GetEnvironmentVariable("CSOUNDBINDINGS_ACCEPT") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, api);
        }
        string baseline = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        Assert.True(baseline == api,
            $"The public API of {name} changed:\n{TextDiff.Unified(baseline, api, 40)}If intended, accept it: CSOUNDBINDINGS_ACCEPT=1 dotnet test tests/CsoundBindings.Generator.Tests --filter PublicApiTests");
    }
}
