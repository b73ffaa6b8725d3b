using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CsoundBindings.Tests.Messages;

/// <summary>Whole lines through <see cref="Csound.Message"/> and the <see cref="ILogger"/> bridge, with levels that mean something.</summary>
public sealed class LoggingTests
{
    private const string Orchestra = "sr=44100\nksmps=64\nnchnls=1\n0dbfs=1\ninstr 1\n print p4\n prints \"from the orchestra\\n\"\nendin\n";

    private sealed record Entry(string Category, LogLevel Level, int EventId, string Text);

    private sealed class CapturingFactory : ILoggerFactory
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void AddProvider(ILoggerProvider provider) { }

        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new Entry(category, logLevel, eventId.Id, formatter(state, exception)));
        }
    }

    private static void Play(Csound cs)
    {
        cs.SetOption("-n");
        Assert.Throws<CsoundCompileException>(() => cs.CompileOrc("instr 2\n xx yy\nendin\n"));
        cs.CompileOrc(Orchestra);
        cs.ScoreEvent('i', 1, 0, 0.05, 3);
        cs.SetEndMarker(0.1);
        cs.Start();
        while (!cs.PerformKsmps())
        {
        }
    }

    [Fact]
    public void TheMessageEventGetsWholeLines()
    {
        var texts = new List<string>();
        using (var cs = new Csound())
        {
            cs.Message += (_, e) => texts.Add(e.Text);
            Play(cs);
        }
        Assert.NotEmpty(texts);
        foreach (string text in texts)
        {
            int newline = text.IndexOf('\n', StringComparison.Ordinal);
            Assert.True(newline == -1 || newline == text.Length - 1, $"not one line: '{text}'");
        }
        Assert.All(texts.Take(texts.Count - 1), t => Assert.EndsWith("\n", t, StringComparison.Ordinal));
        // Csound 6's parser prints this one in ten fragments; Csound 7 reports the error differently.
        Assert.Contains(texts, t => Support.TestEngine.IsApi7
            ? t.Contains("Variable 'yy' used before defined", StringComparison.Ordinal)
            : t.Contains(">>>", StringComparison.Ordinal) && t.Contains("xx yy", StringComparison.Ordinal) && t.Contains("<<<", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("from the orchestra", StringComparison.Ordinal));
    }

    [Fact]
    public void TheLoggerGetsLevelsFromTheLinesAndACategoryPerEngine()
    {
        using var factory = new CapturingFactory();
        using var first = new Csound();
        using var second = new Csound();
        first.LogTo(factory);
        second.LogTo(factory);
        Assert.NotEqual(first.EngineId, second.EngineId);
        Play(first);
        second.SetOption("-n");
        second.CompileOrc(Orchestra);
        second.Start();
        second.PerformKsmps();
        Entry[] entries = factory.Entries.ToArray();
        Entry[] ofFirst = entries.Where(e => e.Category == $"CsoundBindings.Csound.{first.EngineId}").ToArray();
        Assert.NotEmpty(ofFirst);
        Assert.Contains(entries, e => e.Category == $"CsoundBindings.Csound.{second.EngineId}");
        Assert.All(entries, e => Assert.DoesNotContain("\n", e.Text, StringComparison.Ordinal));
        // Csound prints these through its error stream; they are not errors.
        Entry[] notErrors = ofFirst.Where(e => e.Text.StartsWith("SECTION 1:", StringComparison.Ordinal) || e.Text.Contains("sr = 44100", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(notErrors);
        Assert.All(notErrors, e => Assert.Equal(LogLevel.Information, e.Level));
        Assert.Contains(ofFirst, e => e.Level == LogLevel.Error && e.Text.StartsWith("error:", StringComparison.Ordinal));
        // The report's continuation line, which names no error itself.
        Assert.Contains(ofFirst, e => e.Level == LogLevel.Error && (Support.TestEngine.IsApi7 ? e.Text == "Line 1" : e.Text.Contains(">>>", StringComparison.Ordinal)));
        Assert.Contains(ofFirst, e => e.Level == LogLevel.Information && e.Text.Contains("from the orchestra", StringComparison.Ordinal));
        Assert.Contains(ofFirst, e => e.EventId == (int)MessageAttributes.Error);
    }
}
