using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsoundBindings.Native;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>Any object the host wants to keep with the engine (held managed-side; Csound's own host-data slot routes callbacks).</summary>
    public object? HostData { get; set; }

    /// <summary>Runs orchestra global code now and returns the value it gives to <c>return</c> (0 when it fails to compile).</summary>
    public unsafe double EvalCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        nint cs = Ptr;
        CheckOrchestraText(code, nameof(EvalCode));
        double value = 0;
        if (OnPerformingThread(c => value = c.EvalCode(code)))
        {
            return value;
        }
        using var utf8 = new Utf8Text(code);
        fixed (sbyte* p = utf8)
        {
            return _api.EvalCode(cs, p);
        }
    }

    /// <summary>
    /// The number Csound gave the named instrument (<c>instr Lead</c>), as <c>nstrnum</c> returns it in the orchestra;
    /// the same on both engines.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not an instrument name (letters, digits and '_').</exception>
    /// <exception cref="KeyNotFoundException">No instrument of that name is compiled.</exception>
    public int InstrumentNumber(string name) =>
        TryGetInstrumentNumber(name, out int number) ? number : throw new KeyNotFoundException($"no instrument named '{name}' is compiled");

    /// <summary>Like <see cref="InstrumentNumber"/>, false when no instrument of that name is compiled.</summary>
    public bool TryGetInstrumentNumber(string name, out int number)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{name}' is not an instrument name (a letter or '_', then letters, digits or '_')", nameof(name));
        }
        // Csound 7.0 has no host call for it; the orchestra's own nstrnum answers on both engines (-1 and a warning
        // line for an unknown name).
        number = (int)EvalCode($"return nstrnum(\"{name}\")");
        return number > 0;
    }

    /// <summary>
    /// Compiles an orchestra header from values (the first compile fixes them). Without <paramref name="sr"/> the
    /// header sets no rate: the engine keeps the one from <c>-r</c>, <c>--use-system-sr</c> or Csound's default.
    /// </summary>
    public void CompileOrcHeader(double? sr = null, int nchnls = 2, int? nchnlsInput = null, double zeroDbFs = 1, int ksmps = 64, double? a4 = null)
    {
        var inv = CultureInfo.InvariantCulture;
        string header = (sr is double rate ? string.Create(inv, $"sr = {rate}\n") : string.Empty)
            + string.Create(inv, $"ksmps = {ksmps}\nnchnls = {nchnls}\nnchnls_i = {nchnlsInput ?? nchnls}\n0dbfs = {zeroDbFs}\n")
            + (a4 is double tuning ? string.Create(inv, $"A4 = {tuning}\n") : string.Empty);
        CompileOrc(header);
    }

    /// <summary>Csound's message level bits (what <c>-m</c> sets).</summary>
    public int MessageLevel
    {
        get => _api.MessageLevel(Ptr);
        set => _api.SetMessageLevel(Ptr, value);
    }

    /// <summary>Whether Csound prints debug messages.</summary>
    public bool Debug
    {
        get => _api.Debug(Ptr);
        set => _api.SetDebug(Ptr, value);
    }

    /// <summary>An environment variable as this engine sees it (its own settings, then the process), or null.</summary>
    public unsafe string? GetEnv(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        nint cs = Ptr;
        using var utf8 = new Utf8Text(name);
        fixed (sbyte* p = utf8)
        {
            return Utf8Text.Read((sbyte*)_api.GetEnv(cs, p));
        }
    }

    /// <summary>Sets (or with null removes) a Csound environment variable for every engine created afterwards.</summary>
    public static unsafe void SetGlobalEnv(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        using var n = new Utf8Text(name);
        using var v = new Utf8Text(value);
        fixed (sbyte* pn = n)
        fixed (sbyte* pv = v)
        {
            int result = Engine.CsoundApi.Current.SetGlobalEnv(pn, v.IsNull ? null : pv);
            if (result != 0)
            {
                throw new CsoundException($"SetGlobalEnv(\"{name}\")", result, "Csound refused the variable (too late: an engine exists, or the name is invalid)");
            }
        }
    }

    /// <summary>Loads every plug-in library in a folder.</summary>
    public unsafe void LoadPlugins(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        nint cs = Ptr;
        Checked($"LoadPlugins(\"{directory}\")", () =>
        {
            using var utf8 = new Utf8Text(directory);
            fixed (sbyte* p = utf8)
            {
                return _api.LoadPlugins(cs, p);
            }
        }, compile: false);
    }

    /// <summary>The sample rate Csound stored for the hardware (0 when unknown); setting stores a value.</summary>
    public double SystemSr
    {
        get => _api.SystemSr(Ptr, 0);
        set => _api.SystemSr(Ptr, value);
    }

    /// <summary>Runs a Csound utility (e.g. <c>sndinfo</c>) with its command-line arguments (the first is the utility name).</summary>
    public unsafe void RunUtility(string name, params IReadOnlyList<string> arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(arguments);
        nint cs = Ptr;
        Checked($"RunUtility(\"{name}\")", () =>
        {
            using var argv = new Argv(arguments);
            using var n = new Utf8Text(name);
            fixed (sbyte* pn = n)
            {
                return _api.RunUtility(cs, pn, argv.Count, argv.Pointers);
            }
        }, compile: false);
    }

    /// <summary>The names of the utilities Csound can run.</summary>
    public IReadOnlyList<string> ListUtilities() => _api.ListUtilities(Ptr);

    /// <summary>A utility's one-line description, or null.</summary>
    public unsafe string? GetUtilityDescription(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        nint cs = Ptr;
        using var utf8 = new Utf8Text(name);
        fixed (sbyte* p = utf8)
        {
            return _api.UtilityDescription(cs, p);
        }
    }

    /// <summary>The rt-audio and MIDI plug-in modules Csound found.</summary>
    public IReadOnlyList<ModuleInfo> GetModules()
    {
        nint cs = Ptr;
        var modules = new List<ModuleInfo>();
        for (int i = 0; _api.GetModule(cs, i, out string name, out string type); i++)
        {
            modules.Add(new ModuleInfo(name, type));
        }
        return modules;
    }

    /// <summary>
    /// The audio devices of the selected rt-audio module (<c>-+rtaudio=</c> or <see cref="SetRtAudioModule"/>),
    /// also before <see cref="Start"/>, so a host can choose the device it then passes to <c>-odac:</c>.
    /// </summary>
    /// <remarks>
    /// Before start the module is first initialised on this engine, as Csound's own <c>--devices</c> does; nothing
    /// is opened, and a later <see cref="Start"/> initialises it again as usual.
    /// </remarks>
    public IReadOnlyList<AudioDevice> GetAudioDevices(bool output = true)
    {
        nint cs = Ptr;
        if (!_state.IsStarted)
        {
            _api.InitialiseSelectedModule(cs, audio: true);
        }
        return _api.AudioDevices(cs, output);
    }

    /// <summary>
    /// The MIDI devices of the selected MIDI module (<c>-+rtmidi=</c> or <see cref="SetMidiModule"/>), also before
    /// <see cref="Start"/> (the module is initialised first, as for <see cref="GetAudioDevices"/>).
    /// </summary>
    public IReadOnlyList<MidiDevice> GetMidiDevices(bool output = false)
    {
        nint cs = Ptr;
        if (!_state.IsStarted)
        {
            _api.InitialiseSelectedModule(cs, audio: false);
        }
        return _api.MidiDevices(cs, output);
    }

    /// <summary>Selects the rt-audio module (same as <c>-+rtaudio=</c>), e.g. <c>alsa</c>, <c>pulse</c>, <c>jack</c>.</summary>
    public unsafe void SetRtAudioModule(string module)
    {
        ArgumentException.ThrowIfNullOrEmpty(module);
        nint cs = Ptr;
        using var utf8 = new Utf8Text(module);
        fixed (sbyte* p = utf8)
        {
            _api.SetRtAudioModule(cs, p);
        }
    }

    /// <summary>Selects the MIDI module (same as <c>-+rtmidi=</c>).</summary>
    public unsafe void SetMidiModule(string module)
    {
        ArgumentException.ThrowIfNullOrEmpty(module);
        nint cs = Ptr;
        using var utf8 = new Utf8Text(module);
        fixed (sbyte* p = utf8)
        {
            _api.SetMidiModule(cs, p);
        }
    }

    /// <summary>
    /// The host drives audio: no device is opened and the host moves samples through <see cref="Spin"/> and
    /// <see cref="Spout"/> around each <see cref="PerformKsmps"/>. Call before start.
    /// </summary>
    public void SetHostAudioIO() => _api.SetHostAudioIO(Ptr);

    /// <summary>
    /// The sample rate an rt-audio module's device runs at (JACK's server rate, for instance), read before choosing
    /// <c>sr</c>: a throw-away engine starts on the module's output with <c>--use-system-sr</c>, reads the rate the
    /// device reported, and is destroyed. (Csound's own <c>--get-system-sr</c> is not used: on Csound 6 it kills the
    /// process when the device does not open.)
    /// </summary>
    /// <param name="module">The module, as <c>-+rtaudio=</c> takes it: <c>jack</c>, <c>pa</c>, <c>pulse</c>, <c>alsa</c>.</param>
    /// <param name="device">The output device (<c>-odac:</c><i>device</i>), or null for the module's default.</param>
    /// <exception cref="CsoundException">The module did not open its device; the message starts with Csound's cause.</exception>
    /// <example><c>double sr = Csound.GetSystemSr("jack");</c> then <c>CompileOrcHeader(sr: sr)</c>, or <c>--use-system-sr</c> on the engine itself.</example>
    public static double GetSystemSr(string module, string? device = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(module);
        using var probe = new Csound();
        probe.Message += (_, _) => { };
        probe.SetRtAudioModule(module); // initialised now: --use-system-sr asks the module at compile time
        probe.SetOption(device is null ? "-odac" : "-odac:" + device);
        probe.SetOption("--use-system-sr");
        probe.SetOption("-d");
        probe.CompileOrc("ksmps = 32\nnchnls = 1\n0dbfs = 1\ninstr 1\nendin\n");
        probe.Start();
        double rate = probe.SystemSr;
        return rate > 0 ? rate : probe.Sr;
    }

    /// <summary>
    /// Makes <paramref name="backend"/> Csound's audio device: with <c>-odac</c> Csound plays into it, with <c>-iadc</c>
    /// it records from it, on the performing thread (Csound 6; the registration survives <see cref="Reset"/>).
    /// Call before Start. Exceptions from the backend go to <see cref="CallbackException"/> (an open that throws
    /// refuses the device).
    /// </summary>
    /// <exception cref="NotSupportedException">Csound 7, which has no public rt-audio callbacks: use <see cref="SetHostAudioIO"/> with <see cref="Spin"/> and <see cref="Spout"/>.</exception>
    public unsafe void SetAudioBackend(IAudioBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        nint cs = _state.Require(Lifecycle.Operation.SetHostCallbacks, nameof(SetAudioBackend));
        _api.SetRtAudioCallbacks(cs, Host.AudioBackendCallbacks.PlayOpen, Host.AudioBackendCallbacks.Play,
            Host.AudioBackendCallbacks.RecordOpen, Host.AudioBackendCallbacks.Record, Host.AudioBackendCallbacks.Close);
        _state.AudioBackend = backend;
    }

    /// <summary>The host drives MIDI through the external MIDI callbacks. Call before start.</summary>
    public void SetHostMidiIO() => _api.SetHostMidiIO(Ptr);

    /// <summary>
    /// The output file or device (what <c>-o</c> sets), taken as one name: a path with spaces stays one path. Call
    /// before start.
    /// </summary>
    /// <param name="name">A file path, <c>dac</c>, <c>dac:</c><i>device</i>, or <c>null</c> for none (<c>-n</c> does that too).</param>
    /// <param name="fileType">File type, as <c>--format</c> takes it: <c>wav</c>, <c>aiff</c>, <c>flac</c>, <c>ogg</c>, …; null keeps the default.</param>
    /// <param name="format">Sample format: <c>short</c>, <c>24bit</c>, <c>long</c>, <c>float</c>, <c>double</c>, …; null keeps the default.</param>
    public unsafe void SetOutput(string name, string? fileType = null, string? format = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        nint cs = _state.Require(Lifecycle.Operation.SetOption, nameof(SetOutput));
        using var n = new Utf8Text(name);
        using var t = new Utf8Text(fileType);
        using var f = new Utf8Text(format);
        fixed (sbyte* pn = n, pt = t, pf = f)
        {
            _api.SetOutput(cs, pn, pt, pf);
        }
    }

    /// <summary>The input file or device (what <c>-i</c> sets), taken as one name. Call before start.</summary>
    public unsafe void SetInput(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        nint cs = _state.Require(Lifecycle.Operation.SetOption, nameof(SetInput));
        using var n = new Utf8Text(name);
        fixed (sbyte* pn = n)
        {
            _api.SetInput(cs, pn);
        }
    }

    /// <summary>MIDI input device (<c>--midi-device=</c>).</summary>
    public void SetMidiInput(string device) => SetOption("--midi-device=" + ArgumentException.ThrowIfNullOrEmptyAndReturn(device));

    /// <summary>The engine's parameters (as options set them).</summary>
    public CsoundParams Params => _api.GetParams(Ptr);

    /// <summary>The output file or device name, or null.</summary>
    public string? OutputName => _api.OutputName(Ptr);
}

/// <summary>Ring buffers.</summary>
public sealed partial class Csound
{
    /// <summary>Creates a ring buffer of <paramref name="capacity"/> doubles.</summary>
    public CircularBuffer CreateCircularBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        nint cs = Ptr;
        nint buffer = _api.CreateCircularBuffer(cs, capacity, sizeof(double));
        return buffer == 0 ? throw new CsoundException("CreateCircularBuffer", (int)CsoundStatus.Memory, "not enough memory") : new CircularBuffer(this, _api, buffer, capacity);
    }
}
