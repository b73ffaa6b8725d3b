using System;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>
    /// Performs one buffer of <c>-b</c> sample frames (Csound 6): the cycles that fill <see cref="OutputBuffer"/>
    /// once. True when the performance has finished. The same rules as <see cref="PerformKsmps"/> apply.
    /// </summary>
    /// <exception cref="NotSupportedException">The loaded Csound is version 7, which removed buffer-level performance.</exception>
    public bool PerformBuffer()
    {
        if (_api.Generation >= 7)
        {
            _ = _api.PerformBuffer(0); // throws: Csound 7's seam names the replacement, before any state check or start
        }
        return PerformStep(wholeBuffer: true, nameof(PerformBuffer));
    }

    /// <summary>
    /// Csound 6's output buffer: the last <c>-b</c> block of interleaved samples written to the output file or
    /// device, as a view of Csound's memory (valid until the next perform call). Empty before
    /// <see cref="Start"/> and when there is no sound output (<c>-n</c>; Csound 6.18 also allocates none with host
    /// audio, where <see cref="Spout"/> is the output).
    /// </summary>
    /// <exception cref="NotSupportedException">The loaded Csound is version 7.</exception>
    public Span<double> OutputBuffer => _api.SoundBuffer(Ptr, output: true);

    /// <summary>Csound 6's input buffer: the block read from the input file or device (<c>-i</c>); empty when there is no input.</summary>
    /// <exception cref="NotSupportedException">The loaded Csound is version 7.</exception>
    public Span<double> InputBuffer => _api.SoundBuffer(Ptr, output: false);
}
