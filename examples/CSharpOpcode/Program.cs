using System;
using System.IO;
using CsoundBindings;

// A C# opcode in an orchestra: "csfold" wave-folds its input (a-rate) by a k-rate amount. Usage: CSharpOpcode [out.wav]
string path = Path.GetFullPath(args.Length > 0 ? args[0] : "csharp opcode.wav");
using var cs = new Csound();
cs.Message += (_, e) => Console.Write(e.Text);
cs.SetOutput(path, "wav", "short");
cs.AppendOpcode(new ManagedOpcode("csfold", "a", "ak", Init: null, Perform: ctx =>
{
    ReadOnlySpan<double> input = ctx.Input(0);
    double amount = ctx.Input(1)[0];
    Span<double> output = ctx.Output(0);
    for (int i = 0; i < ctx.Ksmps; i++)
    {
        output[i] = Math.Sin(input[i] * amount) / Math.Max(1, amount * 0.5);
    }
}));
cs.CompileOrc("""
    sr = 44100
    ksmps = 32
    nchnls = 1
    0dbfs = 1
    instr 1
      kamount line 1, p3, 6
      asig oscili 0.9, 220
      afold csfold asig, kamount
      out afold * 0.5
    endin
    """);
cs.ScoreEvent('i', 1, 0, 2);
cs.SetEndMarker(2);
cs.Start();
while (!cs.PerformKsmps())
{
}
Console.WriteLine($"Wrote {path}");
