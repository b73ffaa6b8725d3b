using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CsoundBindings.Generator;

/// <summary>One header fed to clang and the library whose exports it declares.</summary>
public sealed record ManifestSource
{
    /// <summary>What the entry file writes after <c>#include</c>, resolved through the include dirs.</summary>
    public required string Include { get; init; }

    /// <summary>Logical library key (see <see cref="Manifest.Libraries"/>).</summary>
    public required string Library { get; init; }

    /// <summary>Header file names whose declarations are emitted for this library.</summary>
    public required IReadOnlyList<string> Declares { get; init; }
}

/// <summary>A per-API generator manifest (headers/apiN/manifest.json).</summary>
public sealed record Manifest
{
    /// <summary>API generation, 6 or 7.</summary>
    public required int Api { get; init; }

    /// <summary>C# namespace of the bindings.</summary>
    public required string Namespace { get; init; }

    /// <summary>Include directories; relative ones are taken from the manifest folder; <c>${VAR}</c> reads the environment.</summary>
    public required IReadOnlyList<string> IncludeDirs { get; init; }

    /// <summary>Preprocessor defines, NAME or NAME=VALUE.</summary>
    public IReadOnlyList<string> Defines { get; init; } = Array.Empty<string>();

    /// <summary>Logical library key to the DllImport library name.</summary>
    public required IReadOnlyDictionary<string, string> Libraries { get; init; }

    /// <summary>The headers, in include order.</summary>
    public required IReadOnlyList<ManifestSource> Sources { get; init; }

    /// <summary>Functions small and non-blocking enough to skip the GC transition.</summary>
    public IReadOnlyList<string> SuppressGcTransition { get; init; } = Array.Empty<string>();

    /// <summary>The folder the manifest was read from.</summary>
    public string Directory { get; init; } = ".";

    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads a manifest file.</summary>
    public static Manifest Load(string path)
    {
        Manifest manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path), ReadOptions)
            ?? throw new InvalidDataException($"Empty manifest {path}.");
        return manifest with { Directory = Path.GetDirectoryName(Path.GetFullPath(path))! };
    }

    /// <summary>Include directories with variables expanded and relative paths resolved.</summary>
    public IReadOnlyList<string> ResolvedIncludeDirs() => IncludeDirs.Select(Expand).ToList();

    private string Expand(string dir)
    {
        string expanded = Regex.Replace(dir, @"\$\{(\w+)\}", m =>
            Environment.GetEnvironmentVariable(m.Groups[1].Value) is { Length: > 0 } value
                ? value
                : throw new InvalidOperationException($"The manifest needs the environment variable {m.Groups[1].Value} (include dir '{dir}')."));
        return Path.GetFullPath(Path.Combine(Directory, expanded));
    }

    /// <summary>Finds a header through the include dirs.</summary>
    public string ResolveHeader(string name) =>
        ResolvedIncludeDirs().Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists)
        ?? throw new FileNotFoundException($"Header '{name}' is not in any include dir: {string.Join(", ", ResolvedIncludeDirs())}.");

    /// <summary>The clang command line: language, include dirs, compiler builtin headers, defines.</summary>
    public IReadOnlyList<string> ClangArguments()
    {
        var args = new List<string> { "-x", "c", "-std=gnu11", "-ferror-limit=0", "-Wno-everything" };
        args.AddRange(ResolvedIncludeDirs().Select(d => "-I" + d));
        args.Add("-isystem");
        args.Add(CompilerBuiltinIncludeDir());
        args.AddRange(Defines.Select(d => "-D" + d));
        return args;
    }

    /// <summary>
    /// The compiler's own header folder (stddef.h, stdarg.h): the NuGet libclang ships none, so gcc's is used.
    /// CSOUNDBINDINGS_BUILTIN_INCLUDE overrides it.
    /// </summary>
    public static string CompilerBuiltinIncludeDir()
    {
        if (Environment.GetEnvironmentVariable("CSOUNDBINDINGS_BUILTIN_INCLUDE") is { Length: > 0 } overridden)
        {
            return overridden;
        }
        var start = new ProcessStartInfo("gcc", "-print-file-name=include") { RedirectStandardOutput = true, UseShellExecute = false };
        using Process gcc = Process.Start(start) ?? throw new InvalidOperationException("Could not run gcc to find the builtin headers.");
        string dir = gcc.StandardOutput.ReadToEnd().Trim();
        gcc.WaitForExit();
        if (gcc.ExitCode != 0 || !File.Exists(Path.Combine(dir, "stddef.h")))
        {
            throw new InvalidOperationException($"gcc's builtin include dir '{dir}' has no stddef.h; install gcc or set CSOUNDBINDINGS_BUILTIN_INCLUDE.");
        }
        return dir;
    }
}
