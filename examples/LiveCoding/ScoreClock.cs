using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using CsoundBindings;

namespace LiveCoding;

/// <summary>
/// Runs on the performance thread before every control cycle: holds the performance back to the wall clock (at
/// <c>speed</c> times real time; 0 leaves pacing to the audio device) and tells the host when score time reaches a cue.
/// </summary>
internal sealed class ScoreClock(double speed)
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly List<(double Time, TaskCompletionSource Reached)> _cues = [];

    /// <summary>Completes once the performance has reached <paramref name="scoreTime"/> seconds.</summary>
    public Task At(double scoreTime)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_cues)
        {
            _cues.Add((scoreTime, reached));
        }
        return reached.Task;
    }

    /// <summary>The performance thread's process callback.</summary>
    public void OnCycle(Csound cs)
    {
        double now = cs.ScoreTime;
        lock (_cues)
        {
            _cues.RemoveAll(cue =>
            {
                if (cue.Time > now)
                {
                    return false;
                }
                cue.Reached.TrySetResult();
                return true;
            });
        }
        if (speed > 0)
        {
            double ahead = now / speed - _wall.Elapsed.TotalSeconds;
            if (ahead > 0.002)
            {
                Thread.Sleep(TimeSpan.FromSeconds(ahead));
            }
        }
    }
}
