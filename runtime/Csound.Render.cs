using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CsoundBindings.Render;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>
    /// Renders an orchestra and score (or a CSD) to a sound file with Csound's own file writer, on a fresh engine, and
    /// returns once the file is complete and closed. The path is one name (spaces are fine); its folder must exist.
    /// </summary>
    /// <param name="orchestraOrCsd">Orchestra code, or a whole CSD (<c>&lt;CsoundSynthesizer&gt;</c> …); a CSD's options apply, except its output.</param>
    /// <param name="score">Score text to read after the orchestra (with a CSD: in addition to its own score), or null.</param>
    /// <param name="path">The file to write (replaced if it exists).</param>
    /// <param name="format">File type and sample format; default 16-bit WAV.</param>
    /// <param name="progress">Told the score time rendered over the score's length, about every 1% (and at the end).</param>
    /// <param name="cancellationToken">Checked every control cycle; on cancellation the partial file is deleted.</param>
    /// <exception cref="CsoundCompileException">The orchestra or CSD did not compile.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; no file is left.</exception>
    public static void RenderToFile(string orchestraOrCsd, string? score, string path, RenderFormat? format = null,
        IProgress<RenderProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orchestraOrCsd);
        ArgumentException.ThrowIfNullOrEmpty(path);
        RenderFormat chosen = format ?? RenderFormat.Wav16;
        chosen.Validate();
        string file = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(file)!;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"RenderToFile: the folder '{folder}' does not exist.");
        }
        cancellationToken.ThrowIfCancellationRequested();
        bool csd = orchestraOrCsd.Contains("<CsoundSynthesizer>", StringComparison.Ordinal);
        bool completed = false;
        try
        {
            using var cs = new Csound();
            cs.Message += static (_, _) => { }; // errors arrive as exceptions with Csound's text
            cs.SetOption("-d");
            if (csd)
            {
                cs.CompileCsdText(orchestraOrCsd);
            }
            else
            {
                cs.CompileOrc(orchestraOrCsd);
            }
            cs.SetOutput(file, chosen.TypeName, chosen.SampleName);
            if (score is not null)
            {
                cs.ReadScore(score);
            }
            double? total = ScoreLength.Of(csd ? ScoreLength.CsdScore(orchestraOrCsd) : null, score);
            cs.Start();
            double step = total is double t ? t / 100 : 1, next = 0;
            while (!cs.PerformKsmps())
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                if (progress is not null && cs.ScoreTime >= next)
                {
                    progress.Report(new RenderProgress(cs.ScoreTime, total));
                    next = cs.ScoreTime + step;
                }
            }
            double end = cs.ScoreTime;
            cancellationToken.ThrowIfCancellationRequested();
            cs.Dispose(); // closes the file: its header is written here
            completed = true;
            // The score ended: complete, even if its last cycle ends a fraction of a cycle before the score's length.
            progress?.Report(new RenderProgress(Math.Max(end, total ?? end), total ?? end));
        }
        finally
        {
            if (!completed && File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>
    /// <see cref="RenderToFile"/> on a thread of its own: the caller's thread is free while Csound renders. The task
    /// completes once the file is complete and closed.
    /// </summary>
    /// <inheritdoc cref="RenderToFile" path="/param"/>
    public static Task RenderToFileAsync(string orchestraOrCsd, string? score, string path, RenderFormat? format = null,
        IProgress<RenderProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orchestraOrCsd);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Task.Factory.StartNew(() => RenderToFile(orchestraOrCsd, score, path, format, progress, cancellationToken),
            cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }
}
