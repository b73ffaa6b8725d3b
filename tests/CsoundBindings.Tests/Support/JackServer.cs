using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace CsoundBindings.Tests.Support;

/// <summary>
/// A private JACK server on the dummy driver (no sound card), under its own server name so tests never meet
/// another JACK. Csound's jack module reaches it through JACK_DEFAULT_SERVER in the C environment.
/// </summary>
internal sealed class JackServer : IDisposable
{
    private readonly Process _daemon;
    private readonly string _name;

    private JackServer(Process daemon, string name)
    {
        _daemon = daemon;
        _name = name;
    }

    public static string? Unavailable() =>
        File.Exists("/usr/bin/jackd") ? null : "skipped: jackd not installed (./build.sh installs jackd2)";

    private static readonly SemaphoreSlim Turn = new(1, 1);
    private static bool s_cleaned;

    public static JackServer Start(int rate)
    {
        if (!Turn.Wait(TimeSpan.FromMinutes(2)))
        {
            throw new TimeoutException("another JACK server in this process did not stop");
        }
        try
        {
            return Launch(rate);
        }
        catch
        {
            Turn.Release();
            throw;
        }
    }

    private static JackServer Launch(int rate)
    {
        // A new name each time (a process that talked to a server of the same name keeps stale state for it). JACK
        // keeps a small table of servers in shared memory, and a server that died without its SIGTERM (a killed
        // test run) leaves its entry behind ("Too many servers already active" after a few): with no jackd alive,
        // whatever JACK left in /dev/shm is stale and goes first - once per process, before this process's libjack
        // maps the table (wiped later, the table it holds would no longer show new servers).
        string name = $"csb{Environment.ProcessId}x{Guid.NewGuid().ToString("N")[..6]}";
        StopOrphans();
        if (!s_cleaned && Process.GetProcessesByName("jackd").Length == 0)
        {
            RemoveStaleSharedMemory();
        }
        s_cleaned = true;
        var start = new ProcessStartInfo("jackd", $"--no-realtime -n {name} -d dummy -r {rate} -p 256")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["JACK_NO_AUDIO_RESERVATION"] = "1";
        var daemon = Process.Start(start)!;
        daemon.OutputDataReceived += (_, _) => { };
        daemon.ErrorDataReceived += (_, _) => { };
        daemon.BeginOutputReadLine();
        daemon.BeginErrorReadLine();
        using (var wait = Process.Start(new ProcessStartInfo("jack_wait", $"-s {name} -w -t 10") { RedirectStandardOutput = true })!)
        {
            wait.StandardOutput.ReadToEnd();
            wait.WaitForExit();
            if (wait.ExitCode != 0 || daemon.HasExited)
            {
                daemon.Dispose();
                throw new InvalidOperationException($"jackd -n {name} did not start");
            }
        }
        NativeEnvironment.Set("JACK_DEFAULT_SERVER", name);
        return new JackServer(daemon, name);
    }

    // A server of ours whose test process is gone (killed mid-test) would keep the next one from starting.
    private static void StopOrphans()
    {
        foreach (Process jackd in Process.GetProcessesByName("jackd"))
        {
            using (jackd)
            {
                string cmdline;
                try
                {
                    cmdline = File.ReadAllText($"/proc/{jackd.Id}/cmdline").Replace('\0', ' ');
                }
                catch (IOException)
                {
                    continue;
                }
                var owner = System.Text.RegularExpressions.Regex.Match(cmdline, @"-n csb(\d+)x");
                if (owner.Success && !Directory.Exists($"/proc/{owner.Groups[1].Value}"))
                {
                    _ = NativeEnvironment.Terminate(jackd.Id);
                    jackd.WaitForExit(5000);
                }
            }
        }
    }

    private static void RemoveStaleSharedMemory()
    {
        foreach (string entry in Directory.GetFileSystemEntries("/dev/shm", "jack*"))
        {
            try
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>Starts a JACK client program on this server and waits until <paramref name="port"/> exists.</summary>
    public IDisposable StartClient(string program, string arguments, string port)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["JACK_DEFAULT_SERVER"] = _name;
        var client = Process.Start(start)!;
        client.OutputDataReceived += (_, _) => { };
        client.ErrorDataReceived += (_, _) => { };
        client.BeginOutputReadLine();
        client.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!Ports().Contains(port))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10) || client.HasExited)
            {
                client.Kill();
                client.Dispose();
                throw new InvalidOperationException($"{program} did not create {port}; ports: {Ports()}");
            }
            Thread.Sleep(50);
        }
        return new Killer(client);
    }

    private string Ports()
    {
        using var lsp = Process.Start(new ProcessStartInfo("jack_lsp", $"-s {_name}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string ports = lsp.StandardOutput.ReadToEnd();
        lsp.WaitForExit();
        return ports;
    }

    private sealed class Killer(Process process) : IDisposable
    {
        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(5000);
            }
            process.Dispose();
        }
    }

    public void Dispose()
    {
        NativeEnvironment.Set("JACK_DEFAULT_SERVER", null);
        // SIGTERM lets jackd clear its shared-memory registry; after SIGKILL the next server on this machine
        // does not start. Only one JACK server runs at a time here, so servers are taken one after the other.
        if (!_daemon.HasExited)
        {
            _ = NativeEnvironment.Terminate(_daemon.Id);
            if (!_daemon.WaitForExit(5000))
            {
                _daemon.Kill();
                _daemon.WaitForExit(5000);
            }
        }
        _daemon.Dispose();
        foreach (string leftover in Directory.GetFiles("/dev/shm", $"jack*{_name}*"))
        {
            File.Delete(leftover);
        }
        Turn.Release();
    }
}
