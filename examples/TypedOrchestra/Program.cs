using System;
using System.IO;
using CsoundBindings;
using TypedOrchestra;

// Plays a three-note phrase over a pad through the typed members of synth.csd, to a WAV file.
// Usage: TypedOrchestra [output.wav]
string path = Path.GetFullPath(args.Length > 0 ? args[0] : "typed orchestra.wav");
using Synth synth = Synth.Open();
synth.Csound.SetOutput(path, "wav");
synth.Csound.Start();

synth.Volume = 0.8;          // chn_k "volume": IntelliSense shows its range, 0 to 1
synth.Cutoff = 6000;         // chn_k "cutoff"
synth.Pad(0, 1.6);           // pset defaults: amp 0.05, freq 110
double[] melody = [220, 330, 440];
for (int i = 0; i < melody.Length; i++)
{
    synth.Voice(start: i * 0.5, duration: 0.45, amp: 0.3, freq: melody[i]);
}
synth.Csound.SetEndMarker(1.6);

double loudest = 0;
while (!synth.Csound.PerformKsmps())
{
    loudest = Math.Max(loudest, synth.Meter); // chn_k "meter" is output only: a read-only property
}
synth.Csound.Cleanup();
Console.WriteLine($"Loudest meter reading {loudest:F3}");
Console.WriteLine($"Wrote {path}");

namespace TypedOrchestra
{
    /// <summary>synth.csd as a class: the source generator adds Volume, Cutoff, Meter, Voice(...) and Pad(...).</summary>
    [CsoundOrchestra("synth.csd")]
    internal sealed partial class Synth;
}
