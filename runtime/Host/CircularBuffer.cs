using System;
using CsoundBindings.Engine;

namespace CsoundBindings;

/// <summary>
/// Csound's lock-free single-producer/single-consumer ring buffer of doubles, for moving audio between a
/// realtime callback and another thread. Create it with <see cref="Csound.CreateCircularBuffer"/>.
/// </summary>
public sealed unsafe class CircularBuffer : IDisposable
{
    private readonly CsoundApi _api;
    private readonly Csound _owner;
    private nint _buffer;

    internal CircularBuffer(Csound owner, CsoundApi api, nint buffer, int capacity)
    {
        _owner = owner;
        _api = api;
        _buffer = buffer;
        Capacity = capacity;
    }

    /// <summary>How many items it holds at most.</summary>
    public int Capacity { get; }

    private nint Cs => _owner.Core.Ptr;

    private nint Buffer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_buffer == 0, this);
            return _buffer;
        }
    }

    /// <summary>Writes as many items as fit; returns how many were written.</summary>
    public int Write(ReadOnlySpan<double> items)
    {
        fixed (double* p = items)
        {
            return _api.WriteCircularBuffer(Cs, Buffer, p, items.Length);
        }
    }

    /// <summary>Reads (and removes) up to <c>destination.Length</c> items; returns how many were read.</summary>
    public int Read(Span<double> destination)
    {
        fixed (double* p = destination)
        {
            return _api.ReadCircularBuffer(Cs, Buffer, p, destination.Length);
        }
    }

    /// <summary>Reads without removing; returns how many were read.</summary>
    public int Peek(Span<double> destination)
    {
        fixed (double* p = destination)
        {
            return _api.PeekCircularBuffer(Cs, Buffer, p, destination.Length);
        }
    }

    /// <summary>Drops everything buffered.</summary>
    public void Flush() => _api.FlushCircularBuffer(Cs, Buffer);

    /// <summary>Frees the buffer.</summary>
    public void Dispose()
    {
        nint buffer = _buffer;
        _buffer = 0;
        // Once the engine is gone its buffers went with it: nothing to free, and disposing never throws.
        if (buffer != 0 && !_owner.Core.IsDisposed)
        {
            _api.DestroyCircularBuffer(Cs, buffer);
        }
    }
}
