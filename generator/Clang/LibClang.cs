using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

[assembly: DisableRuntimeMarshalling]

namespace CsoundBindings.Generator.Clang;

/// <summary>
/// The small slice of libclang's C API the generator needs. Every signature is blittable;
/// the helpers below own the only places where libclang strings and lists are converted and freed.
/// </summary>
internal static unsafe partial class LibClang
{
    private const string Lib = "libclang";

    [DllImport(Lib)] public static extern nint clang_createIndex(int excludeDeclarationsFromPch, int displayDiagnostics);
    [DllImport(Lib)] public static extern void clang_disposeIndex(nint index);
    [DllImport(Lib)] public static extern int clang_parseTranslationUnit2(nint index, byte* sourceFilename, byte** args, int numArgs, CXUnsavedFile* unsaved, uint numUnsaved, uint options, nint* translationUnit);
    [DllImport(Lib)] public static extern void clang_disposeTranslationUnit(nint translationUnit);
    [DllImport(Lib)] public static extern uint clang_getNumDiagnostics(nint translationUnit);
    [DllImport(Lib)] public static extern nint clang_getDiagnostic(nint translationUnit, uint index);
    [DllImport(Lib)] public static extern int clang_getDiagnosticSeverity(nint diagnostic);
    [DllImport(Lib)] public static extern CXString clang_formatDiagnostic(nint diagnostic, uint options);
    [DllImport(Lib)] public static extern CXSourceLocation clang_getDiagnosticLocation(nint diagnostic);
    [DllImport(Lib)] public static extern void clang_disposeDiagnostic(nint diagnostic);
    [DllImport(Lib)] public static extern CXCursor clang_getTranslationUnitCursor(nint translationUnit);
    [DllImport(Lib)] public static extern uint clang_visitChildren(CXCursor parent, delegate* unmanaged<CXCursor, CXCursor, nint, int> visitor, nint clientData);
    [DllImport(Lib)] public static extern CXString clang_getCursorSpelling(CXCursor cursor);
    [DllImport(Lib)] public static extern CXType clang_getCursorType(CXCursor cursor);
    [DllImport(Lib)] public static extern CXSourceLocation clang_getCursorLocation(CXCursor cursor);
    [DllImport(Lib)] public static extern CXSourceRange clang_getCursorExtent(CXCursor cursor);
    [DllImport(Lib)] public static extern void clang_getFileLocation(CXSourceLocation location, nint* file, uint* line, uint* column, uint* offset);
    [DllImport(Lib)] public static extern CXString clang_getFileName(nint file);
    [DllImport(Lib)] public static extern CXString clang_getTypeSpelling(CXType type);
    [DllImport(Lib)] public static extern CXType clang_getCanonicalType(CXType type);
    [DllImport(Lib)] public static extern CXType clang_getPointeeType(CXType type);
    [DllImport(Lib)] public static extern CXType clang_getResultType(CXType type);
    [DllImport(Lib)] public static extern int clang_getNumArgTypes(CXType type);
    [DllImport(Lib)] public static extern CXType clang_getArgType(CXType type, uint index);
    [DllImport(Lib)] public static extern uint clang_isFunctionTypeVariadic(CXType type);
    [DllImport(Lib)] public static extern uint clang_isConstQualifiedType(CXType type);
    [DllImport(Lib)] public static extern CXType clang_getTypedefDeclUnderlyingType(CXCursor cursor);
    [DllImport(Lib)] public static extern long clang_getEnumConstantDeclValue(CXCursor cursor);
    [DllImport(Lib)] public static extern CXType clang_getEnumDeclIntegerType(CXCursor cursor);
    [DllImport(Lib)] public static extern long clang_Type_getSizeOf(CXType type);
    [DllImport(Lib)] public static extern long clang_Type_getAlignOf(CXType type);
    [DllImport(Lib)] public static extern long clang_Cursor_getOffsetOfField(CXCursor cursor);
    [DllImport(Lib)] public static extern CXType clang_getArrayElementType(CXType type);
    [DllImport(Lib)] public static extern long clang_getArraySize(CXType type);
    [DllImport(Lib)] public static extern CXCursor clang_getTypeDeclaration(CXType type);
    [DllImport(Lib)] public static extern uint clang_Cursor_isAnonymous(CXCursor cursor);
    [DllImport(Lib)] public static extern uint clang_Cursor_isAnonymousRecordDecl(CXCursor cursor);
    [DllImport(Lib)] public static extern uint clang_Cursor_isBitField(CXCursor cursor);
    [DllImport(Lib)] public static extern uint clang_isCursorDefinition(CXCursor cursor);
    [DllImport(Lib)] public static extern CXType clang_Type_getNamedType(CXType type);
    [DllImport(Lib)] public static extern CXType clang_Type_getModifiedType(CXType type);
    [DllImport(Lib)] public static extern uint clang_Cursor_isMacroFunctionLike(CXCursor cursor);
    [DllImport(Lib)] public static extern void clang_tokenize(nint translationUnit, CXSourceRange range, CXToken** tokens, uint* numTokens);
    [DllImport(Lib)] public static extern CXString clang_getTokenSpelling(nint translationUnit, CXToken token);
    [DllImport(Lib)] public static extern CXTokenKind clang_getTokenKind(CXToken token);
    [DllImport(Lib)] public static extern void clang_disposeTokens(nint translationUnit, CXToken* tokens, uint numTokens);
    [DllImport(Lib)] public static extern nint clang_Cursor_Evaluate(CXCursor cursor);
    [DllImport(Lib)] public static extern CXEvalResultKind clang_EvalResult_getKind(nint result);
    [DllImport(Lib)] public static extern long clang_EvalResult_getAsLongLong(nint result);
    [DllImport(Lib)] public static extern uint clang_EvalResult_isUnsignedInt(nint result);
    [DllImport(Lib)] public static extern ulong clang_EvalResult_getAsUnsigned(nint result);
    [DllImport(Lib)] public static extern double clang_EvalResult_getAsDouble(nint result);
    [DllImport(Lib)] public static extern byte* clang_EvalResult_getAsStr(nint result);
    [DllImport(Lib)] public static extern void clang_EvalResult_dispose(nint result);
    [DllImport(Lib)] private static extern byte* clang_getCString(CXString value);
    [DllImport(Lib)] private static extern void clang_disposeString(CXString value);

