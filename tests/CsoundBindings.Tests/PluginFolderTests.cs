using System;
using System.IO;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

/// <summary>
/// Csound.SetPluginDirectory is process-wide and comes before the first engine, so each case runs in a fresh
/// child process. The probe is OSCinit, from libosc (a plug-in of both engines): it compiles only when libosc loads.
/// </summary>
public sealed class PluginFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("csoundbindings plugins ").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string EnginePlugins =>
        TestEngine.IsApi7
            ? Path.Combine(Environment.GetEnvironmentVariable("CSOUND7_ROOT") ?? "/usr/local", "lib", "csound", "plugins64-7.0")
            : "/usr/lib/x86_64-linux-gnu/csound/plugins64-6.0";

    private string Folder(string name, bool withOsc)
    {
        string folder = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        if (withOsc)
        {
            File.CreateSymbolicLink(Path.Combine(folder, "libosc.so"), Path.Combine(EnginePlugins, "libosc.so"));
        }
        return folder;
    }

    // Csound 7 keeps loading its own folder: an empty OPCODE7DIR64 takes libosc away from it.
    private static (int, string) Child(string folder, string csoundOwnFolder) =>
        ChildProgram.Run(["plugin-folder", folder], ("OPCODE7DIR64", csoundOwnFolder), ("OPCODE6DIR64", csoundOwnFolder));

    [Fact]
    public void TheChosenFolderIsWherePluginsLoadFrom()
    {
        Assert.True(File.Exists(Path.Combine(EnginePlugins, "libosc.so")), $"libosc.so not in {EnginePlugins}");
        string empty = Folder("empty", withOsc: false);
        string withOsc = Folder("with osc", withOsc: true);

        (int code, string output) = Child(withOsc, empty);
        Assert.True(code == 0, output);
        Assert.Contains("compiled", output, StringComparison.Ordinal);
        Assert.Contains("second choice refused", output, StringComparison.Ordinal);

        // Without the choice, Csound's own (here empty) folder has no libosc: the same orchestra does not compile.
        (code, output) = Child("none", empty);
        Assert.True(code == 0, output);
        Assert.Contains("not compiled", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void OnCsound6AnEmptyChosenFolderReplacesCsoundsOwn()
    {
        Skip.If(TestEngine.IsApi7, "Csound 7 adds the chosen folder to its own");
        (int code, string output) = Child(Folder("empty", withOsc: false), EnginePlugins);
        Assert.True(code == 0, output);
        Assert.Contains("not compiled", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderThatDoesNotExistIsRefused() =>
        Assert.Throws<DirectoryNotFoundException>(() => Csound.SetPluginDirectory(Path.Combine(_root, "missing")));
}
