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

    /// <summary>The error lines among the captured ones; when Csound marked none as errors, its last lines of output.</summary>
    internal static string ErrorText(List<(MessageAttributes Attributes, string Line)> lines)
    {
        var errors = lines.Where(l => (l.Attributes & MessageAttributes.TypeMask) == MessageAttributes.Error)
            .Select(l => Clean(l.Line)).Where(l => l.Length > 0).ToList();
        if (errors.Count == 0)
        {
            // Some Csound paths print their error as an ordinary message right before failing.
            errors = lines.Select(l => Clean(l.Line)).Where(l => l.Length > 0).TakeLast(3).ToList();
        }
        return string.Join("\n", errors.Distinct());
    }

    // Csound 7 prints "error:  error: ..." for parser errors; one prefix is enough.
    private static string Clean(string line)
    {
        string trimmed = line.Trim();
        while (trimmed.StartsWith("error:  error:", StringComparison.Ordinal))
        {
            trimmed = trimmed["error: ".Length..].TrimStart();
        }
        return trimmed;
    }
}
