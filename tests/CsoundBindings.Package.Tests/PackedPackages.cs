using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace CsoundBindings.Package.Tests;

/// <summary>
/// Packs the committed tree once for all package tests, the way the Pack target does (ContinuousIntegrationBuild):
/// the whole solution from one clone of HEAD, and the library alone from a second clone at another path (to compare
/// the two builds). Everything lives in one temporary folder outside the repository, removed at the end.
/// </summary>
public sealed class PackedPackages : IDisposable
{
    public PackedPackages()
    {
        Root = Directory.CreateTempSubdirectory("csoundbindings-packages-").FullName;
        string repository = Shell.RepositoryRoot();
        FirstClone = Path.Combine(Root, "clone");
        SecondClone = Path.Combine(Root, "a second clone, at another path");
        Feed = Path.Combine(Root, "feed");
        SecondFeed = Path.Combine(Root, "feed-2");
        Shell.Ok("git", $"clone --quiet \"{repository}\" \"{FirstClone}\"", Root);
        Shell.Ok("git", $"clone --quiet \"{repository}\" \"{SecondClone}\"", Root);
        // A clone of a local folder has that folder as its origin; a real checkout has the public repository, which is
        // what SourceLink writes into the symbols. Set it as CI's checkout would have it.
        foreach (string clone in new[] { FirstClone, SecondClone })
        {
            Shell.Ok("git", "remote set-url origin https://github.com/CsoundBindings/CsoundBindings.git", clone);
        }
        Shell.Ok("dotnet", $"pack CsoundBindings.sln -c Release -o \"{Feed}\" -p:ContinuousIntegrationBuild=true", FirstClone);
        Shell.Ok("dotnet", $"pack runtime/CsoundBindings.csproj -c Release -o \"{SecondFeed}\" -p:ContinuousIntegrationBuild=true", SecondClone);
        Version = File.ReadAllText(Path.Combine(repository, "Directory.Build.props")).Split("<Version>")[1].Split("</Version>")[0];
        // Consumers restore into the machine's package cache, where an earlier run left packages of the same version:
        // drop them, so that what the consumers get is what was packed here.
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (string id in new[] { "csoundbindings", "csoundbindings.interop" })
        {
            string stale = Path.Combine(cache, id, Version);
            if (Directory.Exists(stale))
            {
                Directory.Delete(stale, recursive: true);
            }
        }
    }

    public string Root { get; }
    public string FirstClone { get; }
    public string SecondClone { get; }
    public string Feed { get; }
    public string SecondFeed { get; }
    public string Version { get; }

    /// <summary>A new empty folder outside the repository whose nuget.config knows only the packed feed.</summary>
    public string NewConsumerFolder(string name)
    {
        string folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        return folder;
    }

    /// <summary>The environment for a run on engine <paramref name="engine"/> (6, or 7 from CSOUND7_ROOT).</summary>
    public static Dictionary<string, string> Engine(int engine) => new()
    {
        ["CSOUND7_ROOT"] = engine == 7 ? Environment.GetEnvironmentVariable("CSOUND7_ROOT") ?? "" : "",
    };

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class PackagesFixtureDefinition : ICollectionFixture<PackedPackages>
{
    public const string Name = "packed packages";
}
