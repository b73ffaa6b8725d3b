namespace CsoundBindings;

public sealed partial class Csound
{
    private CsoundDebugger? _debugger;

    /// <summary>Csound's debugger for this engine: breakpoints, stepping and the variables of a stopped instance.</summary>
    public CsoundDebugger Debugger
    {
        get
        {
            _ = Ptr;
            return _debugger ??= new CsoundDebugger(_state, _api);
        }
    }
}
