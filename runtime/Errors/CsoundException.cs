using System;

namespace CsoundBindings;

/// <summary>A Csound call failed. <see cref="Code"/> is Csound's return code; the message carries Csound's own text.</summary>
public class CsoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CsoundException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CsoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public CsoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed call with Csound's return code and messages.</summary>
    public CsoundException(string operation, int code, string csoundText)
        : base(Compose(operation, code, csoundText))
    {
        Code = code;
        CsoundText = csoundText;
    }

    /// <summary>Csound's return code (negative: see <see cref="CsoundStatus"/>).</summary>
    public int Code { get; }

    /// <summary>What Csound printed while the failing call ran.</summary>
    public string CsoundText { get; } = string.Empty;

    /// <summary>The code as a <see cref="CsoundStatus"/>.</summary>
    public CsoundStatus Status => (CsoundStatus)Code;

    private static string Compose(string operation, int code, string text)
    {
        string status = Enum.IsDefined((CsoundStatus)code) ? ((CsoundStatus)code).ToString() : code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string trimmed = text.Trim();
        // The cause first (Csound's own words), then which call failed.
        return trimmed.Length == 0 ? $"{operation} failed ({status})." : $"{trimmed} ({operation} failed: {status})";
    }
}

/// <summary>An orchestra, CSD or score did not compile. The instance stays usable for a corrected compile.</summary>
public sealed class CsoundCompileException : CsoundException
{
    /// <summary>Creates the exception.</summary>
    public CsoundCompileException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CsoundCompileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public CsoundCompileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with Csound's return code and the error lines it printed.</summary>
    public CsoundCompileException(string operation, int code, string csoundText)
        : base(operation, code, csoundText)
    {
    }
}

/// <summary>No Csound library could be loaded. The message lists every place tried and how to install Csound.</summary>
public sealed class CsoundNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CsoundNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CsoundNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public CsoundNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Csound's status codes.</summary>
public enum CsoundStatus
{
    /// <summary>Completed.</summary>
    Success = 0,

    /// <summary>Unspecified failure.</summary>
    Error = -1,

    /// <summary>Failed during initialization.</summary>
    Initialization = -2,

    /// <summary>Failed during performance.</summary>
    Performance = -3,

    /// <summary>Out of memory.</summary>
    Memory = -4,

    /// <summary>Termination requested by a signal.</summary>
    Signal = -5,
}
