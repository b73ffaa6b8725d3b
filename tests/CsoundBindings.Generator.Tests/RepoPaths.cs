using System;
using System.IO;

namespace CsoundBindings.Generator.Tests;

/// <summary>Locations in the repository, found from the test binary upwards.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Manifest(int api) => Path.Combine(Root, "headers", $"api{api}", "manifest.json");

    public static string Bindings(int api) => Path.Combine(Root, "bindings", $"Api{api}");

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>Null when the engine's headers are present, else why the test is skipped.</summary>
    public static string? HeadersMissing(int api) => api switch
    {
        6 => File.Exists("/usr/include/csound/csound.h") ? null : "skipped: Csound 6 headers not installed (/usr/include/csound)",
        _ => string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CSOUND7_ROOT")) ? "skipped: CSOUND7_ROOT not set" : null,
    };

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CsoundBindings.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("CsoundBindings.sln not found above the test binaries.");
    }
}
