using System;

namespace CsoundBindings;

/// <summary>
/// Makes a <c>partial class</c> a typed orchestra: the CsoundBindings source generator reads the named
/// <c>.csd</c>/<c>.orc</c> file (an <c>AdditionalFiles</c> item of the project) and adds the orchestra text, a
/// property per channel and a method per instrument to the class.
/// </summary>
/// <example><c>[CsoundOrchestra("synth.csd")] public partial class Synth;</c> then <c>using var synth = Synth.Open("-odac"); synth.Cutoff = 800; synth.Voice(0, 2, amp: 0.3, freq: 440);</c></example>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CsoundOrchestraAttribute : Attribute
{
    /// <summary>Names the orchestra file, relative to the project (or just its file name).</summary>
    public CsoundOrchestraAttribute(string path) => Path = path;

    /// <summary>The orchestra file.</summary>
    public string Path { get; }
}
