using System;
using System.Collections.Generic;
using System.Threading;

namespace CsoundBindings.Lifecycle;

/// <summary>
/// Events and score text sent before <see cref="Csound.Start"/>, in the order they were sent, from any thread.
/// Csound 6.18 drops events sent before start and Csound 7 loses input messages; both engines get them right after
/// start instead. <see cref="Csound.Reset"/> clears the queue.
/// </summary>
internal sealed class PendingEvents
{
    internal enum Kind
    {
        Event,
        AbsoluteEvent,
        Message,
    }

    internal readonly record struct Item(Kind Kind, char Type, double[]? Fields, double Offset, string? Text)
    {
        /// <summary>
        /// Its share of a cycle's allowance: one per event or line of score text, and for text at least its UTF-8
        /// bytes over <see cref="BytesPerWeight"/>, so that a cycle's lines stay within <see cref="Csound.MessageBytesPerCycle"/>.
        /// </summary>
        public int Weight => Text is null ? 1 : Math.Max(LineCount(Text), (System.Text.Encoding.UTF8.GetByteCount(Text) + BytesPerWeight - 1) / BytesPerWeight);

        /// <summary>Bytes of text that weigh as much as one event.</summary>
        public const int BytesPerWeight = Csound.MessageBytesPerCycle / Csound.EventsPerCycle;

        public static int LineCount(string text)
        {
            int lines = text.AsSpan().TrimEnd('\n').Count('\n') + 1;
            return lines;
        }
    }

    private readonly Lock _gate = new();
    private List<Item> _items = new();
    private bool _closed;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>Queues an item; false once the engine has started (the caller sends it itself then).</summary>
    public bool TryAdd(Item item)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }
            _items.Add(item);
            return true;
        }
    }

    /// <summary>At start: takes everything queued and refuses later items, so none can slip in after the flush.</summary>
    public List<Item> TakeAllAndClose()
    {
        lock (_gate)
        {
            List<Item> items = _items;
            _items = new List<Item>();
            _closed = true;
            return items;
        }
    }

    /// <summary>After reset (or dispose): drops everything and accepts items again.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
            _closed = false;
        }
    }
}
