using System;
using System.Linq;
using System.Threading;
using FirstSteps;

// The First Steps guide, cell by cell. Usage: FirstSteps [--cell 1|2|3|4|perform|50|52|raw] [--output dac|<file.wav>] [--seconds N]
string? Arg(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

string cell = Arg("--cell") ?? "all";
if (cell == "raw")
{
    Guide.RawFirst(Console.Out);
    return 0;
}
double seconds = double.Parse(Arg("--seconds") ?? "6", System.Globalization.CultureInfo.InvariantCulture);
var written = new System.Collections.Generic.List<string>();
AudioTarget Target(string name)
{
    AudioTarget target = Arg("--output") switch
    {
        null => AudioTarget.Choose(name),
        "dac" => AudioTarget.Dac,
        string path => AudioTarget.ToFile(System.IO.Path.GetFullPath(args.Contains("--cell") ? path : $"{System.IO.Path.GetFileNameWithoutExtension(path)}-{name}.wav")),
    };
    if (target.File is { } file)
    {
        written.Add(file);
    }
    return target;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var guide = new Guide(Console.Out);
void Heading(string text) => Console.WriteLine($"\n==== {text} ====");
bool All = cell == "all";

if (All || cell is "1" or "2" or "3" or "4")
{
    Heading("[1] library version");
    guide.Cell1();
    if (cell != "1")
    {
        Heading("[2] Csound instance");
        guide.Cell2();
        if (cell != "2")
        {
            Heading("[3] version and opcodes");
            guide.Cell3();
            Heading("[4] dispose");
            guide.Cell4();
        }
    }
}
if (All || cell == "perform")
{
    Heading("[2'-5'] performing an orchestra");
    guide.PerformOrchestra(Target("perform"));
}
if (All || cell == "50")
{
    Heading("[50] scheduling by wall clock");
    guide.ScheduleLoop(Target("cell50"), csoundClock: false, seconds, cancel.Token);
}
if (All || cell == "52")
{
    Heading("[52] scheduling by Csound's clock");
    guide.ScheduleLoop(Target("cell52"), csoundClock: true, seconds, cancel.Token);
}
foreach (string wav in written)
{
    if (System.IO.File.Exists(wav))
    {
        var (waveform, spectrogram) = Pictures.Write(wav);
        Console.WriteLine($"pictures: {waveform}, {spectrogram}");
    }
}
return 0;
