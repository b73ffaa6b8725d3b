using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;

namespace CsoundBindings.Generator.Clang;

/// <summary>A diagnostic clang reported while parsing.</summary>
internal sealed record ClangDiagnostic(int Severity, string File, uint Line, string Text)
{
    /// <summary>True for errors and fatal errors.</summary>
    public bool IsError => Severity >= 3;
}

/// <summary>One parsed translation unit: owns the libclang index and unit, frees both on dispose.</summary>
internal sealed unsafe class TranslationUnit : IDisposable
{
    private const uint DetailedPreprocessingRecord = 0x01;
    private const uint SkipFunctionBodies = 0x40;

    private nint _index;
    private nint _unit;

    private TranslationUnit(nint index, nint unit, IReadOnlyList<ClangDiagnostic> diagnostics)
    {
        _index = index;
        _unit = unit;
        Diagnostics = diagnostics;
    }

    /// <summary>Raw unit handle for token and evaluation calls.</summary>
    public nint Handle => _unit;

    /// <summary>Everything clang reported.</summary>
    public IReadOnlyList<ClangDiagnostic> Diagnostics { get; }

    /// <summary>The root cursor.</summary>
    public CXCursor Cursor => LibClang.clang_getTranslationUnitCursor(_unit);

    /// <summary>Parses <paramref name="mainFile"/> whose text is given in memory.</summary>
    public static TranslationUnit Parse(string mainFile, string contents, IReadOnlyList<string> arguments)
    {
        nint index = LibClang.clang_createIndex(0, 0);
        var pinned = new List<nint>();
        try
        {
            byte* Utf8(string s)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(s + "\0");
                nint mem = Marshal.AllocHGlobal(bytes.Length);
                Marshal.Copy(bytes, 0, mem, bytes.Length);
                pinned.Add(mem);
                return (byte*)mem;
            }

            byte** args = stackalloc byte*[arguments.Count];
            for (int i = 0; i < arguments.Count; i++)
            {
                args[i] = Utf8(arguments[i]);
            }
            var unsaved = new CXUnsavedFile
            {
                Filename = Utf8(mainFile),
                Contents = Utf8(contents),
                Length = (nuint)Encoding.UTF8.GetByteCount(contents),
            };
            nint unit;
            int error = LibClang.clang_parseTranslationUnit2(index, unsaved.Filename, args, arguments.Count, &unsaved, 1,
                DetailedPreprocessingRecord | SkipFunctionBodies, &unit);
            if (error != 0)
            {
                LibClang.clang_disposeIndex(index);
                throw new InvalidOperationException($"libclang could not parse {mainFile} (CXErrorCode {error}).");
            }
            return new TranslationUnit(index, unit, ReadDiagnostics(unit));
        }
        finally
        {
            foreach (nint mem in pinned)
            {
                Marshal.FreeHGlobal(mem);
            }
        }
    }

    private static List<ClangDiagnostic> ReadDiagnostics(nint unit)
    {
        var list = new List<ClangDiagnostic>();
        uint count = LibClang.clang_getNumDiagnostics(unit);
        for (uint i = 0; i < count; i++)
        {
            nint diagnostic = LibClang.clang_getDiagnostic(unit, i);
            try
            {
                var (file, line) = LibClang.Location(LibClang.clang_getDiagnosticLocation(diagnostic));
                list.Add(new ClangDiagnostic(
                    LibClang.clang_getDiagnosticSeverity(diagnostic),
                    file,
                    line,
                    LibClang.Take(LibClang.clang_formatDiagnostic(diagnostic, 0x1 | 0x2 | 0x4))));
            }
            finally
            {
                LibClang.clang_disposeDiagnostic(diagnostic);
            }
        }
        return list;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_unit != 0)
        {
            LibClang.clang_disposeTranslationUnit(_unit);
            _unit = 0;
        }
        if (_index != 0)
        {
            LibClang.clang_disposeIndex(_index);
            _index = 0;
        }
    }
}
