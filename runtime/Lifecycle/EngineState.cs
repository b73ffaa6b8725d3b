using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;
using CsoundBindings.Engine;
using CsoundBindings.Host;
using CsoundBindings.Messages;
using Microsoft.Extensions.Logging;

namespace CsoundBindings.Lifecycle;

/// <summary>
/// Everything one engine owns besides its native instance: every registration Csound holds a pointer to (host data,
/// message, channel and MIDI callbacks, C# opcodes), the lifecycle state, the events waiting for start, the channel
/// cache, the performance thread and the running loops. <see cref="Csound"/> is a façade over it.
/// <see cref="Attach"/> (re)installs what Csound forgets (after create, <c>csoundReset</c>, dropping the message
/// buffer); <see cref="Detach"/> releases it all once the native instance is gone.
/// </summary>
internal sealed unsafe class EngineState
{
    private readonly object _gate = new();
    private GCHandle _self;
    private volatile CsoundState _state = CsoundState.Created;
    private int _loops;
    private int _inNative;
    private int _sending;

    public EngineState(Csound owner, CsoundApi api)
    {
        Owner = owner;
        Api = api;
        _self = GCHandle.Alloc(this, GCHandleType.Weak);
        nint cs = api.Create(GCHandle.ToIntPtr(_self));
        if (cs == 0)
        {
            _self.Free();
            throw new CsoundException("csoundCreate returned no instance.");
        }
        Handle = new CsoundSafeHandle(cs, owned: true);
        Attach(afterReset: false);
    }

    public Csound Owner { get; }

    public CsoundApi Api { get; }

    public CsoundSafeHandle Handle { get; }

    /// <summary>The native instance; throws <see cref="ObjectDisposedException"/> once disposed.</summary>
    public nint Ptr
    {
        get
        {
            ObjectDisposedException.ThrowIf(Handle.IsClosed, Owner);
            return Handle.DangerousGetHandle();
        }
    }

    public bool IsDisposed => Handle.IsClosed;

    // ---- lifecycle ----

    public CsoundState State => Handle.IsClosed ? CsoundState.Disposed : _state;

    public bool IsStarted { get; private set; }

    /// <summary>Set by Stop and Dispose; perform loops end at the next cycle. Cleared by Start after Reset.</summary>
    public volatile bool StopRequested;

    /// <summary>Throws <see cref="ObjectDisposedException"/>, or <see cref="InvalidOperationException"/> when the state table forbids it.</summary>
    public nint Require(Operation operation, string member)
    {
        nint cs = Ptr;
        StateRules.Require(operation, State, member);
        return cs;
    }

    public void MarkCompiled()
    {
        lock (_gate)
        {
            if (_state == CsoundState.Created)
            {
                _state = CsoundState.Compiled;
            }
        }
    }

    public void MarkStarted()
    {
        lock (_gate)
        {
            IsStarted = true;
            if (_state is CsoundState.Created or CsoundState.Compiled)
            {
                _state = CsoundState.Started;
            }
        }
    }

    public void MarkFinished()
    {
        lock (_gate)
        {
            if (_state is CsoundState.Started or CsoundState.Performing)
            {
                _state = CsoundState.Finished;
            }
        }
    }

