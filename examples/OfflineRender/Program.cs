using System;
using System.IO;
using CsoundBindings;
using Spectre.Console;

// Renders a short piece to a file with a progress bar. Usage: OfflineRender [output.flac|.wav|.aiff]
string path = Path.GetFullPath(args.Length > 0 ? args[0] : "offline render.flac");
RenderFormat format = Path.GetExtension(path).ToUpperInvariant() switch
{
    ".WAV" => new RenderFormat(AudioFileType.Wav, SampleFormat.Pcm16),
    ".AIFF" or ".AIF" => new RenderFormat(AudioFileType.Aiff, SampleFormat.Pcm24),
    _ => new RenderFormat(AudioFileType.Flac, SampleFormat.Pcm24),
};
const string Orchestra = """
    sr = 44100
    ksmps = 32
    nchnls = 2
    0dbfs = 1
    instr 1
      aenv = linsegr:a(0, 0.02, 1, p3 - 0.02, 0.6, 0.3, 0)
      asig = vco2(p4, cpsmidinn(p5), 10) * aenv
      aL, aR pan2 moogladder(asig, 2000, 0.3), p6
      outs aL, aR
    endin
    """;
// A rising arpeggio, notes panned across the field.
var score = new System.Text.StringBuilder();
int[] notes = [57, 60, 64, 67, 69, 72, 76, 79];
for (int i = 0; i < 16; i++)
{
    score.Append(System.Globalization.CultureInfo.InvariantCulture, $"i 1 {i * 0.25} 0.5 0.2 {notes[i % notes.Length]} {i % 8 / 7.0}\n");
}

if (!AnsiConsole.Profile.Capabilities.Interactive)
{
    // No terminal to draw a bar in (a pipe, a CI log): plain lines every 10%.
    int shown = -1;
    var lines = new Progress<RenderProgress>(p =>
    {
        int tenth = (int)((p.Fraction ?? 0) * 10);
        if (tenth > shown)
        {
            shown = tenth;
            Console.WriteLine($"progress: {tenth * 10}%");
        }
    });
    await Csound.RenderToFileAsync(Orchestra, score.ToString(), path, format, lines);
    Console.WriteLine($"Wrote {path} ({new FileInfo(path).Length / 1024} KB)");
    return;
}
await AnsiConsole.Progress()
    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
    .StartAsync(async context =>
    {
        ProgressTask task = context.AddTask($"Rendering {Path.GetFileName(path)}", maxValue: 1);
        var progress = new Progress<RenderProgress>(p => task.Value = p.Fraction ?? 0);
        await Csound.RenderToFileAsync(Orchestra, score.ToString(), path, format, progress);
        task.Value = 1;
    });
AnsiConsole.MarkupLine($"[green]Wrote[/] {Markup.Escape(path)} ({new FileInfo(path).Length / 1024} KB)");
