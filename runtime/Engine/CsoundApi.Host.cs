using System.Collections.Generic;

namespace CsoundBindings.Engine;

/// <summary>Host I/O, modules, utilities, environment and other engine services.</summary>
internal abstract unsafe partial class CsoundApi
{
    public abstract double EvalCode(nint cs, byte* code);

    public abstract int MessageLevel(nint cs);

    public abstract void SetMessageLevel(nint cs, int level);

    public abstract bool Debug(nint cs);

    public abstract void SetDebug(nint cs, bool on);

    public abstract byte* GetEnv(nint cs, byte* name);

    public abstract int SetGlobalEnv(byte* name, byte* value);

    public abstract int LoadPlugins(nint cs, byte* directory);

    public abstract double SystemSr(nint cs, double value);

    public abstract int RunUtility(nint cs, byte* name, int argc, byte** argv);

    public abstract List<string> ListUtilities(nint cs);

    public abstract string? UtilityDescription(nint cs, byte* name);

    /// <summary>Module number <paramref name="index"/>: its name and type ("audio"/"midi"); false past the end.</summary>
    public abstract bool GetModule(nint cs, int index, out string name, out string type);

    public abstract List<AudioDevice> AudioDevices(nint cs, bool output);

    public abstract List<MidiDevice> MidiDevices(nint cs, bool output);

    public abstract void SetRtAudioModule(nint cs, byte* module);

    public abstract void SetMidiModule(nint cs, byte* module);

    public abstract void SetHostAudioIO(nint cs);

    public abstract void SetHostMidiIO(nint cs);

    /// <summary>Registers the external MIDI input callbacks (open, read, close).</summary>
    public abstract void SetExternalMidiIn(nint cs,
        delegate* unmanaged[Cdecl]<nint, void**, sbyte*, int> open,
        delegate* unmanaged[Cdecl]<nint, void*, byte*, int, int> read,
        delegate* unmanaged[Cdecl]<nint, void*, int> close);

    /// <summary>Registers the external MIDI output callbacks (open, write, close).</summary>
    public abstract void SetExternalMidiOut(nint cs,
        delegate* unmanaged[Cdecl]<nint, void**, sbyte*, int> open,
        delegate* unmanaged[Cdecl]<nint, void*, byte*, int, int> write,
        delegate* unmanaged[Cdecl]<nint, void*, int> close);

    public abstract nint CreateCircularBuffer(nint cs, int items, int itemSize);

    public abstract int ReadCircularBuffer(nint cs, nint buffer, void* destination, int items);

    public abstract int PeekCircularBuffer(nint cs, nint buffer, void* destination, int items);

    public abstract int WriteCircularBuffer(nint cs, nint buffer, void* source, int items);

    public abstract void FlushCircularBuffer(nint cs, nint buffer);

    public abstract void DestroyCircularBuffer(nint cs, nint buffer);

    public abstract CsoundParams GetParams(nint cs);

    public abstract string? OutputName(nint cs);

    /// <summary>Whether a configuration variable (what <c>-+name=value</c> sets) exists.</summary>
    public abstract bool ConfigVariableExists(nint cs, byte* name);
}
