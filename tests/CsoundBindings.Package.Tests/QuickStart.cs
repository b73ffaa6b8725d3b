using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Package.Tests;

/// <summary>The package readme's quick start, taken from the readme itself, and the audio it renders.</summary>
internal static partial class QuickStart
{
    public static string Code()
    {
        string readme = File.ReadAllText(Path.Combine(Shell.RepositoryRoot(), "docs", "package", "README.md"));
        return CSharpBlock().Match(readme).Groups[1].Value;
    }

    /// <summary>
    /// The note: 1 s of vco2 at MIDI 69 (440 Hz) and 0.2, released over 0.2 s, in a 1.5 s file. Checked on pitch and
    /// level while it sounds, and silence after the release.
    /// </summary>
    public static void AssertRendered(string wav)
    {
        Assert.True(File.Exists(wav), $"{wav} was not written");
        var (samples, rate, channels) = Signal.ReadWav(wav);
        Assert.Equal(1, channels);
        Assert.Equal(44100, rate);
        Assert.InRange(samples.Length, (int)(1.45 * rate), (int)(1.55 * rate));
        double[] sounding = samples[(int)(0.1 * rate)..(int)(0.9 * rate)];
        Assert.InRange(Signal.Pitch(sounding, rate), 440 * 0.99, 440 * 1.01);
        Assert.InRange(Signal.Rms(sounding), 0.05, 0.2); // a sawtooth at 0.2 has an RMS of 0.2 / sqrt(3) = 0.115
        Assert.True(Signal.Peak(samples.AsSpan((int)(1.3 * rate))) < 1e-4, "the tail after the release is not silent");
    }

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
