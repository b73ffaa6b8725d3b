using System;

namespace CsoundBindings;

/// <summary>
/// A host-owned audio device that Csound uses as its rt-audio module (<see cref="Csound.SetAudioBackend"/>): a
/// plug-in shell, a game engine or an app with its own audio stack. Csound calls it on the performing thread:
/// open when it starts with <c>-odac</c> / <c>-iadc</c>, then once per buffer, then close.
/// </summary>
public interface IAudioBackend
{
    /// <summary>Csound opens playback; return false to refuse (Csound then fails to start).</summary>
    bool OpenPlayback(AudioStreamInfo stream);

    /// <summary>Csound opens recording; return false to refuse (Csound then fails to start).</summary>
    bool OpenRecording(AudioStreamInfo stream);

    /// <summary>One buffer Csound plays: interleaved frames, scaled by the orchestra's 0dbfs.</summary>
    void Play(ReadOnlySpan<double> interleaved);

    /// <summary>Fills one buffer Csound records (interleaved frames); returns how many samples were written.</summary>
    int Record(Span<double> interleaved);

    /// <summary>Csound closes playback and recording.</summary>
    void Close();
}

/// <summary>What Csound asks of a stream it opens.</summary>
/// <param name="DeviceName">The name after <c>dac:</c> / <c>adc:</c>, or null.</param>
/// <param name="DeviceNumber">The number after <c>dac</c> / <c>adc</c> (<c>-odac2</c>), as Csound parses it.</param>
/// <param name="Channels">Interleaved channels.</param>
/// <param name="SampleRate">Frames per second.</param>
/// <param name="BufferFrames">The software buffer in frames (<c>-b</c>).</param>
/// <param name="HardwareBufferFrames">The hardware buffer in frames (<c>-B</c>).</param>
public sealed record AudioStreamInfo(string? DeviceName, int DeviceNumber, int Channels, double SampleRate, int BufferFrames, int HardwareBufferFrames);