    /// <summary>Enters the Performing state for a loop this runtime owns; throws when something else performs.</summary>
    public void BeginLoop(Operation operation, string member)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(Handle.IsClosed, Owner);
            StateRules.Require(operation, _state, member);
            _state = CsoundState.Performing;
            _loops++;
            _performing++;
        }
    }

    // Loops that have not left Performing yet. A loop leaves Performing before it releases the engine (so that its
    // caller may Reset at once); counting loops instead kept the engine Performing for ever when the performance
    // thread started in that gap and ended first (seen in CI: Reset refused after the thread was disposed).
    private int _performing;

    public void EndLoop(bool finished)
    {
        LeavePerforming(finished);
        ReleaseLoop();
        FlushMessages();
    }

    /// <summary>The engine leaves Performing (so a continuation may Reset at once); the loop still counts for Dispose.</summary>
    public void LeavePerforming(bool finished)
    {
        lock (_gate)
        {
            _performing = Math.Max(0, _performing - 1);
            if (_performing == 0 && _state == CsoundState.Performing)
            {
                _state = finished ? CsoundState.Finished : CsoundState.Started;
            }
        }
    }

    /// <summary>The loop's thread is done with the engine: Dispose may go on.</summary>
    public void ReleaseLoop()
    {
        lock (_gate)
        {
            if (--_loops == 0)
            {
                _loopsEnded?.TrySetResult();
                _loopsEnded = null;
            }
            Monitor.PulseAll(_gate);
        }
    }

    private int _runtimeLoops;

    /// <summary>How many <see cref="Csound.Perform"/>/<see cref="Csound.PerformAsync"/> loops run (not the performance thread).</summary>
    public int RuntimeLoops => Volatile.Read(ref _runtimeLoops);

    public void RuntimeLoopBegins() => Interlocked.Increment(ref _runtimeLoops);

    public void RuntimeLoopEnds() => Interlocked.Decrement(ref _runtimeLoops);

    public int RunningLoops
    {
        get
        {
            lock (_gate)
            {
                return _loops;
            }
        }
    }

    /// <summary>Waits until no runtime-owned loop runs (they were asked to stop).</summary>
    public bool WaitForLoops(TimeSpan timeout)
    {
        lock (_gate)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (_loops > 0)
            {
                TimeSpan left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_gate, left))
                {
                    return _loops == 0;
                }
            }
            return true;
        }
    }

    /// <summary>Set once Dispose has begun; perform calls that see it do not enter Csound.</summary>
    public volatile bool Disposing;

    private volatile bool _disposeDeferred;
    private System.Threading.Tasks.TaskCompletionSource? _loopsEnded;

    /// <summary>Dispose called from one of this engine's callbacks: stop now, dispose once the native call returned.</summary>
    public void DeferDispose()
    {
        _disposeDeferred = true;
        StopRequested = true;
        Api.Stop(Handle.DangerousGetHandle());
        Thread?.RequestStop();
    }

    /// <summary>Completes a deferred Dispose when the thread is no longer inside a callback.</summary>
    public void RunDeferredDispose()
    {
        if (_disposeDeferred && !Handle.IsClosed && !CallbackScope.IsInside(this))
        {
            _disposeDeferred = false;
            Owner.Dispose();
        }
    }

    /// <summary>Whether a deferred Dispose waits (the performance thread's end completes it).</summary>
    public bool DisposeDeferred => _disposeDeferred;

    /// <summary>Completes when no runtime-owned loop runs.</summary>
    public System.Threading.Tasks.Task WhenLoopsEnded()
    {
        lock (_gate)
        {
            if (_loops == 0)
            {
                return System.Threading.Tasks.Task.CompletedTask;
            }
            _loopsEnded ??= new System.Threading.Tasks.TaskCompletionSource(System.Threading.Tasks.TaskCreationOptions.RunContinuationsAsynchronously);
            return _loopsEnded.Task;
        }
    }

    /// <summary>Counts a native perform call in flight, so that Dispose never destroys the instance under it.</summary>
    /// <summary>
    /// A cycle begins on this thread: marked in flight (full fence), then it waits for a direct send that saw no
    /// cycle in flight to finish, so a send and a cycle never overlap (Csound 7's event calls take no lock).
    /// </summary>
    public void EnterNative()
    {
        Interlocked.Exchange(ref _inNative, 1);
        if (Volatile.Read(ref _sending) != 0)
        {
            SpinWait spin = default;
            while (Volatile.Read(ref _sending) != 0)
            {
                spin.SpinOnce();
            }
        }
    }

    public void ExitNative() => Volatile.Write(ref _inNative, 0);

    /// <summary>Serializes the event sends of threads outside the engine's callbacks.</summary>
    public Lock SendGate { get; } = new();

    /// <summary>
    /// Under <see cref="SendGate"/>: marks a send in progress (full fence) and says whether it may go to Csound now,
    /// false when a cycle is in flight on another thread (the item then waits for the next cycle).
    /// </summary>
    public bool BeginDirectSend()
    {
        Interlocked.Exchange(ref _sending, 1);
        if (Volatile.Read(ref _inNative) != 0)
        {
            Volatile.Write(ref _sending, 0);
            return false;
        }
        return true;
    }

    public void EndDirectSend() => Volatile.Write(ref _sending, 0);

    public bool WaitForNativeCalls(TimeSpan timeout) =>
        SpinWait.SpinUntil(() => Volatile.Read(ref _inNative) == 0, timeout);

    /// <summary>Back to Created after <c>csoundReset</c>: the pre-start queue, caches and flags go; registrations come back.</summary>
    public void AfterReset()
    {
        lock (_gate)
        {
            _state = CsoundState.Created;
            IsStarted = false;
        }
        StopRequested = false;
        Pending.Clear();
        Backlog.Clear();
        lock (SectionNames)
        {
            SectionNames.Clear();
        }
        lock (StructNames)
        {
            StructNames.Clear();
        }
        Channels.Invalidate();
        SpoutLength = 0;
        Attach(afterReset: true);
    }

    // ---- registrations Csound keeps ----

    public EventHandler<CsoundMessageEventArgs>? Message;

    public EventHandler<UnhandledExceptionEventArgs>? CallbackException;

    public EventHandler<ChannelCallbackEventArgs>? InputChannel;

    public EventHandler<BreakpointEventArgs>? Breakpoint;

    /// <summary>Csound's debugger is on (Csound forgets it at reset: it is switched off before).</summary>
    public bool DebuggerOn { get; set; }

    /// <summary>Switches Csound's debugger off if it is on (before Reset and destroy, which would leave it dangling).</summary>
    public void SwitchDebuggerOff(nint cs)
    {
        if (DebuggerOn)
        {
            DebuggerOn = false;
            Api.DebuggerClean(cs);
        }
    }

    public EventHandler<ChannelCallbackEventArgs>? OutputChannel;

    public MidiInputReader? MidiReader { get; set; }

    private long _midiCycle = -1;
    private int _midiBytesThisCycle;

    /// <summary>
    /// How many more bytes the MIDI reader may deliver in the cycle at <paramref name="cycleTime"/> (samples).
    /// Csound keeps reading within a cycle for as long as a read returns data, so a reader that always has data
    /// would hold the cycle for ever; <see cref="Csound.MidiBytesPerCycle"/> ends that.
    /// </summary>
    public int MidiAllowance(long cycleTime)
    {
        if (cycleTime != _midiCycle)
        {
            _midiCycle = cycleTime;
            _midiBytesThisCycle = 0;
        }
        return Csound.MidiBytesPerCycle - _midiBytesThisCycle;
    }

    public void MidiBytesRead(int count) => _midiBytesThisCycle += System.Math.Max(count, 1);

    public MidiOutputWriter? MidiWriter { get; set; }

    public EventHandler<ExternalMidiEventArgs>? ExternalMidiOpened;

    public EventHandler<ExternalMidiEventArgs>? ExternalMidiClosed;

    private string _midiInDevice = string.Empty;
    private string _midiOutDevice = string.Empty;

    public string MidiDeviceName(bool input) => input ? _midiInDevice : _midiOutDevice;

    public void SetMidiDeviceName(bool input, string name)
    {
        if (input)
        {
            _midiInDevice = name;
        }
        else
        {
            _midiOutDevice = name;
        }
    }

    // ---- notices: graphs, keyboard, files (installed on first subscription, again after a reset) ----

    public EventHandler<GraphEventArgs>? GraphCreated;

    public EventHandler<GraphEventArgs>? GraphDrawn;

    public EventHandler<GraphEventArgs>? GraphRemoved;

    public EventHandler<KeyRequestedEventArgs>? KeyRequested;

    public EventHandler<FileOpenedEventArgs>? FileOpened;

    private bool _graphsOn;
    private bool _keyboardOn;
    private bool _fileNoticesOn;
    private long _graphWindows;

    /// <summary>A fresh graph window identity (1, 2, ...).</summary>
    public long NextGraphWindow() => Interlocked.Increment(ref _graphWindows);

    /// <summary>The handle Csound hands back to callbacks that get no engine pointer (the keyboard's user data).</summary>
    public nint RoutingHandle => GCHandle.ToIntPtr(_self);

    /// <summary>The state behind <see cref="RoutingHandle"/>, or null.</summary>
    public static EngineState? FromRoutingHandle(nint handle) => handle == 0 ? null : GCHandle.FromIntPtr(handle).Target as EngineState;

    public void InstallGraphs()
    {
        _graphsOn = true;
        nint cs = Handle.DangerousGetHandle();
        Api.SetGraphCallbacks(cs, NoticeCallbacks.MakeGraph, NoticeCallbacks.DrawGraph, NoticeCallbacks.KillGraph, NoticeCallbacks.ExitGraph);
        Api.SetIsGraphable(cs, true);
    }

    public void InstallKeyboard()
    {
        _keyboardOn = true;
        nint cs = Handle.DangerousGetHandle();
        _ = Api.RegisterKeyboardCallback(cs, NoticeCallbacks.Keyboard, (void*)RoutingHandle, NoticeCallbacks.KeyboardTypes);
        // Csound reports every callback as ignored (its dispatcher returns 1 after the last one), and then reads the
        // process's stdin unless a key was pressed before: a pending "no key" keeps the host's answer, and a key
        // sent with KeyPress still comes first.
        Api.KeyPress(cs, 0);
    }

    public void InstallFileNotices()
    {
        _fileNoticesOn = true;
        Api.SetFileOpenCallback(Handle.DangerousGetHandle(), NoticeCallbacks.FileOpen);
    }

    private void ReinstallNotices()
    {
        if (_graphsOn)
        {
            InstallGraphs();
        }
        if (_keyboardOn)
        {
            InstallKeyboard();
        }
        if (_fileNoticesOn)
        {
            InstallFileNotices();
        }
    }

    /// <summary>The host's audio device standing in for Csound's rt-audio module (Csound 6).</summary>
    public IAudioBackend? AudioBackend { get; set; }

    /// <summary>C# opcodes; Csound keeps their strings and function pointers, so they live as long as the native instance.</summary>
    public List<OpcodeThunks> Opcodes { get; } = new();

    public bool MessageBufferOn { get; set; }

    /// <summary>(Re)installs every registration: host data, message callback, channel callbacks, host MIDI, C# opcodes.</summary>
    public void Attach(bool afterReset)
    {
        nint cs = Handle.DangerousGetHandle();
        Api.SetHostData(cs, GCHandle.ToIntPtr(_self));
        Api.SetMessageStringCallback(cs, Messages.MessageRouter.Pointer);
        if (InputChannel is not null || OutputChannel is not null)
        {
            Api.SetChannelCallbacks(cs, HostCallbacks.InputChannel, HostCallbacks.OutputChannel);
        }
        if (!afterReset)
        {
            return;
        }
        ReinstallNotices();
        MessageBufferOn = false;
        // Reset forgets the host MIDI callbacks and the options that enable them, and the appended opcodes.
        if (MidiReader is not null || MidiWriter is not null)
        {
            Api.SetHostMidiIO(cs);
        }
        if (AudioBackend is not null)
        {
            Api.SetRtAudioCallbacks(cs, Host.AudioBackendCallbacks.PlayOpen, Host.AudioBackendCallbacks.Play,
                Host.AudioBackendCallbacks.RecordOpen, Host.AudioBackendCallbacks.Record, Host.AudioBackendCallbacks.Close);
        }
        if (MidiReader is not null)
        {
            Api.SetExternalMidiIn(cs, HostCallbacks.MidiInOpen, HostCallbacks.MidiRead, HostCallbacks.MidiInClose);
        }
        if (MidiWriter is not null)
        {
            Api.SetExternalMidiOut(cs, HostCallbacks.MidiOutOpen, HostCallbacks.MidiWrite, HostCallbacks.MidiOutClose);
        }
        foreach (OpcodeThunks opcode in Opcodes)
        {
            _ = Api.AppendOpcode(cs, opcode.Name, opcode.BlockSize, opcode.OutTypes, opcode.InTypes, opcode.InitPointer, opcode.PerformPointer);
        }
    }

    /// <summary>After the native instance is destroyed: frees the routing handle and the opcode strings, drops caches.</summary>
    public void Detach()
    {
        Channels.Invalidate();
        foreach (OpcodeThunks opcode in Opcodes)
        {
            opcode.Dispose();
        }
        Opcodes.Clear();
        Pending.Clear();
        Backlog.Clear();
        if (_self.IsAllocated)
        {
            _self.Free();
        }
    }

    /// <summary>The state behind a native instance's host-data slot, or null (not ours, or already detached).</summary>
    public static EngineState? FromNative(nint cs)
    {
        nint hostData = CsoundApi.Current.GetHostData(cs);
        return hostData == 0 ? null : GCHandle.FromIntPtr(hostData).Target as EngineState;
    }

    // ---- per-engine data ----

    public PendingEvents Pending { get; } = new();

    /// <summary>Events of the started engine that wait for the next cycles.</summary>
    public EventBacklog Backlog { get; } = new();

    /// <summary>The score section names (<c>m NAME</c>) Csound holds for this engine until Reset; lock it to use it.</summary>
    public HashSet<string> SectionNames { get; } = new(StringComparer.Ordinal);

    /// <summary>The struct types (Csound 7's <c>struct NAME</c>) compiled into this engine since the last Reset; lock it to use it.</summary>
    public HashSet<string> StructNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Work handed to a runtime-owned perform loop on another thread (see <see cref="BetweenCycles"/>).</summary>
    public BetweenCycles BetweenCycles { get; } = new();

    public ChannelCache Channels { get; } = new();

    public PerformanceThread? Thread { get; set; }

    public IReadOnlyList<OpcodeDef>? OpcodeList { get; set; }

    public int SpoutLength { get; set; }

    public object? HostData { get; set; }

    // ---- messages and callback failures ----

    /// <summary>Every message Csound prints for this engine: kept for the error funnel, then passed on as whole lines.</summary>
    public void OnNativeMessage(int attributes, string text)
    {
        MessageCapture.Offer(this, (MessageAttributes)attributes, text);
        if (Message is null && Logger is null)
        {
            Console.Error.Write(text);
            return;
        }
        var lines = new List<(MessageAttributes, string)>(1);
        lock (_lines)
        {
            _lines.Append((MessageAttributes)attributes, text, lines);
        }
        Deliver(lines, complete: true);
    }

    /// <summary>Passes on a line still waiting for its newline (at the end of a performance, a reset, the engine's end).</summary>
    public void FlushMessages()
    {
        var lines = new List<(MessageAttributes, string)>();
        lock (_lines)
        {
            _lines.Flush(lines);
        }
        Deliver(lines, complete: false);
    }

    private void Deliver(List<(MessageAttributes Attributes, string Line)> lines, bool complete)
    {
        if (lines.Count == 0)
        {
            return;
        }
        EventHandler<CsoundMessageEventArgs>? handler = Message;
        ILogger? logger = Logger;
        foreach (var (attributes, line) in lines)
        {
            // Also called outside any native callback (a flush at the end), so a throwing handler is contained here.
            try
            {
                handler?.Invoke(Owner, new CsoundMessageEventArgs(attributes, complete ? line + "\n" : line));
                if (logger is not null)
                {
                    _lastLevel = MessageLevels.Of(attributes, line, _lastLevel);
                    if (logger.IsEnabled(_lastLevel))
                    {
                        LogLine(logger, _lastLevel, (int)(attributes & MessageAttributes.TypeMask), line);
                    }
                }
            }
#pragma warning disable CA1031 // a message handler or logger must never break the engine's call
            catch (Exception e)
#pragma warning restore CA1031
            {
                ReportCallbackException(e);
            }
        }
    }

    private static void LogLine(ILogger logger, LogLevel level, int type, string line) =>
        logger.Log(level, new EventId(type, "CsoundMessage"), line, null, static (text, _) => text);

    private readonly LineAssembler _lines = new();
    private LogLevel _lastLevel = LogLevel.Information;

    /// <summary>Where whole lines are logged (besides <see cref="Message"/>); null for none.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>A .NET handler called from Csound threw: tell this engine's subscribers, then the process-wide ones.</summary>
    public void ReportCallbackException(Exception exception)
    {
        var args = new UnhandledExceptionEventArgs(exception, isTerminating: false);
        bool handled = Raise(CallbackException, Owner, args);
        handled |= Csound.RaiseAnyCallbackException(Owner, args);
        if (!handled)
        {
            Console.Error.WriteLine($"CsoundBindings: a callback threw and was contained: {exception}");
        }
    }

    /// <summary>Raises a callback-failure event; a throwing subscriber is ignored. False when nobody listens.</summary>
    internal static bool Raise(EventHandler<UnhandledExceptionEventArgs>? handler, object sender, UnhandledExceptionEventArgs args)
    {
        if (handler is null)
        {
            return false;
        }
        try
        {
            handler(sender, args);
        }
#pragma warning disable CA1031 // the reporter itself must not throw into native code
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        return true;
    }
}
