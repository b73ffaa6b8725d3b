using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
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

/// <summary>A per-API generator manifest (headers/apiN/manifest.json), read strictly by <see cref="ManifestReader"/>.</summary>
public sealed record Manifest
{
    /// <summary>API generation, 6 or 7.</summary>
    public required int Api { get; init; }

    /// <summary>C# namespace of the bindings.</summary>
    public required string Namespace { get; init; }

    /// <summary>
    /// The Csound version the headers must declare (<c>CS_VERSION.CS_SUBVER[.CS_PATCHLEVEL]</c>, compared as a prefix
    /// by component): regenerating from other headers fails instead of moving the committed surface silently.
    /// </summary>
    public required string ExpectedVersion { get; init; }

    /// <summary>
    /// The folder of Csound's public headers (<c>${VAR}</c> reads the environment). Every header in it is either
    /// declared by a source or listed in <see cref="ExcludeHeaders"/>. Overridden by <c>--headers</c> or by
    /// <c>CSOUNDBINDINGS_API{N}_HEADERS</c>.
    /// </summary>
    public required string HeaderRoot { get; init; }

    /// <summary>Further include directories (after the header root); relative ones are taken from the manifest folder.</summary>
    public IReadOnlyList<string> IncludeDirs { get; init; } = [];

    /// <summary>Preprocessor defines, NAME or NAME=VALUE.</summary>
    public IReadOnlyList<string> Defines { get; init; } = [];

    /// <summary>Logical library key to the DllImport library name.</summary>
    public required IReadOnlyDictionary<string, string> Libraries { get; init; }

    /// <summary>The headers, in include order.</summary>
    public required IReadOnlyList<ManifestSource> Sources { get; init; }

    /// <summary>Headers in the header root that are left out on purpose, each with the reason.</summary>
    public IReadOnlyDictionary<string, string> ExcludeHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>Declarations (functions, records, enums, callbacks, typedefs, constants) left out by name, each with the reason.</summary>
    public IReadOnlyDictionary<string, string> Exclude { get; init; } = new Dictionary<string, string>();

    /// <summary>Structs and unions emitted under another C# name (C name to C# name; the C name stays in [NativeTypeName]).</summary>
    public IReadOnlyDictionary<string, string> Remap { get; init; } = new Dictionary<string, string>();

    /// <summary>Functions small and non-blocking enough to skip the GC transition.</summary>
    public IReadOnlyList<string> SuppressGcTransition { get; init; } = [];

    /// <summary>The shared surface (headers/shared.json) the manifest names with <c>shared</c>, or null.</summary>
    public SharedSurface? Shared { get; init; }

    /// <summary>The folder the manifest was read from.</summary>
    public string Directory { get; init; } = ".";

    /// <summary>The manifest file, for messages.</summary>
    public string File { get; init; } = "manifest.json";

    /// <summary>Reads a manifest file strictly (see <see cref="ManifestReader"/>).</summary>
    public static Manifest Load(string path) => ManifestReader.Read(path);

    /// <summary>
    /// The manifest with its header root taken from <paramref name="headers"/> when given, else from
    /// <c>CSOUNDBINDINGS_API{N}_HEADERS</c> when set, else as written.
    /// </summary>
    public Manifest WithHeaderRoot(string? headers)
    {
        string? chosen = headers is { Length: > 0 } ? headers : Environment.GetEnvironmentVariable($"CSOUNDBINDINGS_API{Api}_HEADERS");
        return chosen is { Length: > 0 } ? this with { HeaderRoot = Path.GetFullPath(chosen) } : this;
    }

    /// <summary>The header root with variables expanded; it must exist.</summary>
    public string ResolvedHeaderRoot()
    {
        string root = Expand(HeaderRoot);
        return System.IO.Directory.Exists(root)
            ? root
            : throw new ManifestException(File, $"the header root '{root}' does not exist (set headerRoot, pass --headers <dir> or CSOUNDBINDINGS_API{Api}_HEADERS)");
    }

    /// <summary>Include directories with variables expanded and relative paths resolved: the header root first.</summary>
    public IReadOnlyList<string> ResolvedIncludeDirs() => IncludeDirs.Select(Expand).Prepend(ResolvedHeaderRoot()).ToList();

    private string Expand(string dir)
    {
        string expanded = Regex.Replace(dir, @"\$\{(\w+)\}", m =>
            Environment.GetEnvironmentVariable(m.Groups[1].Value) is { Length: > 0 } value
                ? value
                : throw new ManifestException(File, $"'{dir}' needs the environment variable {m.Groups[1].Value}; set it (or pass --headers <dir>)"));
        return Path.GetFullPath(Path.Combine(Directory, expanded));
    }

    /// <summary>Finds a header through the include dirs.</summary>
    public string ResolveHeader(string name) =>
        ResolvedIncludeDirs().Select(d => Path.Combine(d, name)).FirstOrDefault(System.IO.File.Exists)
        ?? throw new ManifestException(File, $"the header '{name}' is not in any include dir ({string.Join(", ", ResolvedIncludeDirs())})");

    /// <summary>
    /// Every header in the header root is declared by a source or excluded with a reason, and every exclusion names
    /// a header that is there: a new header in a Csound release is an error until the manifest says what to do with it.
    /// </summary>
    public void CheckHeaderScope()
    {
        string root = ResolvedHeaderRoot();
        var declared = Sources.SelectMany(s => s.Declares).ToHashSet(StringComparer.Ordinal);
        var present = System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".h", StringComparison.Ordinal) || f.EndsWith(".hpp", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var uncovered = present.Where(h => !declared.Contains(h) && !ExcludeHeaders.ContainsKey(h)).ToList();
        if (uncovered.Count > 0)
        {
            throw new ManifestException(File, $"{uncovered.Count} header(s) in {root} are neither declared by a source nor in excludeHeaders: {string.Join(", ", uncovered)}. Add each to a source's declares, or to excludeHeaders with the reason");
        }
        var stale = ExcludeHeaders.Keys.Where(h => !present.Contains(h, StringComparer.Ordinal)).ToList();
        if (stale.Count > 0)
        {
            throw new ManifestException(File, $"excludeHeaders names header(s) that are not in {root}: {string.Join(", ", stale)}. Remove them");
        }
        string? both = ExcludeHeaders.Keys.FirstOrDefault(declared.Contains);
        if (both is not null)
        {
            throw new ManifestException(File, $"'{both}' is both declared by a source and in excludeHeaders; keep one");
        }
    }

    /// <summary>Fails unless the headers' version starts, component by component, with <see cref="ExpectedVersion"/>.</summary>
    public void CheckVersion(string headerVersion)
    {
        string[] expected = ExpectedVersion.Split('.'), actual = headerVersion.Split('.');
        if (expected.Length > actual.Length || expected.Where((part, i) => part != actual[i]).Any())
        {
            throw new ManifestException(File, $"the headers in {ResolvedHeaderRoot()} are Csound {headerVersion}, the manifest expects {ExpectedVersion}. Point headerRoot (or --headers) at Csound {ExpectedVersion}, or change expectedVersion on purpose and review the change with 'check'");
        }
    }

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
        if (gcc.ExitCode != 0 || !System.IO.File.Exists(Path.Combine(dir, "stddef.h")))
        {
            throw new InvalidOperationException($"gcc's builtin include dir '{dir}' has no stddef.h; install gcc or set CSOUNDBINDINGS_BUILTIN_INCLUDE.");
        }
        return dir;
    }
}
