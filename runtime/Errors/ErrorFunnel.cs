using System;
using System.Collections.Generic;
using System.Linq;
using CsoundBindings.Messages;

namespace CsoundBindings;

/// <summary>
/// The one route from a native status code to an exception. The text is what Csound printed as errors during the
/// failing call (lines with the <see cref="MessageAttributes.Error"/> attribute), cause first; the banner and
/// ordinary messages are left out.
/// </summary>
internal static class ErrorFunnel
{
    /// <summary>Builds the exception for a failed call (compile failures as <see cref="CsoundCompileException"/>).</summary>
    public static CsoundException Fail(string operation, int code, MessageCapture? capture, bool compile, string fallback = "")
    {
        string text = capture is null ? string.Empty : ErrorText(capture.Lines());
        if (text.Length == 0)
        {
            text = fallback;
        }
        return compile ? new CsoundCompileException(operation, code, text) : new CsoundException(operation, code, text);
    }

    // Csound prints nearly everything, its banner included, with the error attribute (it writes to stderr); the cause
    // is the first error-typed line phrased as a failure, and what follows it is its context.
    private static readonly string[] FailureWords =
        ["error", "fail", "cannot", "can't", "unable", "not found", "invalid", "unknown", "unexpected", "illegal", "no such", "could not", "***"];

    /// <summary>
    /// The cause and its context: error-typed lines from the first one that reads as a failure on; when none does,
    /// the last error-typed lines; when Csound marked nothing as an error, its last lines of output.
    /// </summary>
    internal static string ErrorText(List<(MessageAttributes Attributes, string Line)> lines)
    {
        var errors = lines.Where(l => (l.Attributes & MessageAttributes.TypeMask) == MessageAttributes.Error)
            .Select(l => Clean(l.Line)).Where(l => l.Length > 0).ToList();
        if (errors.Count == 0)
        {
            errors = lines.Select(l => Clean(l.Line)).Where(l => l.Length > 0).ToList();
        }
        int cause = errors.FindIndex(IsFailure);
        IEnumerable<string> chosen = cause >= 0 ? errors.Skip(cause) : errors.TakeLast(3);
        return string.Join("\n", chosen.Distinct());
    }

    private static bool IsFailure(string line) =>
        FailureWords.Any(w => line.Contains(w, StringComparison.OrdinalIgnoreCase)) && !line.EndsWith("errors in performance", StringComparison.Ordinal);

    // One prefix is enough ("error:  error: ..." on Csound 7), and the "***" Csound puts before a failure is not part of it.
    private static string Clean(string line)
    {
        string trimmed = line.Trim();
        while (trimmed.StartsWith("error:  error:", StringComparison.Ordinal))
        {
            trimmed = trimmed["error: ".Length..].TrimStart();
        }
        if (trimmed.StartsWith("***", StringComparison.Ordinal))
        {
            trimmed = trimmed.TrimStart('*').TrimStart();
        }
        return trimmed;
    }
}
