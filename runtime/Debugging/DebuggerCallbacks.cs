using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CsoundBindings.Interop;
using CsoundBindings.Lifecycle;
using CsoundBindings.Native;

namespace CsoundBindings;

/// <summary>The native breakpoint callback: copies what Csound shows at the break, then raises the event.</summary>
internal static unsafe class DebuggerCallbacks
{
    public static delegate* unmanaged[Cdecl]<nint, debug_bkpt_info_t*, void*, void> Breakpoint => &OnBreakpoint;

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void OnBreakpoint(nint cs, debug_bkpt_info_t* info, void* userData)
    {
        EngineState? owner = EngineState.FromNative(cs);
        if (owner is null || info is null)
        {
            return;
        }
        using var scope = CallbackScope.Enter(owner);
        try
        {
            EventHandler<BreakpointEventArgs>? handler = owner.Breakpoint;
            if (handler is null || info->breakpointInstr is null)
            {
                return;
            }
            int ksmps = owner.Api.Ksmps(cs);
            var active = new List<DebugInstance>();
            for (debug_instr_t* i = info->instrListHead; i != null; i = i->next)
            {
                active.Add(Instance(i));
            }
            var variables = new List<DebugVariable>();
            for (debug_variable_t* v = info->instrVarList; v != null; v = v->next)
            {
                variables.Add(Variable(v, ksmps));
            }
            debug_opcode_t* opcode = info->currentOpcode;
            handler(owner.Owner, new BreakpointEventArgs(Instance(info->breakpointInstr), variables, active,
                opcode is null ? null : Utf8Text.Read(opcode->opname), opcode is null ? null : opcode->line));
        }
#pragma warning disable CA1031 // nothing may unwind into Csound
        catch (Exception e)
#pragma warning restore CA1031
        {
            owner.ReportCallbackException(e);
        }
    }

    private static DebugInstance Instance(debug_instr_t* i) => new(i->p1, i->p2, i->p3, (long)i->kcounter, i->line);

    private static DebugVariable Variable(debug_variable_t* v, int ksmps)
    {
        string name = Utf8Text.Read(v->name) ?? string.Empty;
        string type = Utf8Text.Read(v->typeName) ?? string.Empty;
        if (v->data is null)
        {
            return new DebugVariable(name, type, null, null, null);
        }
        return type switch
        {
            "i" or "k" or "r" => new DebugVariable(name, type, *(double*)v->data, null, null),
            "a" => new DebugVariable(name, type, null, new ReadOnlySpan<double>(v->data, ksmps).ToArray(), null),
            "S" => new DebugVariable(name, type, null, null, Utf8Text.Read((sbyte*)v->data)),
            _ => new DebugVariable(name, type, null, null, null),
        };
    }
}
