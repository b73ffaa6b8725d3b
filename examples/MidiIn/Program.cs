using System;
using System.Collections.Concurrent;
using System.IO;
using CsoundBindings;

// MIDI in from the host: the program plays a melody as MIDI bytes through Csound's external MIDI input, and
// Csound's MIDI-triggered instrument renders it to a WAV file. A real host would feed bytes from its own MIDI
// stack (a device, a sequencer, the network) the same way. Usage: MidiIn [out.wav]
string path = Path.GetFullPath(args.Length > 0 ? args[0] : "midi in.wav");
var pending = new ConcurrentQueue<byte[]>();
using var cs = new Csound();
cs.Message += (_, _) => { };
cs.SetOutput(path, "wav", "short");
cs.SetOption("-+rtmidi=null -M0"); // MIDI input on, from the host's reader below
cs.SetExternalMidiInput(buffer =>
{
    int written = 0;
    while (pending.TryPeek(out byte[]? message) && written + message.Length <= buffer.Length)
    {
        pending.TryDequeue(out _);
        message.CopyTo(buffer[written..]);
        written += message.Length;
    }
    return written;
});
cs.CompileOrc("""
    sr = 44100
    ksmps = 32
    nchnls = 1
    0dbfs = 1
    massign 0, 1
    instr 1
      inote notnum
      ivel veloc 0, 0.3
      out vco2(ivel, cpsmidinn(inote), 12) * madsr(0.01, 0.1, 0.7, 0.1)
    endin
    """);
cs.SetEndMarker(2.2);
cs.Start();
int[] melody = [69, 72, 76, 81];
int next = 0;
while (!cs.PerformKsmps())
{
    double t = cs.ScoreTime;
    if (next < melody.Length * 2 && t >= next * 0.25)
    {
        int note = melody[next / 2];
        pending.Enqueue(next % 2 == 0 ? [0x90, (byte)note, 100] : [0x80, (byte)note, 0]);
        next++;
    }
}
Console.WriteLine($"Wrote {path}");
