using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

public sealed class OpcodeTests
{
    [Fact]
    public void TheOpcodeListIsLargeWithoutDuplicatesAndHasTheGuidesOpcodes()
    {
        using var cs = new Csound();
        var opcodes = cs.GetOpcodes();
        Assert.True(opcodes.Count > 1000, $"{opcodes.Count} opcodes");
        Assert.Equal(opcodes.Count, opcodes.Distinct().Count());
        // The same signatures as the csound command prints with -z1.
        var printed = CommandLineListing();
        foreach (string name in new[] { "vco2", "linsegr", "moogladder" })
        {
            var ours = opcodes.Where(o => o.Name == name).Select(o => (o.OutTypes, o.InTypes)).Order().ToList();
            Assert.NotEmpty(ours);
            Assert.Equal(printed.Where(p => p.Name == name).Select(p => (p.OutTypes, p.InTypes)).Distinct().Order(), ours);
        }
        Assert.Equal("OpcodeDef(name='ATSadd', outtypes='a', intypes='kkSiiopo', flags=" + opcodes[0].Flags + ")", opcodes[0].ToString());
    }

    private static List<OpcodeDef> CommandLineListing()
    {
        string? root = Environment.GetEnvironmentVariable("CSOUND7_ROOT");
        string exe = TestEngine.IsApi7 && !string.IsNullOrEmpty(root) ? Path.Combine(root, "bin", "csound") : "/usr/bin/csound";
        var start = new ProcessStartInfo(exe, "-z1") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true };
        if (TestEngine.IsApi7)
        {
            start.Environment["LD_LIBRARY_PATH"] = Path.Combine(root!, "lib");
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        string text = process.StandardError.ReadToEnd() + stdout.GetAwaiter().GetResult();
        process.WaitForExit();
        return text.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length == 3)
            .Select(p => new OpcodeDef(p[0], p[1] == "(null)" ? "" : p[1], p[2] == "(null)" ? "" : p[2], 0)).ToList();
    }

    [Fact]
    public void OscOpcodesMatchTheGuide()
    {
        using var cs = new Csound();
        var osc = cs.GetOpcodes().Select(o => o.Name).Where(n => n.StartsWith("OSC", System.StringComparison.Ordinal)).Distinct().Order(System.StringComparer.Ordinal);
        Assert.Equal(new[] { "OSCbundle", "OSCcount", "OSCinit", "OSCinitM", "OSClisten", "OSCraw", "OSCsend", "OSCsend_lo" }, osc);
    }
}
