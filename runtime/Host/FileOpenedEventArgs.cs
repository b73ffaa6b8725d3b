using System;

namespace CsoundBindings;

/// <summary>A file Csound opened (orchestras, scores, includes, sound files, analysis files, the output file).</summary>
public sealed class FileOpenedEventArgs : EventArgs
{
    internal FileOpenedEventArgs(string path, int type, string typeName, bool isWrite, bool isTemporary)
    {
        Path = path;
        Type = type;
        TypeName = typeName;
        IsWrite = isWrite;
        IsTemporary = isTemporary;
    }

    /// <summary>The path as Csound opened it.</summary>
    public string Path { get; }

    /// <summary>Csound's file type number (<c>CSOUND_FILETYPES</c>).</summary>
    public int Type { get; }

    /// <summary>The file type's name, e.g. <c>WAVE</c>, <c>ORCHESTRA</c>, <c>SCO_INCLUDE</c>, <c>UNKNOWN</c>.</summary>
    public string TypeName { get; }

    /// <summary>True when Csound opened the file for writing.</summary>
    public bool IsWrite { get; }

    /// <summary>True for a temporary file Csound deletes when done.</summary>
    public bool IsTemporary { get; }
}
