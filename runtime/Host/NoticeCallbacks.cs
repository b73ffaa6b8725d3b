using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CsoundBindings.Interop;
using CsoundBindings.Lifecycle;
using CsoundBindings.Native;

namespace CsoundBindings.Host;

/// <summary>
/// Native entry points for what Csound tells a host in passing: table displays (graphs), keyboard requests of
/// <c>sensekey</c>, and the files it opens. Each finds its engine, raises the .NET event inside a callback scope,
/// and contains whatever a handler throws.
/// </summary>
internal static unsafe class NoticeCallbacks
{
    /// <summary>The keyboard callback's type mask: key events and typed text.</summary>
    public const uint KeyboardTypes = 1 | 2;

    public static delegate* unmanaged[Cdecl]<nint, WINDAT*, sbyte*, void> MakeGraph => &OnMakeGraph;

    public static delegate* unmanaged[Cdecl]<nint, WINDAT*, void> DrawGraph => &OnDrawGraph;

    public static delegate* unmanaged[Cdecl]<nint, WINDAT*, void> KillGraph => &OnKillGraph;

    public static delegate* unmanaged[Cdecl]<nint, int> ExitGraph => &OnExitGraph;

    public static delegate* unmanaged[Cdecl]<void*, void*, uint, int> Keyboard => &OnKeyboard;

    public static delegate* unmanaged[Cdecl]<nint, sbyte*, int, int, int, void> FileOpen => &OnFileOpen;

    /// <summary>Raises <paramref name="pick"/>'s event of the engine behind <paramref name="owner"/>, building the arguments only when someone listens.</summary>
    internal static void Raise<TArgs>(EngineState? owner, Func<EngineState, EventHandler<TArgs>?> pick, Func<TArgs> args)
    {
        if (owner is null || pick(owner) is not { } handler)
        {
            return;
        }
        using var scope = CallbackScope.Enter(owner);
        try
        {
            handler(owner.Owner, args());
        }
#pragma warning disable CA1031 // nothing may unwind into Csound
        catch (Exception e)
#pragma warning restore CA1031
        {
            owner.ReportCallbackException(e);
        }
    }

    private static GraphEventArgs Graph(WINDAT* window, bool withData, string? name)
    {
        int points = withData && window->fdata != null ? Math.Max(window->npts, 0) : 0;
        double[] data = points == 0 ? Array.Empty<double>() : new ReadOnlySpan<double>(window->fdata, points).ToArray();
        string caption = Utf8Text.Read(new ReadOnlySpan<byte>(window->caption, 60)).TrimEnd();
        return new GraphEventArgs(window->windid, caption, data, window->min, window->max, (GraphPolarity)window->polarity, name);
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void OnMakeGraph(nint cs, WINDAT* window, sbyte* name)
    {
        if (window == null)
        {
            return;
        }
        EngineState? owner = EngineState.FromNative(cs);
        // Csound keeps the window's identity in windid: give each window its own, as a display back end would.
        window->windid = (nuint)(owner?.NextGraphWindow() ?? 0);
        Raise(owner, static s => s.GraphCreated, () => Graph(window, withData: false, Utf8Text.Read(name)));
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void OnDrawGraph(nint cs, WINDAT* window)
    {
        if (window != null)
        {
            Raise(EngineState.FromNative(cs), static s => s.GraphDrawn, () => Graph(window, withData: true, null));
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void OnKillGraph(nint cs, WINDAT* window)
    {
        if (window != null)
        {
            Raise(EngineState.FromNative(cs), static s => s.GraphRemoved, () => Graph(window, withData: false, null));
        }
    }

    // Csound's "click to exit" wait at the end of a performance with graphs: a host does not wait.
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int OnExitGraph(nint cs) => 0;

    // Returns 0 when the host answered (*p holds the key), 1 when it did not (Csound's own key source decides).
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int OnKeyboard(void* userData, void* p, uint type)
    {
        EngineState? owner = EngineState.FromRoutingHandle((nint)userData);
        if (owner is null || p == null || (type & KeyboardTypes) == 0)
        {
            return 1;
        }
        var args = new KeyRequestedEventArgs(isText: (type & 2) != 0);
        Raise(owner, static s => s.KeyRequested, () => args);
        if (args.Key is not int key)
        {
            return 1;
        }
        *(int*)p = Math.Clamp(key, 0, 0x1FFFF);
        return 0;
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void OnFileOpen(nint cs, sbyte* path, int type, int write, int temporary)
    {
        EngineState? owner = EngineState.FromNative(cs);
        Raise(owner, static s => s.FileOpened, () => new FileOpenedEventArgs(Utf8Text.Read(path) ?? string.Empty, type, owner!.Api.FileTypeName(type), write != 0, temporary != 0));
    }
}
