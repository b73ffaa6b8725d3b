using System;

namespace CsoundBindings;

/// <summary>The container of a rendered file.</summary>
public enum AudioFileType
{
    /// <summary>RIFF WAVE.</summary>
    Wav,

    /// <summary>AIFF.</summary>
    Aiff,

    /// <summary>FLAC (lossless; 16 or 24-bit integer samples only).</summary>
    Flac,
}

/// <summary>How each sample is stored.</summary>
public enum SampleFormat
{
    /// <summary>16-bit integer PCM.</summary>
    Pcm16,

    /// <summary>24-bit integer PCM.</summary>
    Pcm24,

    /// <summary>32-bit integer PCM.</summary>
    Pcm32,

    /// <summary>32-bit IEEE float.</summary>
    FloatingPoint32,
}

/// <summary>A file type and a sample format, as Csound's own file writer takes them (<c>--format=type:format</c>).</summary>
/// <param name="FileType">The container.</param>
/// <param name="Samples">The sample format.</param>
public readonly record struct RenderFormat(AudioFileType FileType, SampleFormat Samples)
{
    /// <summary>16-bit WAV (the default).</summary>
    public static RenderFormat Wav16 => new(AudioFileType.Wav, SampleFormat.Pcm16);

    /// <summary>Csound's name of the file type.</summary>
    internal string TypeName => FileType switch
    {
        AudioFileType.Wav => "wav",
        AudioFileType.Aiff => "aiff",
        AudioFileType.Flac => "flac",
        _ => throw new ArgumentOutOfRangeException(nameof(FileType), FileType, "not a file type"),
    };

    /// <summary>Csound's name of the sample format.</summary>
    internal string SampleName => Samples switch
    {
        SampleFormat.Pcm16 => "short",
        SampleFormat.Pcm24 => "24bit",
        SampleFormat.Pcm32 => "long",
        SampleFormat.FloatingPoint32 => "float",
        _ => throw new ArgumentOutOfRangeException(nameof(Samples), Samples, "not a sample format"),
    };

    /// <summary>Throws for a pair the file writer cannot write.</summary>
    internal void Validate()
    {
        _ = TypeName;
        _ = SampleName;
        if (FileType == AudioFileType.Flac && Samples is SampleFormat.Pcm32 or SampleFormat.FloatingPoint32)
        {
            throw new ArgumentException($"FLAC stores 16 or 24-bit integer samples, not {Samples}.", nameof(Samples));
        }
    }
}

/// <summary>How far a render is.</summary>
/// <param name="Seconds">Score time rendered so far.</param>
/// <param name="TotalSeconds">The score's length as read from its events (null when the score gives none, e.g. events the orchestra schedules).</param>
public readonly record struct RenderProgress(double Seconds, double? TotalSeconds)
{
    /// <summary>Between 0 and 1, or null when the length is not known.</summary>
    public double? Fraction => TotalSeconds is > 0 and double total ? Math.Min(1, Seconds / total) : null;
}
