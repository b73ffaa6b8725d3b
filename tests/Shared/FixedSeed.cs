using System;
using CsCheck;

namespace CsoundBindings.Tests.Shared;

/// <summary>
/// Fuzz runs that meet the same inputs on every machine. CsCheck's <c>seed:</c> argument fixes only the first input of
/// a sample (its documentation: "the initial seed to use for the first iteration") and draws the rest at random, so a
/// suite that passes a seed to <c>Sample</c> still meets new inputs on every run, and CI fails on inputs nobody saw.
/// Here input <c>i</c> comes from its own generator, seeded with the run's seed plus <c>i</c>: the same run anywhere,
/// and each input reproducible alone.
/// </summary>
internal static class FixedSeed
{
    /// <summary>Runs <paramref name="check"/> on <paramref name="iter"/> inputs drawn from <paramref name="seed"/>, in order, on this thread.</summary>
    /// <exception cref="Xunit.Sdk.XunitException">An input failed: the message holds its index, its own seed and <paramref name="print"/> of it.</exception>
    public static void SampleFixed<T>(this Gen<T> gen, Action<T> check, string seed, int iter, Func<T, string> print)
    {
        PCG root = PCG.Parse(seed);
        for (int i = 0; i < iter; i++)
        {
            var pcg = new PCG(root.Stream, unchecked(root.Seed + (ulong)i));
            string own = pcg.ToString();
            T input = gen.Generate(pcg, null!, out _);
            try
            {
                check(input);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"input {i} of the run with seed {seed} (the input's own seed: {own}) failed: {e.Message}\n{print(input)}", e);
            }
        }
    }

    /// <summary>
    /// The seed a run uses: <paramref name="fixedSeed"/>, or the one in <c>CSOUNDBINDINGS_SEED</c>, or <see langword="null"/>
    /// when that says <c>random</c> (the Soak target).
    /// </summary>
    public static string? FromEnvironment(string fixedSeed) => Environment.GetEnvironmentVariable("CSOUNDBINDINGS_SEED") switch
    {
        null or "" => fixedSeed,
        "random" => null,
        string given => given,
    };

    /// <summary>
    /// <see cref="SampleFixed"/> with <paramref name="seed"/>, or with none CsCheck's own <c>Sample</c>: new inputs on each
    /// run, and a failure shrunk and printed with the seed that replays it.
    /// </summary>
    public static void SampleFixedOrRandom<T>(this Gen<T> gen, Action<T> check, string? seed, int iter, Func<T, string> print)
    {
        if (seed is null)
        {
            gen.Sample(check, iter: iter, threads: 1, print: print);
        }
        else
        {
            gen.SampleFixed(check, seed, iter, print);
        }
    }
}
