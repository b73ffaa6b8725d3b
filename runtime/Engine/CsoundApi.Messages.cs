namespace CsoundBindings.Engine;

/// <summary>Csound's own message buffer and UDP server.</summary>
internal abstract unsafe partial class CsoundApi
{
    public abstract void CreateMessageBuffer(nint cs, bool echo);

    public abstract void DestroyMessageBuffer(nint cs);

    public abstract int MessageCount(nint cs);

    /// <summary>The oldest buffered message and its attributes, or null when the buffer is empty.</summary>
    public abstract string? FirstMessage(nint cs, out int attributes);

    public abstract void PopFirstMessage(nint cs);

    public abstract int UdpServerStart(nint cs, int port);

    public abstract int UdpServerStatus(nint cs);

    public abstract int UdpServerClose(nint cs);
}
