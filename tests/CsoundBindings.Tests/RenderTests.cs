using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

/// <summary>The one-call render: every format Csound's writer offers, progress, cancellation, a CSD, paths with spaces.</summary>
public sealed class RenderTests : IDisposable
{
    private const string Sine = "sr=44100\nksmps=64\nnchnls=1\n0dbfs=1\ninstr 1\n out oscili(0.5, 440)\nendin\n";
    private readonly string _folder = Directory.CreateTempSubdirectory("csoundbindings render ").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Reports on the rendering thread itself (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Direct(Action<RenderProgress> report) : IProgress<RenderProgress>
    {
        public void Report(RenderProgress value) => report(value);
    }

    /// <summary>What Csound's own sndinfo utility reads from the file.</summary>
    private static string SndInfo(string path)
    {
        var start = new ProcessStartInfo("sndinfo", $"\"{path}\"") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["CSOUND7_ROOT"] = "";
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    public static TheoryData<AudioFileType, SampleFormat, string, string> Formats => new()
    {
        { AudioFileType.Wav, SampleFormat.Pcm16, "wav", "16 bit WAV" },
        { AudioFileType.Wav, SampleFormat.Pcm24, "wav", "24 bit WAV" },
        { AudioFileType.Wav, SampleFormat.FloatingPoint32, "wav", "32 bit WAV" }, // sndinfo does not say float; the samples below do
        { AudioFileType.Aiff, SampleFormat.Pcm16, "aiff", "16 bit AIFF" },
        { AudioFileType.Aiff, SampleFormat.Pcm32, "aiff", "32 bit AIFF" },
        { AudioFileType.Flac, SampleFormat.Pcm16, "flac", "16 bit FLAC" },
        { AudioFileType.Flac, SampleFormat.Pcm24, "flac", "24 bit FLAC" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task RendersACompleteFileWithProgress(AudioFileType type, SampleFormat samples, string extension, string described)
    {
        string path = Path.Combine(_folder, $"a render with spaces.{extension}");
        var reports = new List<RenderProgress>();
        await Csound.RenderToFileAsync(Sine, "i 1 0 1\n", path, new RenderFormat(type, samples), new Direct(reports.Add));
        string info = SndInfo(path);
        Assert.Contains("srate 44100, monaural, " + described + ", 1.000 seconds", info, StringComparison.Ordinal);
        Assert.InRange(reports.Count, 50, 200);
        for (int i = 1; i < reports.Count; i++)
        {
            Assert.True(reports[i].Fraction >= reports[i - 1].Fraction, "progress went back");
        }
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.Equal(1.0, reports[^1].TotalSeconds);
        if (type == AudioFileType.Wav && samples is SampleFormat.Pcm16 or SampleFormat.FloatingPoint32)
        {
            var (audio, rate, _) = Signal.ReadWav(path);
            Assert.InRange(Signal.Pitch(audio, rate), 440 * 0.99, 440 * 1.01);
            Assert.InRange(Signal.Rms(audio), 0.5 / Math.Sqrt(2) * 0.98, 0.5 / Math.Sqrt(2) * 1.02);
        }
    }

    [Fact]
    public void CancellingStopsWithinACycleAndLeavesNoFile()
    {
        string path = Path.Combine(_folder, "long.wav");
        using var cancel = new CancellationTokenSource();
        double cancelledAt = -1;
        int afterCancel = 0;
        var progress = new Direct(p =>
        {
            if (cancel.IsCancellationRequested)
            {
                afterCancel++;
            }
            else if (p.Fraction >= 0.05)
            {
                cancelledAt = p.Seconds;
                cancel.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => Csound.RenderToFile(Sine, "i 1 0 600\n", path, null, progress, cancel.Token));
        Assert.InRange(cancelledAt, 30, 31); // 5% of 600 s, so the engine really rendered up to there
        Assert.Equal(0, afterCancel);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void ACsdRendersWithItsOwnScoreAndOptionsButToTheGivenFile()
    {
        string csd = "<CsoundSynthesizer>\n<CsOptions>\n-odac -m0\n</CsOptions>\n<CsInstruments>\n" + Sine +
            "</CsInstruments>\n<CsScore>\ni 1 0 0.5\n</CsScore>\n</CsoundSynthesizer>\n";
        string path = Path.Combine(_folder, "from a csd.wav");
        Csound.RenderToFile(csd, null, path);
        Assert.Matches(@"srate 44100, monaural, 16 bit WAV, 0\.50\d seconds", SndInfo(path)); // the last cycle rounds up
        var (audio, rate, _) = Signal.ReadWav(path);
        Assert.InRange(Signal.Pitch(audio, rate), 440 * 0.99, 440 * 1.01);
    }

    [Fact]
    public void BadArgumentsAreTypedErrorsBeforeAnythingRenders()
    {
        Assert.Throws<ArgumentException>(() => Csound.RenderToFile(Sine, null, Path.Combine(_folder, "x.flac"), new RenderFormat(AudioFileType.Flac, SampleFormat.FloatingPoint32)));
        Assert.Throws<DirectoryNotFoundException>(() => Csound.RenderToFile(Sine, null, Path.Combine(_folder, "missing folder", "x.wav")));
        Assert.Throws<CsoundCompileException>(() => Csound.RenderToFile("instr 1\n nonsense\nendin\n", null, Path.Combine(_folder, "bad.wav")));
        Assert.False(File.Exists(Path.Combine(_folder, "bad.wav")));
    }
}
