using System;
using System.Linq;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

/// <summary>Array and PVS channels: Csound 7 features, reported as unsupported on Csound 6.</summary>
public sealed class DataChannelTests
{
    [Fact]
    public void AnArrayChannelIsSharedWithTheOrchestra()
    {
        if (!TestEngine.IsApi7)
        {
            using var cs = new Csound();
            Assert.Contains("Csound 7", Assert.Throws<NotSupportedException>(() => cs.OpenArrayChannel("arr", "k", 4)).Message, StringComparison.Ordinal);
            return;
        }
        using var r = new OfflineRender("sr=44100\nksmps=32\nnchnls=1\n0dbfs=1\ninstr 1\n kArr[] chnget \"arr\"\n chnset kArr[2], \"third\"\nendin\n");
        ArrayChannel array = r.Csound.OpenArrayChannel("arr", "k", 4);
        Assert.Equal("k", array.ElementType);
        Span<double> data = array.AsSpan();
        Assert.True(data.Length >= 4);
        for (int i = 0; i < 4; i++)
        {
            data[i] = i + 1;
        }
        r.Csound.ScoreEvent('i', 1, 0, 0.1);
        r.Run(maxCycles: 3);
        Assert.Equal(3, r.Csound.GetControlChannel("third"));
    }

    [Fact]
    public void APvsFrameWrittenFromCSharpIsResynthesisedByTheOrchestra()
    {
        if (!TestEngine.IsApi7)
        {
            using var cs = new Csound();
            Assert.Throws<NotSupportedException>(() => cs.OpenPvsChannel("spec"));
            return;
        }
        // pvsout corrupts the heap in Csound 7.0 at this commit, so the test goes host -> pvsin -> pvsynth.
        using var r = new OfflineRender("sr=44100\nksmps=64\nnchnls=1\n0dbfs=1\ninstr 1\n fsig pvsin \"spec\", 1024, 256, 1024, 1\n a1 pvsynth fsig\n out a1\nendin\n");
        Assert.Throws<InvalidOperationException>(() => r.Csound.OpenPvsChannel("spec"));
        r.Csound.Start();
        PvsChannel pvs = r.Csound.OpenPvsChannel("spec", 1024, 256, 1024, PvsWindow.Hann);
        Assert.Equal((1024, 256, 1024), (pvs.FftSize, pvs.Overlap, pvs.WindowSize));
        r.Csound.ScoreEvent('i', 1, 0, 1);
        r.Run(maxCycles: 300, beforeCycle: (_, _) =>
        {
            Span<float> frame = pvs.Frame;
            Assert.Equal(1026, frame.Length);
            for (int bin = 0; bin < 513; bin++)
            {
                frame[bin * 2] = bin == 23 ? 0.3f : 0f;
                frame[bin * 2 + 1] = bin == 23 ? 1000f : bin * 44100f / 1024;
            }
        });
        double[] audio = r.Audio;
        Assert.True(Signal.Rms(audio.AsSpan(8000)) > 0.05);
        Assert.InRange(Signal.Pitch(audio.AsSpan(8000, 8000), 44100, 500, 2000), 990, 1010);
    }

    [Fact]
    public void StringArrayElementsAreReadAndWrittenOnBothSides()
    {
        if (!TestEngine.IsApi7)
        {
            using var cs = new Csound();
            Assert.Throws<NotSupportedException>(() => cs.OpenArrayChannel("names", "S", 3));
            return;
        }
        // Csound 7.0 crashes when chnget reads a string array (replayed in C): refused before it parses, engine usable.
        using var r = new OfflineRender("sr=44100\nksmps=32\nnchnls=1\n0dbfs=1\ninstr 2\n Snames[] init 3\n Snames[0] = \"from the orchestra\"\n Snames[2] = \"third\"\n chnset Snames, \"names\"\nendin\n");
        ArrayChannel names = r.Csound.OpenArrayChannel("names", "S", 3);
        Assert.Equal("S", names.ElementType);
        names.SetString(0, "zero");
        names.SetString(1, "héllo wörld, a longer string than the first");
        Assert.Equal("zero", names.GetString(0));
        Assert.Equal("héllo wörld, a longer string than the first", names.GetString(1));
        Assert.Throws<InvalidOperationException>(() => names.AsSpan());
        // Csound 7.0 allocates the square of a one-dimensional size (3 -> 9) and reports it: the bound is what it reports.
        int count = names.Sizes.Aggregate(1, (a, b) => a * b);
        Assert.True(count >= 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => names.GetString(count));
        Assert.Throws<ArgumentOutOfRangeException>(() => names.GetString(-1));
        Assert.Contains("string array", Assert.Throws<NotSupportedException>(() => r.Csound.CompileOrc("instr 1\n Snames[] chnget \"names\"\nendin\n")).Message, StringComparison.Ordinal);
        r.Csound.ScoreEvent('i', 2, 0, 0.01);
        r.Run(maxCycles: 3);
        Assert.Equal("from the orchestra", names.GetString(0));
        Assert.Equal("third", names.GetString(2));
        ArrayChannel numbers = r.Csound.OpenArrayChannel("numbers", "k", 2);
        Assert.Throws<InvalidOperationException>(() => numbers.GetString(0));
    }
}
