namespace CsoundBindings.Tests.TypedOrchestras;

/// <summary>typed-synth.csd as a typed orchestra (the source generator writes the rest of this class).</summary>
[CsoundOrchestra("typed-synth.csd")]
internal sealed partial class TypedSynth;
