namespace CsoundBindings;

/// <summary>An audio device an rt-audio module reports.</summary>
/// <param name="DeviceName">Human-readable name.</param>
/// <param name="DeviceId">Identifier to use in <c>-odac:</c>/<c>-iadc:</c>.</param>
/// <param name="RtModule">The module that reported it.</param>
/// <param name="MaxNchnls">Most channels it takes.</param>
/// <param name="IsOutput">True for an output device.</param>
public sealed record AudioDevice(string DeviceName, string DeviceId, string RtModule, int MaxNchnls, bool IsOutput);

/// <summary>A MIDI device a MIDI module reports.</summary>
/// <param name="DeviceName">Human-readable name.</param>
/// <param name="InterfaceName">Interface (port) name.</param>
/// <param name="DeviceId">Identifier to use in <c>-M</c>/<c>-Q</c>.</param>
/// <param name="MidiModule">The module that reported it.</param>
/// <param name="IsOutput">True for an output device.</param>
public sealed record MidiDevice(string DeviceName, string InterfaceName, string DeviceId, string MidiModule, bool IsOutput);

/// <summary>A plug-in module: its name and whether it does audio or MIDI.</summary>
/// <param name="Name">Module name, as given to <c>-+rtaudio=</c> or <c>-+rtmidi=</c>.</param>
/// <param name="Type"><c>audio</c> or <c>midi</c>.</param>
public sealed record ModuleInfo(string Name, string Type);

/// <summary>A snapshot of engine parameters common to Csound 6 and 7 (set them through options).</summary>
/// <param name="DebugMode">Debug messages on.</param>
/// <param name="BufferFrames">Software buffer (-b) in frames.</param>
/// <param name="HardwareBufferFrames">Hardware buffer (-B) in frames.</param>
/// <param name="Displays">Displays on.</param>
/// <param name="MessageLevel">Message level bits (-m).</param>
/// <param name="NumberOfThreads">Worker threads (-j).</param>
/// <param name="RealtimeMode">Realtime priority mode.</param>
/// <param name="SampleAccurate">Sample-accurate event timing.</param>
/// <param name="SampleRateOverride">sr from the options, or 0.</param>
/// <param name="ControlRateOverride">kr from the options, or 0.</param>
/// <param name="KsmpsOverride">ksmps from the options, or 0.</param>
/// <param name="NchnlsOverride">nchnls from the options, or 0.</param>
/// <param name="NchnlsInputOverride">nchnls_i from the options, or 0.</param>
/// <param name="ZeroDbFsOverride">0dbfs from the options, or 0.</param>
/// <param name="Heartbeat">Heartbeat style.</param>
/// <param name="Daemon">Daemon mode (no orchestra needed).</param>
public sealed record CsoundParams(
    bool DebugMode, int BufferFrames, int HardwareBufferFrames, bool Displays, int MessageLevel, int NumberOfThreads,
    bool RealtimeMode, bool SampleAccurate, double SampleRateOverride, double ControlRateOverride, int KsmpsOverride,
    int NchnlsOverride, int NchnlsInputOverride, double ZeroDbFsOverride, int Heartbeat, bool Daemon);
