using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using CsoundBindings.Lifecycle;
using CsoundBindings.Messages;
using CsoundBindings.Native;
using CsoundBindings.Options;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>
    /// Sets one or more command-line options, e.g. <c>"-odac"</c> or <c>"-n -d -m0"</c>; several options may share
    /// one string (on Csound 6 the runtime passes them one by one, since 6.18 accepts only one per call).
    /// Options must be set before the engine starts.
    /// </summary>
    /// <exception cref="InvalidOperationException">The engine already started.</exception>
    /// <exception cref="CsoundException">Csound rejected an option.</exception>
    public void SetOption(string option)
    {
        ArgumentNullException.ThrowIfNull(option);
        nint cs = _state.Require(Operation.SetOption, $"SetOption(\"{option}\")");
        List<string> words = OptionSplitter.Split(option);
        if (words.Count == 0)
        {
            return;
        }
        List<string> parts = OptionGuard.Check(words, _api.Generation, ConfigVariableExists);
        Checked($"SetOption(\"{option}\")", () => _api.SetOptions(cs, parts, option), compile: false);
    }

    private unsafe bool ConfigVariableExists(string name)
    {
        using var utf8 = new Utf8Text(name);
        fixed (sbyte* p = utf8)
        {
            return _api.ConfigVariableExists(Ptr, p);
        }
    }

    /// <summary>Sets several options (see <see cref="SetOption"/>).</summary>
    public void SetOptions(params IEnumerable<string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (string option in options)
        {
            SetOption(option);
        }
    }

    /// <summary>
    /// Compiles as the <c>csound</c> program would from its command line: options and input files (a CSD, or an
    /// orchestra and a score) in one call, e.g. <c>CompileCommandLine("-n", "-d", "piece.csd")</c>. It compiles and
    /// does not start; the options go through the same checks as <see cref="SetOption"/>, the files' orchestra and
    /// options through those of <see cref="CompileCsd"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An option Csound would die on, or no input file.</exception>
    /// <exception cref="FileNotFoundException">An input file does not exist.</exception>
    /// <exception cref="CsoundCompileException">Csound did not compile it; the message holds Csound's errors.</exception>
    public unsafe void CompileCommandLine(params string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        nint cs = _state.Require(Operation.SetOption, nameof(CompileCommandLine));
        var options = new List<string>();
        var files = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i] ?? throw new ArgumentNullException(nameof(args), $"argument {i} is null");
            if (arg.StartsWith('-'))
            {
                options.Add(arg);
                if (OptionGuard.NeedsNextWord(arg) && i + 1 < args.Length && args[i + 1] is { } value && !value.StartsWith('-'))
                {
                    options.Add(value);
                    i++;
                }
            }
            else
            {
                files.Add(arg);
            }
        }
        if (files.Count == 0)
        {
            throw new ArgumentException("CompileCommandLine: name a CSD, or an orchestra and a score, after the options.", nameof(args));
        }
        List<string> checkedOptions = OptionGuard.Check(options, _api.Generation, ConfigVariableExists, nameof(CompileCommandLine));
        foreach (string file in files)
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"CompileCommandLine: input file not found: {file}", file);
            }
            if (!file.EndsWith(".sco", StringComparison.OrdinalIgnoreCase))
            {
                string text = File.ReadAllText(file);
                CheckOrchestraText(text, nameof(CompileCommandLine));
                CheckCsdOptions(text);
            }
        }
        var argv = new List<string>(checkedOptions.Count + files.Count + 1) { "csound" };
        argv.AddRange(checkedOptions);
        argv.AddRange(files);
        Checked(nameof(CompileCommandLine), () =>
        {
            using var native = new Argv(argv);
            return _api.CompileArgs(cs, native.Count, native.Pointers);
        }, compile: true);
        _state.MarkCompiled();
    }

    /// <summary>Compiles orchestra code (instruments, UDOs, global code). The first compile fixes sr, ksmps, nchnls, 0dbfs.</summary>
    /// <exception cref="CsoundCompileException">The code did not compile; the message holds Csound's errors.</exception>
    public unsafe void CompileOrc(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        nint cs = Ptr;
        CheckOrchestraText(code, nameof(CompileOrc));
        if (OnPerformingThread(c => c.CompileOrc(code)))
        {
            return;
        }
        CheckedText("CompileOrc", code, (p) => _api.CompileOrc(cs, p, async: false));
    }

    /// <summary>
    /// Queues orchestra code to compile at the start of the next cycle instead of waiting for the engine lock, for
    /// use while the engine performs on another thread. Errors are reported through <see cref="Message"/> only.
    /// </summary>
    public unsafe void CompileOrcNonBlocking(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        nint cs = Ptr;
        CheckOrchestraText(code, nameof(CompileOrcNonBlocking));
        using var utf8 = new Utf8Text(code);
        fixed (sbyte* p = utf8)
        {
            _ = _api.CompileOrc(cs, p, async: true);
        }
    }

    /// <summary>Compiles a CSD file (options and score honoured before start; after start the score lines become events).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CsoundCompileException">It did not compile.</exception>
    public unsafe void CompileCsd(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"CSD file not found: {path}", path);
        }
        nint cs = Ptr;
        string text = File.ReadAllText(path);
        CheckOrchestraText(text, nameof(CompileCsd));
        CheckCsdOptions(text);
        CheckedText($"CompileCsd(\"{path}\")", path, (p) => _api.CompileCsd(cs, p, isText: false));
    }

    /// <summary>Compiles a CSD given as text.</summary>
    /// <exception cref="CsoundCompileException">It did not compile.</exception>
    public unsafe void CompileCsdText(string csd)
    {
        ArgumentNullException.ThrowIfNull(csd);
        nint cs = Ptr;
        CheckOrchestraText(csd, nameof(CompileCsdText));
        if (OnPerformingThread(c => c.CompileCsdText(csd)))
        {
            return;
        }
        CheckCsdOptions(csd);
        CheckedText("CompileCsdText", csd, (p) => _api.CompileCsd(cs, p, isText: true));
    }

    // Orchestra text goes through Csound's preprocessor: comments, and each #include resolved as Csound would.
    private void CheckOrchestraText(string text, string member)
    {
        ScoreGuard.CheckOrchestra(text, member);
        OrchestraGuard.Check(text, _api.Generation, member, GetEnv);
        TypeGuard.Check(text, _api.Generation, member, _state.StructNames);
        if (text.Contains("#include", StringComparison.Ordinal))
        {
            IncludeGuard.Check(text, member, GetEnv("INCDIR"));
        }
    }

    // A CSD's options go through Csound's option decoder too: the same checks as SetOption, before Csound reads them.
    private void CheckCsdOptions(string csd) => OptionGuard.CheckCsd(csd, _api.Generation, ConfigVariableExists);

    /// <summary>Reads score text (on Csound 7 the lines become events, since it has no separate score reader).</summary>
    /// <exception cref="CsoundCompileException">The score did not parse.</exception>
    public unsafe void ReadScore(string score)
    {
        ArgumentNullException.ThrowIfNull(score);
        nint cs = Ptr;
        ScoreGuard.Check(score, nameof(ReadScore));
        NamedSectionGuard.Check(score, nameof(ReadScore), _state.SectionNames);
        SoundFileGuard.CheckText(score, _api.Generation, GetEnv);
        CheckedText("ReadScore", score, (p) => _api.ReadScore(cs, p));
    }

    /// <summary>
    /// While another thread performs the engine, work from this thread that must not overlap a cycle (Csound 7 takes no
    /// lock in its compile, event and channel-creation calls) runs on the performing thread between cycles, and this
    /// call waits for it: in the performance thread's ordered stream while it plays, else handed to the runtime loop.
    /// False when the caller may (and should) call Csound itself.
    /// </summary>
    private bool OnPerformingThread(Action<Csound> work)
    {
        if (CallbackScope.IsInside(_state))
        {
            return false; // already between cycles on the performing thread
        }
        if (_state.Thread is { IsPlaying: true } thread)
        {
            Task<bool> done = thread.InvokeAsync(c =>
            {
                work(c);
                return true;
            });
            try
            {
                done.GetAwaiter().GetResult();
            }
            catch (InvalidOperationException) when (thread.HasEnded)
            {
                return false; // the performance ended meanwhile: run it here
            }
            return true;
        }
        if (_state.RuntimeLoops > 0)
        {
            _state.BetweenCycles.Run(() => work(this), _state);
            return true;
        }
        return false;
    }

    private unsafe delegate int TextCall(sbyte* text);

    private unsafe void CheckedText(string operation, string text, TextCall call)
    {
        Checked(operation, () =>
        {
            using var utf8 = new Utf8Text(text);
            fixed (sbyte* p = utf8)
            {
                return call(p);
            }
        }, compile: true);
        _state.MarkCompiled();
    }

    // Runs a call while capturing what Csound prints on this thread; a non-zero result goes through the error funnel.
    private void Checked(string operation, Func<int> call, bool compile)
    {
        try
        {
            using var scope = MessageCapture.Begin(_state);
            int result = call();
            if (result != 0)
            {
                throw ErrorFunnel.Fail(operation, result, scope.Capture, compile);
            }
        }
        finally
        {
            _state.RunDeferredDispose();
        }
    }
}
