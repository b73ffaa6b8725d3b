using System;
using System.Collections.Generic;
using System.Text;

namespace CsoundBindings.Messages;

/// <summary>
/// Turns Csound's message fragments into whole lines. Csound prints a line in pieces (a syntax error's
/// "&gt;&gt;&gt; xx yy &lt;&lt;&lt;" arrives in ten), and sometimes two messages with no newline between them; a line
/// takes the attributes of its first fragment. Not thread-safe: the owner locks.
/// </summary>
internal sealed class LineAssembler
{
    private readonly StringBuilder _current = new();
    private MessageAttributes _attributes;
    private bool _open;

    /// <summary>True while part of a line waits for its end.</summary>
    public bool HasPartialLine => _open && _current.Length > 0;

    /// <summary>Adds a fragment; each line it completes goes to <paramref name="lines"/> (without its newline).</summary>
    public void Append(MessageAttributes attributes, string text, List<(MessageAttributes Attributes, string Line)> lines)
    {
        // "...directory" + "Failed to ..." with no newline between them: two messages.
        if (_open && _current.Length > 0 && text.Length > 0 && char.IsUpper(text[0]) && char.IsLetterOrDigit(_current[^1]))
        {
            Complete(lines);
        }
        foreach (char ch in text)
        {
            if (!_open)
            {
                _attributes = attributes;
                _open = true;
            }
            if (ch == '\n')
            {
                Complete(lines);
            }
            else
            {
                _current.Append(ch);
            }
        }
    }

    /// <summary>Ends the partial line, if any (at the end of a performance, a reset or the engine's end).</summary>
    public void Flush(List<(MessageAttributes Attributes, string Line)> lines)
    {
        if (HasPartialLine)
        {
            Complete(lines);
        }
        _open = false;
    }

    private void Complete(List<(MessageAttributes, string)> lines)
    {
        lines.Add((_attributes, _current.ToString()));
        _current.Clear();
        _open = false;
    }
}
