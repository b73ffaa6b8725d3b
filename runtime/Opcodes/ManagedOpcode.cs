using System;
using System.Runtime.InteropServices;

namespace CsoundBindings;

/// <summary>Runs when an instance of a C# opcode initialises (i-time).</summary>
public delegate void OpcodeInit(OpcodeContext context);

/// <summary>Runs every control cycle for an instance of a C# opcode.</summary>
public delegate void OpcodePerform(OpcodeContext context);

/// <summary>
/// An opcode implemented in C#, registered with <see cref="Csound.AppendOpcode"/> before the orchestra that
/// uses it is compiled. Types use Csound's letters: outputs from <c>a</c>, <c>k</c>, <c>i</c>; inputs from
/// <c>a</c>, <c>k</c>, <c>i</c>. <see cref="Perform"/> runs once per control cycle; a-rate arguments hold ksmps samples.
/// </summary>
/// <param name="Name">Opcode name used in the orchestra.</param>
/// <param name="OutTypes">Output type letters.</param>
/// <param name="InTypes">Input type letters.</param>
/// <param name="Init">Called at init time (may be null).</param>
/// <param name="Perform">Called every cycle (null for an i-time-only opcode).</param>
public sealed record ManagedOpcode(string Name, string OutTypes, string InTypes, OpcodeInit? Init, OpcodePerform? Perform)
{
    /// <summary>Doubles of private state each instance gets (see <see cref="OpcodeContext.State"/>).</summary>
    public const int StateSize = 16;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(Name);
        foreach (char c in OutTypes + InTypes)
        {
            if (c is not ('a' or 'k' or 'i'))
            {
                throw new ArgumentException($"Opcode '{Name}': type '{c}' is not supported for C# opcodes (use a, k or i).");
            }
        }
    }
}

/// <summary>The native side of one registered C# opcode: delegates Csound calls, kept alive with the engine.</summary>
internal sealed unsafe class OpcodeThunks : IDisposable
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int Subroutine(nint cs, nint block);

    private readonly ManagedOpcode _opcode;
    private readonly Csound _owner;
    private readonly int _header;
    private readonly Subroutine _init;
    private readonly Subroutine _perform;

    public OpcodeThunks(Csound owner, ManagedOpcode opcode, int header)
    {
        _owner = owner;
        _opcode = opcode;
        _header = header;
        _init = OnInit;
        _perform = OnPerform;
        Name = (sbyte*)Marshal.StringToCoTaskMemUTF8(opcode.Name);
        OutTypes = (sbyte*)Marshal.StringToCoTaskMemUTF8(opcode.OutTypes);
        InTypes = (sbyte*)Marshal.StringToCoTaskMemUTF8(opcode.InTypes);
        InitPointer = Marshal.GetFunctionPointerForDelegate(_init);
        PerformPointer = opcode.Perform is null ? 0 : Marshal.GetFunctionPointerForDelegate(_perform);
    }

    public sbyte* Name { get; }

    public sbyte* OutTypes { get; }

    public sbyte* InTypes { get; }

    public nint InitPointer { get; }

    public nint PerformPointer { get; }

    public int BlockSize => _header + (_opcode.OutTypes.Length + _opcode.InTypes.Length) * sizeof(nint) + ManagedOpcode.StateSize * sizeof(double);

    private OpcodeContext Context(nint block) => new((byte*)block, _header, _owner.Ksmps, _opcode);

    private int OnInit(nint cs, nint block)
    {
        using var scope = Lifecycle.CallbackScope.Enter(_owner.Core);
        try
        {
            Context(block).State.Clear();
            _opcode.Init?.Invoke(Context(block));
            return 0;
        }
#pragma warning disable CA1031 // reported, and Csound is told the opcode failed
        catch (Exception e)
#pragma warning restore CA1031
        {
            _owner.Core.ReportCallbackException(e);
            return -1;
        }
    }

    private int OnPerform(nint cs, nint block)
    {
        using var scope = Lifecycle.CallbackScope.Enter(_owner.Core);
        try
        {
            _opcode.Perform!(Context(block));
            return 0;
        }
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            _owner.Core.ReportCallbackException(e);
            return -1;
        }
    }

    /// <summary>Frees the strings; only after the engine that holds them is destroyed.</summary>
    public void Dispose()
    {
        Marshal.FreeCoTaskMem((nint)Name);
        Marshal.FreeCoTaskMem((nint)OutTypes);
        Marshal.FreeCoTaskMem((nint)InTypes);
    }
}
