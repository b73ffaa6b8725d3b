using System.Runtime.InteropServices;

namespace CsoundBindings.Tests.Support;

/// <summary>
/// The C environment where native libraries read it with getenv (.NET's own environment does not reach them on
/// Linux), and a polite signal to a helper process.
/// </summary>
internal static partial class NativeEnvironment
{
    public static void Set(string name, string? value)
    {
        if (value is null)
        {
            _ = unsetenv(name);
        }
        else
        {
            _ = setenv(name, value, 1);
        }
    }

    /// <summary>Sends SIGTERM (Process.Kill sends SIGKILL, which leaves a daemon no time to clean up).</summary>
    public static int Terminate(int pid) => kill(pid, 15);

    [LibraryImport("libc")]
    private static partial int kill(int pid, int signal);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int unsetenv(string name);
}
