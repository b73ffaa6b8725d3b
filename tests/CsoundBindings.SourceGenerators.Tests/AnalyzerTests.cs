using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CsoundBindings.SourceGenerators.Tests;

/// <summary>A channel or instrument name in a string literal that no orchestra of the project has is a build warning.</summary>
public sealed class AnalyzerTests
{
    private static readonly AdditionalText Synth = new InMemoryText("/project/synth.csd", GeneratorHarness.Snapshot("synth.csd"));

    private static Diagnostic[] Analyze(string body, params AdditionalText[] files) =>
        GeneratorHarness.Analyze("using CsoundBindings;\npublic static class Host\n{\n    public static void Run(Csound cs)\n    {\n" + body + "\n    }\n}\n", files.Length == 0 ? new[] { Synth } : files).ToArray();

    [Fact]
    public void ATypoInAChannelNameIsCso100WithTheClosestName()
    {
        Diagnostic d = Assert.Single(Analyze("        cs.SetControlChannel(\"cutof\", 1000);"));
        Assert.Equal("CSO100", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("'cutof'", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Contains("did you mean 'cutoff'", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Equal("cutoff", d.Properties[ChannelNameAnalyzer.SuggestionKey]);
        Assert.Equal(6, d.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void EveryChannelCallAndTheIndexerAreChecked()
    {
        Diagnostic[] found = Analyze("""
                    cs["volum"] = 0.5;
                    double x = cs["level"] + cs.GetControlChannel("levle");
                    cs.SetStringChannel("titel", "a");
                    _ = cs.GetStringChannel("title");
                    _ = cs.OpenAudioChannel("sned");
                    cs.SetControlChannel("cutoff", 100);
            """);
        Assert.Equal(["levle", "sned", "titel", "volum"], found.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split('\'')[1]).OrderBy(s => s, System.StringComparer.Ordinal));
        Assert.All(found, d => Assert.Equal("CSO100", d.Id));
    }

    [Fact]
    public void AnUnknownInstrumentNameIsCso101()
    {
        Diagnostic d = Assert.Single(Analyze("        _ = cs.InstrumentNumber(\"Voise\");\n        _ = cs.InstrumentNumber(\"Drone\");"));
        Assert.Equal("CSO101", d.Id);
        Assert.Contains("did you mean 'Voice'", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void NamesComputedAtRunTimeAndProjectsWithoutOrchestrasAreLeftAlone()
    {
        Assert.Empty(Analyze("        string n = \"x\" + 1;\n        cs.SetControlChannel(n, 1);"));
        Assert.Empty(GeneratorHarness.Analyze("using CsoundBindings;\npublic static class Host { public static void Run(Csound cs) => cs.SetControlChannel(\"anything\", 1); }\n"));
    }
}
