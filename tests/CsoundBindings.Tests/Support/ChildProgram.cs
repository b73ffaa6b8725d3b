using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace CsoundBindings.Tests.Support;

/// <summary>
/// The test assembly's entry point, for what must happen in a fresh process (process-wide settings that come
/// before the first engine). The test host never calls it; <see cref="Run"/> starts this assembly with a scenario.
/// </summary>
public static class ChildProgram
{
    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            return 0;
        }
        try
        {
            return args[0] switch
            {
                "plugin-folder" => PluginFolder(args.Length > 1 ? args[1] : null),
                _ => 64,
            };
        }
        catch (Exception e)
        {
            Console.WriteLine($"threw {e.GetType().Name}: {e.Message}");
            return 70;
        }
    }

    /// <summary>Runs this assembly with <paramref name="args"/> in a child process; returns its exit code and output.</summary>
    public static (int ExitCode, string Output) Run(string[] args, params (string Name, string Value)[] environment)
    {
        string assembly = typeof(ChildProgram).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("--runtimeconfig");
        start.ArgumentList.Add(Path.ChangeExtension(assembly, ".runtimeconfig.json"));
        start.ArgumentList.Add(assembly);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            return (-1, output + "(timed out)");
        }
        return (process.ExitCode, output + stderr.GetAwaiter().GetResult());
    }

    // Chooses the plug-in folder (unless "none"), then says whether an orchestra using OSCinit (libosc) compiles
    // and whether a second choice, after the first engine, is refused.
    private static int PluginFolder(string? folder)
    {
        if (folder is not null && folder != "none")
        {
            Csound.SetPluginDirectory(folder);
        }
        using var cs = new Csound();
        cs.Message += (_, _) => { };
        cs.SetOption("-n -d");
        try
        {
            cs.CompileOrc("instr 1\nihandle OSCinit 47120\nendin\n");
            Console.WriteLine("compiled");
        }
        catch (CsoundCompileException e)
        {
            Console.WriteLine($"not compiled: {e.Message.Split('\n').First()}");
        }
        try
        {
            Csound.SetPluginDirectory(Path.GetTempPath());
            Console.WriteLine("second choice accepted");
        }
        catch (InvalidOperationException)
        {
            Console.WriteLine("second choice refused");
        }
        return 0;
    }
}
