using System;
using System.Collections.Concurrent;
using System.Threading;

namespace CsoundBindings.Threading;

/// <summary>
/// Records a performance thread's output. The audio thread copies each finished cycle into a block taken from a
/// pool (no allocation while the writer keeps up); a writer thread turns the blocks into a WAV file. Csound's own
/// recorder in the performance thread was not used: its stop request can deadlock (it joins its writer thread
/// from the audio thread while the writer waits for that thread's signal) and it drops buffers on overrun.
/// </summary>
internal sealed class Recorder : IDisposable
{
    private readonly ConcurrentQueue<double[]> _free = new();
    private readonly BlockingCollection<double[]> _full;
    private readonly Thread _writerThread;
    private readonly WavFileWriter _wav;
    private readonly int _blockLength;
    private long _lastTime = -1;

    public Recorder(string path, int bits, int buffers, Csound csound)
    {
        _blockLength = csound.Ksmps * csound.Nchnls;
        ZeroDbFs = csound.ZeroDbFs;
        // Enough blocks for `buffers` software buffers, and never fewer than a quarter second.
        int blocks = Math.Max(Math.Max(1, buffers) * 64, (int)(csound.Kr / 4));
        for (int i = 0; i < blocks; i++)
        {
            _free.Enqueue(new double[_blockLength]);
        }
        _full = new BlockingCollection<double[]>(new ConcurrentQueue<double[]>());
        _wav = new WavFileWriter(path, (int)csound.Sr, csound.Nchnls, bits);
        _writerThread = new Thread(WriteLoop) { IsBackground = true, Name = "CsoundBindings recorder" };
        _writerThread.Start();
    }

    private double ZeroDbFs { get; }

    /// <summary>On the audio thread: keeps the last cycle's output if the clock moved since the last call.</summary>
    public void Capture(Csound csound)
    {
        long now = csound.CurrentTimeSamples;
        if (now == _lastTime || now == 0)
        {
            _lastTime = now;
            return;
        }
        _lastTime = now;
        // Only when the writer falls behind (a run faster than real time) does the pool grow.
        double[] block = _free.TryDequeue(out double[]? pooled) ? pooled : new double[_blockLength];
        ReadOnlySpan<double> spout = csound.Spout;
        int n = Math.Min(block.Length, spout.Length);
        for (int i = 0; i < n; i++)
        {
            block[i] = spout[i] / ZeroDbFs;
        }
        _full.Add(block);
    }

    private void WriteLoop()
    {
        foreach (double[] block in _full.GetConsumingEnumerable())
        {
            _wav.Write(block.AsSpan(0, _blockLength));
            _free.Enqueue(block);
        }
    }

    /// <summary>Finishes the file (writes everything captured, then the header sizes).</summary>
    public void Dispose()
    {
        _full.CompleteAdding();
        _writerThread.Join();
        _wav.Dispose();
        _full.Dispose();
    }
}
