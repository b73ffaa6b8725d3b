using System;
using Microsoft.Extensions.Logging;

namespace CsoundBindings.Messages;

/// <summary>
/// The log level of one whole line. Csound's attribute says which stream a message was printed to, not how bad it is:
/// it prints its banner, the orchestra's rates and "SECTION 1:" as errors (they go to stderr). So an error-typed line is
/// an error only when its words say so (or it continues the error report above it); otherwise it is information.
/// </summary>
internal static class MessageLevels
{
    private static readonly string[] ErrorWords =
    [
        "error", "failed", "failure", "cannot", "can't", "could not", "not found", "unable", "invalid", "illegal",
        "unexpected", "undefined", "unknown", "no such", "aborted", "segmentation",
    ];

    /// <summary>The level of <paramref name="line"/>; <paramref name="previous"/> is the level of the line before it.</summary>
    public static LogLevel Of(MessageAttributes attributes, string line, LogLevel previous)
    {
        MessageAttributes type = attributes & MessageAttributes.TypeMask;
        if (type == MessageAttributes.Warning || line.StartsWith("WARNING", StringComparison.OrdinalIgnoreCase))
        {
            return LogLevel.Warning;
        }
        if (type == MessageAttributes.Realtime)
        {
            return LogLevel.Debug;
        }
        if (type != MessageAttributes.Error)
        {
            return LogLevel.Information;
        }
        foreach (string word in ErrorWords)
        {
            if (line.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return LogLevel.Error;
            }
        }
        // The lines of one error report that name no error themselves: " line 2:", " >>> xx yy <<<", "Line 1".
        bool continuation = line.Length > 0 && (char.IsWhiteSpace(line[0]) || line.StartsWith(">>>", StringComparison.Ordinal)
            || line.StartsWith("line ", StringComparison.OrdinalIgnoreCase));
        return previous == LogLevel.Error && continuation ? LogLevel.Error : LogLevel.Information;
    }
}
