using System;
using System.IO;
using CsoundBindings;

// The host owns the audio: it writes samples into Spin, Csound filters them, the host reads Spout and keeps them.
// Here the "device" is a 440 Hz sine generated in C#, and the result goes to a WAV file. Usage: HostAudio [out.wav]
string path = Path.GetFullPath(args.Length > 0 ? args[0] : "host audio.wav");
using var cs = new Csound();
cs.Message += (_, _) => { };
cs.SetHostAudioIO();
cs.SetOption("-n");
cs.CompileOrc("""
    sr = 48000
    ksmps = 64
    nchnls = 1
    nchnls_i = 1
    0dbfs = 1
    instr 1
      out in() * 0.5   ; half the level of whatever the host feeds in (on Csound 7, inch does not read Spin; in does)
    endin
    """);
cs.ScoreEvent('i', 1, 0, 1);
cs.SetEndMarker(1);
cs.Start();
var recorded = new System.Collections.Generic.List<double>();
long frame = 0;
do
{
    Span<double> spin = cs.Spin;
    for (int i = 0; i < spin.Length; i++, frame++)
    {
        spin[i] = Math.Sin(2 * Math.PI * 440 * frame / 48000.0);
    }
    if (cs.PerformKsmps())
    {
        break;
    }
    foreach (double sample in cs.Spout)
    {
        recorded.Add(sample);
    }
}
while (true);
WriteWav(path, recorded, 48000);
Console.WriteLine($"Wrote {path}: {recorded.Count} samples processed by the host loop");

static void WriteWav(string path, System.Collections.Generic.List<double> samples, int rate)
{
    using var writer = new BinaryWriter(File.Create(path));
    writer.Write("RIFF"u8);
    writer.Write(36 + samples.Count * 2);
    writer.Write("WAVEfmt "u8);
    writer.Write(16);
    writer.Write((short)1);
    writer.Write((short)1);
    writer.Write(rate);
    writer.Write(rate * 2);
    writer.Write((short)2);
    writer.Write((short)16);
    writer.Write("data"u8);
    writer.Write(samples.Count * 2);
    foreach (double s in samples)
    {
        writer.Write((short)Math.Round(Math.Clamp(s, -1, 1) * 32767));
    }
}
