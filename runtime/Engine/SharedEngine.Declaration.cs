using CsoundBindings.Interop;

namespace CsoundBindings.Engine;

/// <summary>
/// The part of the seam that is the same on every API generation: each member calls the generated common
/// functions (<see cref="ICsoundFunctions"/>), which the generic argument binds to one generation's imports.
/// The JIT specialises each instantiation, so the calls are as direct as calling the bindings by hand.
/// </summary>
internal abstract unsafe partial class SharedEngine<TFunctions> : CsoundApi
    where TFunctions : struct, ICsoundFunctions
{
}
