using System;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>
    /// Raised (on the thread that compiles or performs) when Csound opens a graph window for a table display.
    /// Subscribing makes this engine the display: Csound stops printing ASCII graphs and calls the host instead.
    /// Subscribe before <see cref="Start"/> and leave displays on (no <c>-d</c>).
    /// </summary>
    public event EventHandler<GraphEventArgs>? GraphCreated
    {
        add
        {
            _state.GraphCreated += value;
            _state.InstallGraphs();
        }
        remove => _state.GraphCreated -= value;
    }

    /// <summary>Raised when Csound draws data into a graph window (a table's values, a <c>display</c> frame), with a copy of the points.</summary>
    public event EventHandler<GraphEventArgs>? GraphDrawn
    {
        add
        {
            _state.GraphDrawn += value;
            _state.InstallGraphs();
        }
        remove => _state.GraphDrawn -= value;
    }

    /// <summary>Raised when Csound removes a graph window.</summary>
    public event EventHandler<GraphEventArgs>? GraphRemoved
    {
        add
        {
            _state.GraphRemoved += value;
            _state.InstallGraphs();
        }
        remove => _state.GraphRemoved -= value;
    }
}
