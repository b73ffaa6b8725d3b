using CsoundBindings.Interop.Api7;
using CsoundBindings.Native;

namespace CsoundBindings.Engine;

/// <summary>Message buffer and UDP server over the Csound 7 bindings.</summary>
internal sealed unsafe partial class Api7Engine
{
    public override void CreateMessageBuffer(nint cs, bool echo) => Methods.csoundCreateMessageBuffer(C(cs), echo ? 1 : 0);

    public override void DestroyMessageBuffer(nint cs) => Methods.csoundDestroyMessageBuffer(C(cs));

    public override int MessageCount(nint cs) => Methods.csoundGetMessageCnt(C(cs));

    public override string? FirstMessage(nint cs, out int attributes)
    {
        attributes = Methods.csoundGetFirstMessageAttr(C(cs));
        return Utf8Text.Read(Methods.csoundGetFirstMessage(C(cs)));
    }

    public override void PopFirstMessage(nint cs) => Methods.csoundPopFirstMessage(C(cs));

    public override int UdpServerStart(nint cs, int port) => Methods.csoundUDPServerStart(C(cs), (uint)port);

    public override int UdpServerStatus(nint cs) => Methods.csoundUDPServerStatus(C(cs));

    public override int UdpServerClose(nint cs) => Methods.csoundUDPServerClose(C(cs));
}
