using System;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests;

public sealed class TableTests
{
    [Fact]
    public void ATableWrittenFromCSharpIsReadByTheOrchestra()
    {
        using var r = new OfflineRender("sr=44100\nksmps=32\nnchnls=1\n0dbfs=1\ngiT ftgen 7, 0, 16, -2, 0\ninstr 1\n k5 tab 5, 7\n chnset k5, \"t5\"\n i15 tab_i 15, 7\n chnset i15, \"t15\"\nendin\n");
        r.Csound.Start();
        Span<double> table = r.Csound.GetTable(7);
        Assert.Equal(16, table.Length);
        Assert.Equal(16, r.Csound.TableLength(7));
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = i * 1.5;
        }
        r.Csound.ScoreEvent('i', 1, 0, 0.1);
        r.Run(maxCycles: 3);
        Assert.Equal(7.5, r.Csound.GetControlChannel("t5"));
        Assert.Equal(22.5, r.Csound.GetControlChannel("t15"));
        Assert.Equal(-2, r.Csound.GetTableArgs(7)[0]); // GEN number first
        var copy = new double[16];
        Assert.Equal(16, r.Csound.CopyTableOut(7, copy));
        Assert.Equal(22.5, copy[15]);
    }

    [Fact]
    public void AMissingTableIsReportedNotCrashed()
    {
        using var r = new OfflineRender("instr 1\nendin\n");
        r.Csound.Start();
        Assert.Equal(-1, r.Csound.TableLength(99));
        Assert.False(r.Csound.TryGetTable(99, out _));
        Assert.Throws<CsoundException>(() => r.Csound.GetTable(99));
        Assert.True(r.Csound.GetTableArgs(99).IsEmpty);
    }
}
