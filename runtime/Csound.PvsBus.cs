using System;
using System.Collections.Generic;
using CsoundBindings.Native;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>
    /// Copies the current frame of the PVS bus channel <paramref name="name"/> (what the orchestra's <c>pvsout</c>
    /// writes; Csound 6). A channel nothing has written yet gives a frame with <see cref="PvsFrame.FftSize"/> 0.
    /// </summary>
    /// <exception cref="NotSupportedException">The loaded Csound is version 7: use <see cref="OpenPvsChannel"/>, a view of the frame itself.</exception>
    /// <exception cref="CsoundException">Csound refused the channel (a channel of another type has that name).</exception>
    public unsafe PvsFrame GetPvsFrame(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        using var utf8 = new Utf8Text(name);
        fixed (sbyte* p = utf8)
        {
            return _api.ReadPvsFrame(Ptr, p)
                ?? throw new CsoundException($"GetPvsFrame(\"{name}\")", (int)CsoundStatus.Error, "not a PVS channel (another channel type has this name)");
        }
    }

    /// <summary>Copies <paramref name="frame"/> into the PVS bus channel <paramref name="name"/>, where the orchestra's <c>pvsin</c> reads it (Csound 6).</summary>
    /// <exception cref="NotSupportedException">The loaded Csound is version 7: use <see cref="OpenPvsChannel"/>.</exception>
    /// <exception cref="CsoundException">Csound refused the channel.</exception>
    public unsafe void SetPvsFrame(string name, PvsFrame frame)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Bins.Length < frame.FftSize + 2)
        {
            throw new ArgumentException($"The frame holds {frame.Bins.Length} floats; FFT size {frame.FftSize} needs {frame.FftSize + 2}.", nameof(frame));
        }
        using var utf8 = new Utf8Text(name);
        fixed (sbyte* p = utf8)
        {
            int result = _api.WritePvsFrame(Ptr, p, frame);
            if (result != 0)
            {
                throw new CsoundException($"SetPvsFrame(\"{name}\")", result, "not a PVS channel (another channel type has this name)");
            }
        }
    }

    /// <summary>The GENs plug-ins register by name (<c>"tanh"</c>, <c>"padsynth"</c>, ...) and the numbers Csound gave them (Csound 6).</summary>
    /// <exception cref="NotSupportedException">The loaded Csound is version 7, which has no such list.</exception>
    public IReadOnlyDictionary<string, int> GetNamedGens() => _api.NamedGens(Ptr);
}
