using System;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>
    /// Switches Csound's output into its own message buffer, read with <see cref="TryReadMessage"/>
    /// (<paramref name="echo"/> also prints it). While the buffer is on, <see cref="Message"/> is not raised
    /// and compile errors carry only the return code; <see cref="DestroyMessageBuffer"/> restores both.
    /// </summary>
    public void CreateMessageBuffer(bool echo = false)
    {
        nint cs = Ptr;
        _api.CreateMessageBuffer(cs, echo);
        _state.MessageBufferOn = true;
    }

    /// <summary>How many messages wait in the buffer.</summary>
    public int PendingMessageCount => _state.MessageBufferOn ? _api.MessageCount(Ptr) : 0;

    /// <summary>Takes the oldest buffered message; false when the buffer is empty or off.</summary>
    public bool TryReadMessage(out string text, out MessageAttributes attributes)
    {
        nint cs = Ptr;
        text = string.Empty;
        attributes = MessageAttributes.Default;
        if (!_state.MessageBufferOn || _api.MessageCount(cs) == 0)
        {
            return false;
        }
        text = _api.FirstMessage(cs, out int attr) ?? string.Empty;
        attributes = (MessageAttributes)attr;
        _api.PopFirstMessage(cs);
        return true;
    }

    /// <summary>Turns the buffer off and sends messages to <see cref="Message"/> again.</summary>
    public unsafe void DestroyMessageBuffer()
    {
        nint cs = Ptr;
        if (!_state.MessageBufferOn)
        {
            return;
        }
        _api.DestroyMessageBuffer(cs);
                _state.MessageBufferOn = false;
        // Csound clears the host-data slot when it drops the buffer; the runtime's callbacks route through it.
        _state.Attach(afterReset: false);
    }

    /// <summary>Starts Csound's UDP server (orchestra code and score lines sent to the port are compiled/performed).</summary>
    public void StartUdpServer(int port)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        nint cs = Ptr;
        Checked($"StartUdpServer({port})", () => _api.UdpServerStart(cs, port), compile: false);
    }

    /// <summary>The UDP server's port, or a negative value when it is not running.</summary>
    public int UdpServerPort => _api.UdpServerStatus(Ptr);

    /// <summary>Stops the UDP server.</summary>
    public void CloseUdpServer()
    {
        nint cs = Ptr;
        Checked("CloseUdpServer", () => _api.UdpServerClose(cs), compile: false);
    }
}
