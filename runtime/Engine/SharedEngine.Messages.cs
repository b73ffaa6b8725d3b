using CsoundBindings.Interop;
using CsoundBindings.Native;

namespace CsoundBindings.Engine;

/// <summary>Message buffer and UDP server: the calls both API generations declare alike, written once over <see cref="ICsoundFunctions"/>.</summary>
internal abstract unsafe partial class SharedEngine<TFunctions>
{
    public override void CreateMessageBuffer(nint cs, bool echo) => TFunctions.csoundCreateMessageBuffer(cs, echo ? 1 : 0);

    public override void DestroyMessageBuffer(nint cs) => TFunctions.csoundDestroyMessageBuffer(cs);

    public override int MessageCount(nint cs) => TFunctions.csoundGetMessageCnt(cs);

    public override string? FirstMessage(nint cs, out int attributes)
    {
        attributes = TFunctions.csoundGetFirstMessageAttr(cs);
        return Utf8Text.Read(TFunctions.csoundGetFirstMessage(cs));
    }

    public override void PopFirstMessage(nint cs) => TFunctions.csoundPopFirstMessage(cs);

    public override int UdpServerStart(nint cs, int port) => TFunctions.csoundUDPServerStart(cs, (uint)port);

    public override int UdpServerStatus(nint cs) => TFunctions.csoundUDPServerStatus(cs);

    public override int UdpServerClose(nint cs) => TFunctions.csoundUDPServerClose(cs);
}
