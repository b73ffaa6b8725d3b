using System;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>Sample rate.</summary>
    public double Sr => _api.Sr(Ptr);

    /// <summary>Control rate.</summary>
    public double Kr => _api.Kr(Ptr);

    /// <summary>Samples per control cycle.</summary>
    public int Ksmps => _api.Ksmps(Ptr);

    /// <summary>Output channels.</summary>
    public int Nchnls => _api.Nchnls(Ptr);

    /// <summary>Input channels.</summary>
    public int NchnlsInput => _api.NchnlsInput(Ptr);

    /// <summary>The amplitude of 0 dB full scale.</summary>
    public double ZeroDbFs => _api.ZeroDbFs(Ptr);

    /// <summary>Tuning of A4 in Hz.</summary>
    public double A4 => _api.A4(Ptr);

    /// <summary>Performance time in sample frames.</summary>
    public long CurrentTimeSamples => _api.CurrentTimeSamples(Ptr);

    /// <summary>Score time in seconds.</summary>
    public double ScoreTime => _api.ScoreTime(Ptr);

    /// <summary>
    /// The output samples of the current cycle, interleaved (<c>frame * Nchnls + channel</c>), as a view of
    /// Csound's own buffer: no copy, valid until the engine is reset or disposed. Empty before start.
    /// </summary>
    public unsafe Span<double> Spout
    {
        get
        {
            nint cs = Ptr;
            double* p = _api.Spout(cs);
            if (p == null)
            {
                return Span<double>.Empty;
            }
            // ksmps and nchnls are fixed once the engine runs; ask Csound only before that.
            int length = _state.IsStarted ? _state.SpoutLength : 0;
            if (length == 0)
            {
                length = _api.Ksmps(cs) * _api.Nchnls(cs);
                _state.SpoutLength = _state.IsStarted ? length : 0;
            }
            return new Span<double>(p, length);
        }
    }

    /// <summary>The input samples of the current cycle (<c>frame * NchnlsInput + channel</c>), a writable view of Csound's buffer.</summary>
    public unsafe Span<double> Spin
    {
        get
        {
            nint cs = Ptr;
            double* p = _api.Spin(cs);
            return p == null ? Span<double>.Empty : new Span<double>(p, _api.Ksmps(cs) * _api.NchnlsInput(cs));
        }
    }
}
