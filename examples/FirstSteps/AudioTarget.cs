using System;
using System.IO;

namespace FirstSteps;

/// <summary>Where the guide's realtime cells send sound: the dac when the machine has one, else a WAV file.</summary>
public sealed record AudioTarget(string Option, string Description, bool NeedsPacing = false, string? File = null)
{
    /// <summary>Realtime output through Csound's default rt-audio module (the device paces the loop).</summary>
    public static AudioTarget Dac { get; } = new("-odac", "the dac");

    /// <summary>A WAV file instead of the dac; a loop timed by the wall clock paces itself to real time.</summary>
    public static AudioTarget ToFile(string path) => new($"-o{path}", $"the file {path}", NeedsPacing: true, path);

    /// <summary>
    /// The dac when ALSA lists a sound card or a PulseAudio server is reachable; otherwise a WAV file named after
    /// <paramref name="name"/> in the current folder.
    /// </summary>
    public static AudioTarget Choose(string name)
    {
        if (HasAlsaCard() || HasPulseServer())
        {
            return Dac;
        }
        return ToFile(Path.GetFullPath($"{name}.wav"));
    }

    private static bool HasAlsaCard() =>
        System.IO.File.Exists("/proc/asound/cards")
        && !System.IO.File.ReadAllText("/proc/asound/cards").Contains("no soundcards", StringComparison.Ordinal);

    private static bool HasPulseServer() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PULSE_SERVER"))
        || (Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } run && System.IO.File.Exists(Path.Combine(run, "pulse", "native")));
}
