using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace CsoundBindings.Tests.Support;

/// <summary>
/// A private PulseAudio daemon in user mode with a pipe sink whose stream is recorded in memory.
/// Started per test, stopped by its pid on dispose. Csound reaches it through PULSE_SERVER, set with libc's
/// setenv because .NET's environment does not reach native getenv.
/// </summary>
internal sealed class PulseAudioServer : IDisposable
{
    public const string SinkName = "csoundbindings_capture";

    private readonly string _dir;
    private readonly MemoryStream _captured = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private readonly int _pid;

    private PulseAudioServer(string dir, int pid, Task reader)
    {
        _dir = dir;
        _pid = pid;
        _reader = reader;
    }

    public static string? Unavailable() =>
        File.Exists("/usr/bin/pulseaudio") ? null : "skipped: pulseaudio not installed (./build.sh installs it)";

    public static PulseAudioServer Start(int rate, int channels)
    {
        string dir = Directory.CreateTempSubdirectory("pulse").FullName;
        string socket = Path.Combine(dir, "native");
        string pipe = Path.Combine(dir, "pipe");
        File.WriteAllText(Path.Combine(dir, "server.pa"), $"""
            load-module module-native-protocol-unix auth-anonymous=1 socket={socket}
            load-module module-null-sink sink_name=idle
            load-module module-pipe-sink file={pipe} sink_name={SinkName} format=s16le rate={rate} channels={channels} use_system_clock_for_timing=yes
            set-default-sink {SinkName}
            """);
        var start = new ProcessStartInfo("pulseaudio", $"-n -F {dir}/server.pa --exit-idle-time=-1 --daemonize=yes --use-pid-file=yes --disallow-exit")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var (key, value) in new[] { ("XDG_RUNTIME_DIR", dir), ("HOME", dir), ("PULSE_RUNTIME_PATH", dir), ("PULSE_STATE_PATH", dir) })
        {
            start.Environment[key] = value;
        }
        using (var daemon = Process.Start(start)!)
        {
            string err = daemon.StandardError.ReadToEnd();
            daemon.WaitForExit();
            if (daemon.ExitCode != 0)
            {
                throw new InvalidOperationException($"pulseaudio did not start: {err}");
            }
        }
        string pidFile = Path.Combine(dir, "pid");
        for (int i = 0; i < 50 && !(File.Exists(pidFile) && File.Exists(socket) && File.Exists(pipe)); i++)
        {
            Thread.Sleep(100);
        }
        int pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        NativeEnvironment.Set("PULSE_SERVER", "unix:" + socket);
        PulseAudioServer? server = null;
        var captured = new MemoryStream();
        var reader = Task.Factory.StartNew(() =>
        {
            using var stream = new FileStream(pipe, FileMode.Open, FileAccess.Read);
            var buffer = new byte[4096];
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                lock (captured)
                {
                    captured.Write(buffer, 0, n);
                }
                if (server?._stop.IsCancellationRequested == true)
                {
                    break;
                }
            }
        }, TaskCreationOptions.LongRunning);
        server = new PulseAudioServer(dir, pid, reader);
        lock (captured)
        {
            server._captured.Dispose();
        }
        server.CapturedStream = captured;
        Thread.Sleep(200); // the reader is on the pipe before anything plays
        return server;
    }

    private MemoryStream CapturedStream { get; set; } = new();

    /// <summary>Bytes received so far, as mono samples scaled to ±1 (first channel).</summary>
    public double[] Samples(int channels)
    {
        byte[] bytes;
        lock (CapturedStream)
        {
            bytes = CapturedStream.ToArray();
        }
        int frames = bytes.Length / (2 * channels);
        var result = new double[frames];
        for (int f = 0; f < frames; f++)
        {
            result[f] = BitConverter.ToInt16(bytes, f * 2 * channels) / 32768.0;
        }
        return result;
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            Process.GetProcessById(_pid).Kill();
        }
        catch (ArgumentException)
        {
        }
        _reader.Wait(TimeSpan.FromSeconds(5));
        NativeEnvironment.Set("PULSE_SERVER", null);
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
        _stop.Dispose();
    }
}
