using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;
using Xunit.Abstractions;

namespace CsoundBindings.Package.Tests;

[Collection(PackagesFixtureDefinition.Name)]
public sealed class PackageTests(PackedPackages packed, ITestOutputHelper output)
{
    private static readonly string[] RealPackages = ["CsoundBindings", "CsoundBindings.Interop", "csound-bindgen"];

    private string Nupkg(string id, string extension = "nupkg") => Path.Combine(packed.Feed, $"{id}.{packed.Version}.{extension}");

    [Fact]
    public void PackingTheSolutionYieldsExactlyTheRealPackagesWithMetadataAndSymbols()
    {
        string[] files = Directory.GetFiles(packed.Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        string[] expected = RealPackages.SelectMany(id => new[] { $"{id}.{packed.Version}.nupkg", $"{id}.{packed.Version}.snupkg" }).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, files);
        foreach (string id in RealPackages)
        {
            using ZipArchive zip = ZipFile.OpenRead(Nupkg(id));
            XElement metadata = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).Root!.Elements().First();
            string Field(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value ?? "";
            Assert.Equal("MIT", Field("license"));
            Assert.Equal("README.md", Field("readme"));
            Assert.StartsWith("https://", Field("projectUrl"), StringComparison.Ordinal);
            Assert.DoesNotContain("Package Description", Field("description"), StringComparison.Ordinal);
            Assert.NotEqual(id, Field("authors"));
            XElement repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
            Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? "");
            Assert.Contains(zip.Entries, e => e.FullName == "README.md");
            Assert.Contains(zip.Entries, e => e.FullName == "LICENSE");
            Assert.Contains("apt-get install csound", new StreamReader(zip.GetEntry("README.md")!.Open()).ReadToEnd(), StringComparison.Ordinal);
            using ZipArchive symbols = ZipFile.OpenRead(Nupkg(id, "snupkg"));
            Assert.Contains(symbols.Entries, e => e.FullName.EndsWith(".pdb", StringComparison.Ordinal));
            output.WriteLine($"{id}: {new FileInfo(Nupkg(id)).Length / 1024.0:F0} KB, symbols {new FileInfo(Nupkg(id, "snupkg")).Length / 1024.0:F0} KB");
        }
        using ZipArchive tool = ZipFile.OpenRead(Nupkg("csound-bindgen"));
        Assert.Contains(tool.Entries, e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoBuildsFromDifferentFoldersAreByteIdentical()
    {
        using ZipArchive first = ZipFile.OpenRead(Nupkg("CsoundBindings"));
        using ZipArchive second = ZipFile.OpenRead(Path.Combine(packed.SecondFeed, $"CsoundBindings.{packed.Version}.nupkg"));
        ZipArchiveEntry[] dlls = first.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(dlls);
        foreach (ZipArchiveEntry dll in dlls)
        {
            byte[] a = Read(dll), b = Read(second.GetEntry(dll.FullName)!);
            Assert.True(a.AsSpan().SequenceEqual(b), $"{dll.FullName} differs between {packed.FirstClone} and {packed.SecondClone}");
        }
        // SourceLink and mapped paths: the symbols name no build folder, and carry the source link to the repository.
        using ZipArchive symbols = ZipFile.OpenRead(Nupkg("CsoundBindings", "snupkg"));
        byte[] pdb = Read(symbols.Entries.Single(e => e.FullName.EndsWith("CsoundBindings.pdb", StringComparison.Ordinal)));
        using var provider = System.Reflection.Metadata.MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(pdb));
        System.Reflection.Metadata.MetadataReader reader = provider.GetMetadataReader();
        string[] documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToArray();
        Assert.NotEmpty(documents);
        Assert.All(documents, name => Assert.StartsWith("/_/", name, StringComparison.Ordinal));
        var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
        string sourceLink = reader.CustomDebugInformation.Select(reader.GetCustomDebugInformation)
            .Where(c => reader.GetGuid(c.Kind) == sourceLinkKind)
            .Select(c => System.Text.Encoding.UTF8.GetString(reader.GetBlobBytes(c.Value))).Single();
        Assert.Contains("raw.githubusercontent.com/CsoundBindings/CsoundBindings/", sourceLink, StringComparison.Ordinal);
        output.WriteLine($"{documents.Length} source documents under /_/; source link {sourceLink}");
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = new MemoryStream();
        entry.Open().CopyTo(stream);
        return stream.ToArray();
    }

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    public void AConsoleProjectOutsideTheRepositoryRendersTheQuickStart(int engine)
    {
        if (engine == 7 && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CSOUND7_ROOT")))
        {
            output.WriteLine("Csound 7 not available (CSOUND7_ROOT unset): the Csound 6 run stands alone.");
            return;
        }
        string folder = packed.NewConsumerFolder($"console-{engine}");
        Shell.Ok("dotnet", "new console --name Note --output . --no-update-check", folder);
        Shell.Ok("dotnet", $"add package CsoundBindings --version {packed.Version}", folder);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), QuickStart.Code());
        string run = Shell.Ok("dotnet", "run", folder, PackedPackages.Engine(engine));
        output.WriteLine(run[..Math.Min(run.Length, 400)]);
        QuickStart.AssertRendered(Path.Combine(folder, "note.wav"));
        Assert.Contains(engine == 7 ? "Csound version 7" : "Csound version 6", run, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileBasedAppRendersTheQuickStart()
    {
        string folder = packed.NewConsumerFolder("file-based");
        File.WriteAllText(Path.Combine(folder, "note.cs"), $"#:package CsoundBindings@{packed.Version}\n" + QuickStart.Code());
        Shell.Ok("dotnet", "run note.cs", folder, PackedPackages.Engine(6));
        QuickStart.AssertRendered(Path.Combine(folder, "note.wav"));
    }

    [Fact]
    public void TheGeneratorInstallsAsADotnetToolAndChecksTheCommittedBindings()
    {
        string folder = packed.NewConsumerFolder("tool");
        string tools = Path.Combine(folder, "tools");
        Shell.Ok("dotnet", $"tool install csound-bindgen --version {packed.Version} --tool-path \"{tools}\"", folder);
        string bindgen = Path.Combine(tools, "csound-bindgen");
        Assert.Contains("check", Shell.Ok(bindgen, "--help", folder), StringComparison.Ordinal);
        string check = Shell.Ok(bindgen, "check --manifest headers/api6/manifest.json --out bindings/Api6", packed.FirstClone);
        output.WriteLine(check);
    }

    [Fact]
    public void AConsumerProjectWithACsdGetsTypedMembersAndATypoWarning()
    {
        string folder = packed.NewConsumerFolder("typed");
        Shell.Ok("dotnet", "new console --name Typed --output . --no-update-check", folder);
        Shell.Ok("dotnet", $"add package CsoundBindings --version {packed.Version}", folder);
        File.WriteAllText(Path.Combine(folder, "tone.csd"), """
            <CsoundSynthesizer>
            <CsInstruments>
            sr = 44100
            ksmps = 64
            nchnls = 1
            0dbfs = 1
            chn_k "level", 1
            instr Beep
              ifreq = p4
              klevel chnget "level"
              out oscili(klevel, ifreq)
            endin
            </CsInstruments>
            </CsoundSynthesizer>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """
            using CsoundBindings;
            using var tone = Tone.Open("-n");
            tone.Csound.Start();
            tone.Level = 0.5;
            tone.Beep(0, 0.1, freq: 440);
            double peak = 0;
            for (int i = 0; i < 50; i++) { tone.Csound.PerformKsmps(); foreach (double s in tone.Csound.Spout) peak = System.Math.Max(peak, System.Math.Abs(s)); }
            System.Console.WriteLine($"peak {peak:F3}");
            tone.Csound.SetControlChannel("levle", 1);
            [CsoundOrchestra("tone.csd")] partial class Tone;
            """);
        string build = Shell.Ok("dotnet", "build", folder);
        Assert.Contains("warning CSO100", build, StringComparison.Ordinal);
        Assert.Contains("did you mean 'level'", build, StringComparison.Ordinal);
        string run = Shell.Ok("dotnet", "run --no-build", folder, PackedPackages.Engine(6));
        Assert.Contains("peak 0.500", run, StringComparison.Ordinal);
        using ZipArchive zip = ZipFile.OpenRead(Nupkg("CsoundBindings"));
        Assert.Contains(zip.Entries, e => e.FullName == "analyzers/dotnet/cs/CsoundBindings.SourceGenerators.dll");
        Assert.Contains(zip.Entries, e => e.FullName == "analyzers/dotnet/cs/CsoundBindings.SourceGenerators.CodeFixes.dll");
    }
}
