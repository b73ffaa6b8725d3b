using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using CsoundBindings;
using LiveCoding;

// Live coding through the performance thread: a loop plays while the host redefines an instrument, makes a typing
// mistake (Csound's error comes back, the music does not stop) and changes a global with EvalCode.
// Usage: LiveCoding [out.wav] [--dac] [--speed N]
// Without --dac the performance goes to a WAV file and is paced to the wall clock, as a sound card would pace it;
// --speed 4 runs the same session four times faster.
string path = Path.GetFullPath("live.wav");
bool dac = false;
double speed = 1;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--dac":
            dac = true;
            break;
        case "--speed" when i + 1 < args.Length:
            speed = double.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        default:
            path = Path.GetFullPath(args[i]);
            break;
    }
}

using var cs = new Csound();
cs.Message += (_, _) => { };
if (dac)
{
    cs.SetOption("-odac");
}
else
{
    cs.SetOutput(path, "wav", "short");
}
cs.CompileOrc(Session.Start);
cs.Start();
await using var thread = new PerformanceThread(cs);
var clock = new ScoreClock(dac ? 0 : speed);
thread.ProcessCallback = clock.OnCycle;
thread.Play();
Console.WriteLine(dac ? "playing on the dac" : $"playing into {path}, paced at {speed}x real time");

await clock.At(2.0);
// Compiled between two cycles on the performance thread, and the score time read in the same step: the notes the
// loop scheduled before it keep the old Voice, every one after it has the new one.
double redefined = await thread.InvokeAsync(c =>
{
    c.CompileOrc(Session.Fifth);
    return c.ScoreTime;
});
Say(redefined, "instr Voice redefined: a fifth up");

await clock.At(3.0);
double mistaken = await thread.InvokeAsync(c => c.ScoreTime);
try
{
    await thread.CompileOrcAsync(Session.Typo);
}
catch (CsoundCompileException e)
{
    Say(mistaken, $"typo refused, the loop plays on: {e.Message.Split('\n')[0]}");
}

await clock.At(4.0);
double root = await thread.EvalCodeAsync(Session.NewRoot);
Say(await thread.InvokeAsync(c => c.ScoreTime), string.Create(CultureInfo.InvariantCulture, $"EvalCode set the root to {root} Hz"));

await clock.At(6.0);
thread.Stop();
await thread.JoinAsync();
Console.WriteLine(dac ? "stopped" : $"Wrote {path}");

static void Say(double scoreTime, string what) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"at {scoreTime:F3} s: {what}"));
