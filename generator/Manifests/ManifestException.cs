using System;

namespace CsoundBindings.Generator;

/// <summary>
/// A manifest the generator will not run with: what is wrong and what to change, in one line. The tool exits with
/// code 2 (usage error) for it, never with a stack trace.
/// </summary>
public sealed class ManifestException : Exception
{
    /// <summary>Creates the exception for a manifest file.</summary>
    public ManifestException(string path, string problem)
        : base($"{path}: {problem}")
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>Creates the exception.</summary>
    public ManifestException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ManifestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The manifest file.</summary>
    public string Path { get; } = string.Empty;

    /// <summary>What is wrong and what to change.</summary>
    public string Problem { get; } = string.Empty;
}
