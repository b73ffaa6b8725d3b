using System;
using System.Runtime.InteropServices;

namespace CsoundBindings.Tests.Support;

/// <summary>
/// What the C heap holds in use (glibc's <c>mallinfo2</c>: small blocks plus mapped ones), after full collections so
/// that finalizers have destroyed what they own. RSS also moves with the GC's budget and the JIT; this does not.
/// </summary>
internal static partial class NativeHeap
{
    /// <summary>Whether the figure is available (Linux with glibc).</summary>
    public static bool Available { get; } = OperatingSystem.IsLinux() && Probe();

    /// <summary>Bytes in use in the C heap, or 0 where <see cref="Available"/> is false.</summary>
    public static long InUse()
    {
        if (!Available)
        {
            return 0;
        }
        // Twice: a safe handle held by an object with a finalizer is only finalized in the collection after it.
        for (int i = 0; i < 2; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        GC.Collect();
        MallInfo2 info = mallinfo2();
        return (long)(info.uordblks + info.hblkhd);
    }

    private static bool Probe()
    {
        try
        {
            _ = mallinfo2();
            return true;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MallInfo2
    {
        public nuint arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
    }

    [LibraryImport("libc")]
    private static partial MallInfo2 mallinfo2();
}
