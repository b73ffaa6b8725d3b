using System;
using System.Linq;
using CsCheck;
using CsoundBindings.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace CsoundBindings.Tests.StateMachine;

/// <summary>
/// Random sequences of public operations against the real engine (see <see cref="EngineModel"/>). A failing sequence
/// is shrunk by CsCheck and printed as the C# that replays it. CI runs <see cref="DefaultSequences"/> per engine with a
/// fixed seed; <c>./build.sh Soak</c> runs 10,000 per engine (CSOUNDBINDINGS_SEQUENCES per process, CSOUNDBINDINGS_SEED=random).
/// </summary>
public sealed class StateMachineTests(ITestOutputHelper output)
{
    public const int DefaultSequences = 200;
    private const string FixedSeedText = "0N0XIzNsQ0O2";

    private static readonly Gen<Op> OneOp = Gen.Frequency(
        (4, Gen.Const(new Op(OpKind.CompileOrc, 0))),
        (1, Gen.Const(new Op(OpKind.CompileBad, 0))),
        (2, Gen.Const(new Op(OpKind.SetOption, 0))),
        (2, Gen.Const(new Op(OpKind.Start, 0))),
        (4, Gen.Int[1, 8].Select(n => new Op(OpKind.PerformCycles, n))),
        (4, Gen.Const(new Op(OpKind.ScoreEvent, 0))),
        (2, Gen.Const(new Op(OpKind.InputMessage, 0))),
        (2, Gen.Int[0, 100].Select(n => new Op(OpKind.ChannelSetGet, n))),
        (2, Gen.Const(new Op(OpKind.Reset, 0))),
        (1, Gen.Const(new Op(OpKind.Stop, 0))),
        (1, Gen.Int[1, 8].Select(n => new Op(OpKind.PerformAsyncStop, n))),
        (3, Gen.Const(new Op(OpKind.ThreadPlay, 0))),
        (1, Gen.Const(new Op(OpKind.ThreadPause, 0))),
        (1, Gen.Const(new Op(OpKind.ThreadStop, 0))),
        (1, Gen.Const(new Op(OpKind.ThreadJoin, 0))),
        (3, Gen.Int[0, 50].Select(n => new Op(OpKind.ThreadCompileAndSchedule, n))),
        (1, Gen.Const(new Op(OpKind.ThreadEval, 0))),
        (2, Gen.Const(new Op(OpKind.ThreadEvent, 0))),
        (1, Gen.Const(new Op(OpKind.Dispose, 0))));

    private static readonly Gen<Op[]> Sequence = OneOp.Array[1, 20];

    [Fact]
    public void RandomSequencesKeepEveryInvariant()
    {
        int sequences = int.TryParse(Environment.GetEnvironmentVariable("CSOUNDBINDINGS_SEQUENCES"), out int n) ? n : DefaultSequences;
        string? seed = FixedSeed.FromEnvironment(FixedSeedText);
        int steps = 0;
        Sequence.SampleFixedOrRandom(ops =>
        {
            using var model = new EngineModel();
            foreach (Op op in ops)
            {
                model.Apply(op);
                steps++;
            }
            model.CheckEventsPerformedOnce();
        }, seed, sequences, Replay);
        output.WriteLine($"{sequences} sequences, {steps} steps on Csound {Csound.LibraryVersion}");
    }

    private static string Replay(Op[] ops) =>
        "\nusing var cs = new Csound();\ncs.SetOption(\"-n -d\");\n" + string.Join("\n", ops.Select(o => o.ToCode())) + "\n";
}
