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
}
