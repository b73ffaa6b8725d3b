using System.Runtime.InteropServices;

namespace CsoundBindings;

/// <summary>
/// Owns a native <c>CSOUND*</c>. Exposed through <see cref="Csound.Handle"/> as the escape hatch to the raw
/// bindings (<c>CsoundBindings.Interop.Api6/Api7</c>); releasing it destroys the engine.
/// </summary>
public sealed class CsoundSafeHandle : SafeHandle
{
    private readonly bool _owned;

    internal CsoundSafeHandle(nint handle, bool owned)
        : base(0, ownsHandle: true)
    {
        SetHandle(handle);
        _owned = owned;
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == 0;

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        if (_owned)
        {
            Engine.CsoundApi.Current.Destroy(handle);
        }
        return true;
    }
}
