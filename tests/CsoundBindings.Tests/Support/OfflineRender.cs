using System;
using System.Collections.Generic;
using System.Text;

namespace CsoundBindings.Tests.Support;

/// <summary>Runs an engine without audio output (-n) and keeps every cycle's Spout and every message.</summary>
internal sealed class OfflineRender : IDisposable
{
    private readonly List<double> _audio = new();
    private readonly StringBuilder _messages = new();

    public OfflineRender(string orchestra, params string[] options)
    {
        Csound = new Csound();
        Csound.Message += (_, e) =>
        {
            lock (_messages)
            {
                _messages.Append(e.Text);
            }
        };
        Csound.SetOption("-n");
        Csound.SetOption("-d");
        foreach (string option in options)
        {
            Csound.SetOption(option);
        }
        Csound.CompileOrc(orchestra);
    }

    public Csound Csound { get; }

    public int Cycles { get; private set; }

    /// <summary>Interleaved output of every cycle so far.</summary>
    public double[] Audio => _audio.ToArray();

    public string Messages
    {
        get
        {
            lock (_messages)
            {
                return _messages.ToString();
            }
        }
    }

    /// <summary>Performs until the score ends (or <paramref name="maxCycles"/>), keeping Spout after each cycle.</summary>
    public OfflineRender Run(int maxCycles = 1_000_000, Action<Csound, int>? beforeCycle = null)
    {
        while (Cycles < maxCycles)
        {
            beforeCycle?.Invoke(Csound, Cycles);
            bool finished = Csound.PerformKsmps();
            if (finished)
            {
                break;
            }
            Cycles++;
            foreach (double s in Csound.Spout)
            {
                _audio.Add(s);
            }
        }
        return this;
    }

    public void Dispose() => Csound.Dispose();
}
