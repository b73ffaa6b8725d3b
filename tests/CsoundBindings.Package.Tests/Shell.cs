using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace CsoundBindings.Package.Tests;

/// <summary>Runs a command and returns its exit code and everything it printed.</summary>
internal static class Shell
{
    public static (int ExitCode, string Output) Run(string file, string arguments, string workingDirectory, IDictionary<string, string>? environment = null, int timeoutSeconds = 600)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Outside the repository: no global.json, no Directory.Build.props, and no MSBuild state from the test host.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {arguments} did not finish in {timeoutSeconds} s");
        }
        return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
    }

    public static string Ok(string file, string arguments, string workingDirectory, IDictionary<string, string>? environment = null)
    {
        var (exitCode, output) = Run(file, arguments, workingDirectory, environment);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} (in {workingDirectory}) exited with {exitCode}:\n{output}");
        }
        return output;
    }

    /// <summary>The repository root (the folder holding CsoundBindings.sln) above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CsoundBindings.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("CsoundBindings.sln not found above " + AppContext.BaseDirectory);
    }
}