    /// <summary>Converts a libclang string to managed and frees it.</summary>
    public static string Take(CXString value)
    {
        try
        {
            byte* p = clang_getCString(value);
            return p == null ? string.Empty : Marshal.PtrToStringUTF8((nint)p) ?? string.Empty;
        }
        finally
        {
            clang_disposeString(value);
        }
    }

    /// <summary>The direct children of a cursor, in source order.</summary>
    public static List<CXCursor> Children(CXCursor parent)
    {
        var list = new List<CXCursor>();
        var handle = GCHandle.Alloc(list);
        try
        {
            _ = clang_visitChildren(parent, &Collect, GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
        }
        return list;
    }

    [UnmanagedCallersOnly]
    private static int Collect(CXCursor cursor, CXCursor parent, nint data)
    {
        ((List<CXCursor>)GCHandle.FromIntPtr(data).Target!).Add(cursor);
        return 1; // CXChildVisit_Continue
    }

    /// <summary>Spelling of a cursor.</summary>
    public static string Spelling(CXCursor cursor) => Take(clang_getCursorSpelling(cursor));

    /// <summary>Spelling of a type.</summary>
    public static string Spelling(CXType type) => Take(clang_getTypeSpelling(type));

    /// <summary>File path and line of a source location (empty path for built-ins).</summary>
    public static (string File, uint Line) Location(CXSourceLocation location)
    {
        nint file;
        uint line, column, offset;
        clang_getFileLocation(location, &file, &line, &column, &offset);
        return (file == 0 ? string.Empty : Take(clang_getFileName(file)), line);
    }

    /// <summary>The tokens of a cursor's extent, with their kinds.</summary>
    public static List<(CXTokenKind Kind, string Text)> Tokens(nint translationUnit, CXCursor cursor)
    {
        CXToken* tokens;
        uint count;
        clang_tokenize(translationUnit, clang_getCursorExtent(cursor), &tokens, &count);
        var result = new List<(CXTokenKind, string)>((int)count);
        try
        {
            for (uint i = 0; i < count; i++)
            {
                result.Add((clang_getTokenKind(tokens[i]), Take(clang_getTokenSpelling(translationUnit, tokens[i]))));
            }
        }
        finally
        {
            if (tokens != null)
            {
                clang_disposeTokens(translationUnit, tokens, count);
            }
        }
        return result;
    }
}

/// <summary>libclang's offset lookup by field name (follows anonymous members).</summary>
internal static unsafe class LibClangOffsets
{
    [DllImport("libclang")] public static extern long clang_Type_getOffsetOf(CXType type, byte* fieldName);
}
