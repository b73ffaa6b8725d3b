using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CsoundBindings.Generator.Clang;
using CsoundBindings.Generator.Model;

namespace CsoundBindings.Generator.Parsing;

/// <summary>Thrown when clang reports an error in the headers.</summary>
public sealed class HeaderParseException(string message) : Exception(message);

/// <summary>Reads the headers of a manifest with libclang and builds the <see cref="ApiModel"/>.</summary>
public sealed class HeaderParser
{
    private const string EntryFile = "csoundbindings_entry.c";
    private const string ProbePrefix = "csoundbindings_probe_";

    private readonly Manifest _manifest;
    private readonly Dictionary<string, (string Library, string Header)> _scope = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _recordNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _enumNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _callbackNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FunctionDef> _functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumDef> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecordDef> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CallbackDef> _callbacks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypedefDef> _typedefs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConstantDef> _constants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SkippedItem> _skipped = new(StringComparer.Ordinal);
    private readonly List<(string Name, string Header)> _macroCandidates = new();

    private HeaderParser(Manifest manifest)
    {
        _manifest = manifest;
        manifest.CheckHeaderScope();
        foreach (ManifestSource source in manifest.Sources)
        {
            foreach (string header in source.Declares)
            {
                _scope[Path.GetFullPath(manifest.ResolveHeader(header))] = (source.Library, header);
            }
        }
    }

    /// <summary>Parses the manifest's headers into a model.</summary>
    public static ApiModel Parse(Manifest manifest) => new HeaderParser(manifest).Run();

    private string EntrySource() =>
        string.Concat(_manifest.Sources.Select(s => $"#include \"{s.Include}\"\n"));

    private ApiModel Run()
    {
        using (TranslationUnit unit = TranslationUnit.Parse(EntryFile, EntrySource(), _manifest.ClangArguments()))
        {
            ThrowOnErrors(unit);
            List<CXCursor> top = LibClang.Children(unit.Cursor);
            NameTypes(top);
            foreach (CXCursor cursor in top)
            {
                Visit(unit, cursor);
            }
        }
        EvaluateMacros();
        return Build();
    }

    private static void ThrowOnErrors(TranslationUnit unit)
    {
        var errors = unit.Diagnostics.Where(d => d.IsError).Select(d => d.Text).ToList();
        if (errors.Count > 0)
        {
            throw new HeaderParseException("clang reported errors:\n" + string.Join("\n", errors));
        }
    }

    private (string Library, string Header)? ScopeOf(CXCursor cursor)
    {
        var (file, _) = LibClang.Location(LibClang.clang_getCursorLocation(cursor));
        return file.Length > 0 && _scope.TryGetValue(Path.GetFullPath(file), out var s) ? s : null;
    }

    private static string CanonicalKey(CXType type) => LibClang.Spelling(LibClang.clang_getCanonicalType(type));

    // First pass: typedef names give anonymous (and tagged) records and enums their C# names.
    private void NameTypes(List<CXCursor> top)
    {
        foreach (CXCursor cursor in top)
        {
            if (cursor.Kind != CXCursorKind.TypedefDecl || ScopeOf(cursor) is null)
            {
                continue;
            }
            string name = LibClang.Spelling(cursor);
            CXType underlying = LibClang.clang_getTypedefDeclUnderlyingType(cursor);
            CXType canonical = LibClang.clang_getCanonicalType(underlying);
            string key = LibClang.Spelling(canonical);
            if (canonical.Kind == CXTypeKind.Record)
            {
                _recordNames.TryAdd(key, name);
            }
            else if (canonical.Kind == CXTypeKind.Enum)
            {
                _enumNames.TryAdd(key, name);
            }
            else if (canonical.Kind == CXTypeKind.Pointer && IsFunction(LibClang.clang_getPointeeType(canonical)))
            {
                _callbackNames.Add(name);
            }
        }
    }

    private static bool IsFunction(CXType type) => type.Kind is CXTypeKind.FunctionProto or CXTypeKind.FunctionNoProto;

    private void Visit(TranslationUnit unit, CXCursor cursor)
    {
        if (ScopeOf(cursor) is not { } scope)
        {
            return;
        }
        switch (cursor.Kind)
        {
            case CXCursorKind.FunctionDecl:
                AddFunction(cursor, scope.Library, scope.Header);
                break;
            case CXCursorKind.TypedefDecl:
                AddTypedef(cursor, scope.Header);
                break;
            case CXCursorKind.StructDecl:
            case CXCursorKind.UnionDecl:
                AddRecord(cursor, scope.Header, null);
                break;
            case CXCursorKind.EnumDecl:
                AddEnum(cursor, scope.Header);
                break;
            case CXCursorKind.MacroDefinition:
                AddMacro(unit, cursor, scope.Header);
                break;
        }
    }

    private void Skip(string name, string kind, string reason) => _skipped.TryAdd(kind + ":" + name, new SkippedItem(name, kind, reason));

    private void AddFunction(CXCursor cursor, string library, string header)
    {
        string name = LibClang.Spelling(cursor);
        if (_functions.ContainsKey(name))
        {
            return;
        }
        CXType type = LibClang.clang_getCursorType(cursor);
        if (type.Kind == CXTypeKind.FunctionProto && LibClang.clang_isFunctionTypeVariadic(type) != 0)
        {
            Skip(name, "function", "variadic (C '...' arguments cannot be called portably from C#; use the non-variadic variant)");
            return;
        }
        var parameters = new List<Parameter>();
        int count = LibClang.clang_getNumArgTypes(type);
        List<CXCursor> args = LibClang.Children(cursor).Where(c => c.Kind == CXCursorKind.ParmDecl).ToList();
        for (int i = 0; i < count; i++)
        {
            string paramName = i < args.Count ? LibClang.Spelling(args[i]) : string.Empty;
            parameters.Add(new Parameter(paramName.Length == 0 ? $"param{i}" : paramName, Convert(LibClang.clang_getArgType(type, (uint)i))));
        }
        NativeType returns = Convert(LibClang.clang_getResultType(type));
        if (MentionsVariadic(returns) || parameters.Any(p => MentionsVariadic(p.Type)))
        {
            Skip(name, "function", "takes a variadic function pointer (C '...' has no portable C# form)");
            return;
        }
        if (Unmappable(parameters.Select(p => p.Type).Prepend(returns)) is { } unmappable)
        {
            Skip(name, "function", $"type '{unmappable}' has no blittable C# form ({Where(cursor)})");
            return;
        }
        _functions[name] = new FunctionDef(name, library, header, returns, parameters);
    }

    // A function pointer with C '...' arguments somewhere in the type. (A va_list itself is bound as an opaque pointer.)
    private static bool MentionsVariadic(NativeType type) =>
        type.Kind == "variadic"
        || (type.Element is { } e && MentionsVariadic(e))
        || (type.Returns is { } r && MentionsVariadic(r))
        || (type.Parameters?.Any(MentionsVariadic) ?? false);

    // The first builtin type in these that C# has no blittable form for (long double, __int128, ...), or null.
    private static string? Unmappable(IEnumerable<NativeType> types)
    {
        foreach (NativeType type in types)
        {
            if (type.Kind == "builtin" && !BuiltinTypes.IsMappable(type.Name!))
            {
                return type.Name;
            }
            var inner = new[] { type.Element, type.Underlying, type.Returns }.Where(t => t is not null).Select(t => t!).Concat(type.Parameters ?? []);
            if (Unmappable(inner) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    private static string Where(CXCursor cursor)
    {
        var (file, line) = LibClang.Location(LibClang.clang_getCursorLocation(cursor));
        return $"{Path.GetFileName(file)}:{line}";
    }

    private void AddTypedef(CXCursor cursor, string header)
    {
        string name = LibClang.Spelling(cursor);
        CXType underlying = LibClang.clang_getTypedefDeclUnderlyingType(cursor);
        CXType canonical = LibClang.clang_getCanonicalType(underlying);
        switch (canonical.Kind)
        {
            case CXTypeKind.Record:
            case CXTypeKind.Enum:
                return; // named through NameTypes; the record or enum itself is emitted
            case CXTypeKind.Pointer when IsFunction(LibClang.clang_getPointeeType(canonical)):
                NativeType function = Convert(LibClang.clang_getPointeeType(underlying.Kind == CXTypeKind.Pointer ? underlying : canonical));
                if (MentionsVariadic(function))
                {
                    Skip(name, "callback", "variadic function pointer");
                    return;
                }
                if (Unmappable([function]) is { } unmappable)
                {
                    Skip(name, "callback", $"type '{unmappable}' has no blittable C# form ({Where(cursor)})");
                    return;
                }
                var parameters = new List<Parameter>();
                var declared = LibClang.Children(cursor).Where(c => c.Kind == CXCursorKind.ParmDecl).Select(LibClang.Spelling).ToList();
                for (int i = 0; i < function.Parameters!.Count; i++)
                {
                    string p = i < declared.Count && declared[i].Length > 0 ? declared[i] : $"param{i}";
                    parameters.Add(new Parameter(p, function.Parameters[i]));
                }
                _callbacks[name] = new CallbackDef(name, header, function.Returns!, parameters);
                return;
            default:
                if (LibClang.clang_getPointeeType(canonical) is { Kind: CXTypeKind.FunctionProto } fp && LibClang.clang_isFunctionTypeVariadic(fp) != 0)
                {
                    Skip(name, "callback", "variadic function pointer");
                    return;
                }
                NativeType aliased = Convert(underlying);
                if (Unmappable([aliased]) is { } unmappableAlias)
                {
                    Skip(name, "typedef", $"type '{unmappableAlias}' has no blittable C# form ({Where(cursor)})");
                    return;
                }
                _typedefs[name] = new TypedefDef(name, header, aliased);
                return;
        }
    }

    private string RecordName(CXType recordType)
    {
        string key = CanonicalKey(recordType);
        if (_recordNames.TryGetValue(key, out string? name))
        {
            return name;
        }
        CXCursor decl = LibClang.clang_getTypeDeclaration(LibClang.clang_getCanonicalType(recordType));
        name = LibClang.clang_Cursor_isAnonymous(decl) != 0 ? key : LibClang.Spelling(decl);
        _recordNames[key] = name;
        return name;
    }

    private void AddRecord(CXCursor cursor, string header, string? forcedName)
    {
        CXType type = LibClang.clang_getCursorType(cursor);
        string key = CanonicalKey(type);
        if (forcedName is not null)
        {
            _recordNames[key] = forcedName;
        }
        else if (LibClang.clang_Cursor_isAnonymous(cursor) != 0 && !_recordNames.ContainsKey(key))
        {
            return; // an anonymous record that no typedef names: reached through its parent
        }
        string name = RecordName(type);
        bool isUnion = cursor.Kind == CXCursorKind.UnionDecl;
        bool defined = LibClang.clang_isCursorDefinition(cursor) != 0;
        if (!defined)
        {
            _records.TryAdd(name, new RecordDef(name, CleanSpelling(key, name), header, isUnion, true, 0, 0, Array.Empty<Field>()));
            return;
        }

        var fields = new List<Field>();
        int anonymous = 0;
        List<CXCursor> children = LibClang.Children(cursor);
        for (int i = 0; i < children.Count; i++)
        {
            CXCursor child = children[i];
            if (child.Kind is CXCursorKind.StructDecl or CXCursorKind.UnionDecl && LibClang.clang_isCursorDefinition(child) != 0)
            {
                bool anonymousMember = LibClang.clang_Cursor_isAnonymousRecordDecl(child) != 0;
                bool unnamedType = LibClang.clang_Cursor_isAnonymous(child) != 0;
                string kindSuffix = child.Kind == CXCursorKind.UnionDecl ? "Union" : "Struct";
                string nestedName;
                if (anonymousMember)
                {
                    anonymous++;
                    nestedName = $"{name}_Anonymous{anonymous}_{kindSuffix}";
                }
                else if (unnamedType)
                {
                    // Named by the field that follows it: struct { ... } field;
                    string fieldName = i + 1 < children.Count && children[i + 1].Kind == CXCursorKind.FieldDecl ? LibClang.Spelling(children[i + 1]) : $"Nested{i}";
                    nestedName = $"{name}_{fieldName}_{kindSuffix}";
                }
                else
                {
                    nestedName = LibClang.Spelling(child);
                }
                AddRecord(child, header, unnamedType ? nestedName : null);
                if (anonymousMember)
                {
                    CXType childType = LibClang.clang_getCursorType(child);
                    fields.Add(new Field(anonymous == 1 ? "Anonymous" : $"Anonymous{anonymous}", AnonymousOffset(cursor, child), Convert(childType)));
                }
            }
            else if (child.Kind == CXCursorKind.FieldDecl)
            {
                string fieldName = LibClang.Spelling(child);
                if (LibClang.clang_Cursor_isBitField(child) != 0)
                {
                    Skip(name, "record", $"bit field '{fieldName}': the record is emitted opaque with clang's size");
                    long size = LibClang.clang_Type_getSizeOf(type);
                    _records[name] = new RecordDef(name, CleanSpelling(key, name), header, isUnion, true, size, LibClang.clang_Type_getAlignOf(type), Array.Empty<Field>());
                    return;
                }
                NativeType fieldType = Convert(LibClang.clang_getCursorType(child));
                if (Unmappable([fieldType]) is { } unmappable)
                {
                    Skip(name, "record", $"field '{fieldName}' of type '{unmappable}' has no blittable C# form ({Where(child)}): the record is emitted opaque with clang's size");
                    _records[name] = new RecordDef(name, CleanSpelling(key, name), header, isUnion, true, LibClang.clang_Type_getSizeOf(type), LibClang.clang_Type_getAlignOf(type), Array.Empty<Field>());
                    return;
                }
                fields.Add(new Field(fieldName, LibClang.clang_Cursor_getOffsetOfField(child) / 8, fieldType));
            }
        }
        _records[name] = new RecordDef(name, CleanSpelling(key, name), header, isUnion, false,
            LibClang.clang_Type_getSizeOf(type), LibClang.clang_Type_getAlignOf(type), fields);
    }

    // An anonymous member has no field cursor: its offset is where its first field lands in the parent.
    private static long AnonymousOffset(CXCursor parent, CXCursor anonymous)
    {
        CXCursor first = LibClang.Children(anonymous).First(c => c.Kind == CXCursorKind.FieldDecl);
        long inChild = LibClang.clang_Cursor_getOffsetOfField(first);
        long inParent = clang_Type_getOffsetOf(LibClang.clang_getCursorType(parent), LibClang.Spelling(first));
        return (inParent - inChild) / 8;
    }

    private static unsafe long clang_Type_getOffsetOf(CXType type, string field)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(field + "\0");
        fixed (byte* p = bytes)
        {
            return LibClangOffsets.clang_Type_getOffsetOf(type, p);
        }
    }

    private void AddEnum(CXCursor cursor, string header)
    {
        CXType type = LibClang.clang_getCursorType(cursor);
        string key = CanonicalKey(type);
        var members = LibClang.Children(cursor)
            .Where(c => c.Kind == CXCursorKind.EnumConstantDecl)
            .Select(c => new EnumMember(LibClang.Spelling(c), LibClang.clang_getEnumConstantDeclValue(c)))
            .ToList();
        string underlying = LibClang.Spelling(LibClang.clang_getCanonicalType(LibClang.clang_getEnumDeclIntegerType(cursor)));
        string? name = _enumNames.GetValueOrDefault(key) ?? (LibClang.clang_Cursor_isAnonymous(cursor) != 0 ? null : LibClang.Spelling(cursor));
        if (name is null)
        {
            // An unnamed enum without typedef only introduces constants.
            foreach (EnumMember member in members)
            {
                _constants[member.Name] = new ConstantDef(member.Name, header, "int", underlying, member.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            return;
        }
        if (members.Count > 0 || !_enums.ContainsKey(name))
        {
            _enums[name] = new EnumDef(name, header, underlying, members);
        }
    }

    private void AddMacro(TranslationUnit unit, CXCursor cursor, string header)
    {
        string name = LibClang.Spelling(cursor);
        if (LibClang.clang_Cursor_isMacroFunctionLike(cursor) != 0)
        {
            Skip(name, "macro", "function-like macro");
            return;
        }
        var tokens = LibClang.Tokens(unit.Handle, cursor);
        if (tokens.Count <= 1)
        {
            Skip(name, "macro", "defined without a value (a flag or include guard)");
            return;
        }
        var body = tokens.Skip(1).ToList();
        if (body.All(t => t.Kind == CXTokenKind.Literal && t.Text.StartsWith('"')))
        {
            // clang does not evaluate a string through a pointer variable: read the literal tokens directly.
            _constants[name] = new ConstantDef(name, header, "string", "const char *", string.Concat(body.Select(t => CString.Unescape(t.Text))));
            return;
        }
        _macroCandidates.Add((name, header));
    }

    // Second parse: each candidate becomes `static __auto_type probe = (NAME);`; clang evaluates the ones that are
    // constant expressions. A line clang rejects drops its macro (listed with clang's words) and the probe is rerun.
    private void EvaluateMacros()
    {
        var pending = _macroCandidates.ToList();
        for (int attempt = 0; attempt < 8 && pending.Count > 0; attempt++)
        {
            var text = new StringBuilder(EntrySource());
            int firstLine = text.ToString().Count(c => c == '\n') + 1;
            foreach (var (name, _) in pending)
            {
                text.Append("static __auto_type ").Append(ProbePrefix).Append(name).Append(" = (").Append(name).Append(");\n");
            }
            using TranslationUnit unit = TranslationUnit.Parse(EntryFile, text.ToString(), _manifest.ClangArguments());
            var badLines = unit.Diagnostics
                .Where(d => d.IsError && d.File.EndsWith(EntryFile, StringComparison.Ordinal) && d.Line >= firstLine)
                .GroupBy(d => (int)d.Line - firstLine)
                .ToDictionary(g => g.Key, g => g.First().Text);
            if (badLines.Count > 0)
            {
                var keep = new List<(string, string)>();
                for (int i = 0; i < pending.Count; i++)
                {
                    if (badLines.TryGetValue(i, out string? why))
                    {
                        Skip(pending[i].Name, "macro", "not a constant expression: " + TrimDiagnostic(why));
                    }
                    else
                    {
                        keep.Add(pending[i]);
                    }
                }
                pending = keep;
                continue;
            }
            ThrowOnErrors(unit);
            var headers = pending.ToDictionary(p => p.Name, p => p.Header);
            foreach (CXCursor cursor in LibClang.Children(unit.Cursor))
            {
                if (cursor.Kind != CXCursorKind.VarDecl)
                {
                    continue;
                }
                string probe = LibClang.Spelling(cursor);
                if (!probe.StartsWith(ProbePrefix, StringComparison.Ordinal))
                {
                    continue;
                }
                string name = probe[ProbePrefix.Length..];
                ReadConstant(cursor, name, headers[name]);
            }
            return;
        }
    }

    private static string TrimDiagnostic(string text)
    {
        int at = text.IndexOf("error: ", StringComparison.Ordinal);
        return at >= 0 ? text[(at + 7)..] : text;
    }

    private unsafe void ReadConstant(CXCursor probe, string name, string header)
    {
        string ctype = LibClang.Spelling(LibClang.clang_getCanonicalType(LibClang.clang_getCursorType(probe)));
        nint result = LibClang.clang_Cursor_Evaluate(probe);
        if (result == 0)
        {
            Skip(name, "macro", $"clang cannot evaluate it ({ctype})");
            return;
        }
        try
        {
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            switch (LibClang.clang_EvalResult_getKind(result))
            {
                case CXEvalResultKind.Int:
                    string value = LibClang.clang_EvalResult_isUnsignedInt(result) != 0
                        ? LibClang.clang_EvalResult_getAsUnsigned(result).ToString(inv)
                        : LibClang.clang_EvalResult_getAsLongLong(result).ToString(inv);
                    _constants[name] = new ConstantDef(name, header, "int", ctype, value);
                    break;
                case CXEvalResultKind.Float:
                    _constants[name] = new ConstantDef(name, header, "float", ctype, LibClang.clang_EvalResult_getAsDouble(result).ToString("R", inv));
                    break;
                case CXEvalResultKind.StrLiteral:
                    string text = System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)LibClang.clang_EvalResult_getAsStr(result)) ?? string.Empty;
                    _constants[name] = new ConstantDef(name, header, "string", "const char *", text);
                    break;
                default:
                    Skip(name, "macro", $"value of type '{ctype}' is not an integer, float or string constant");
                    break;
            }
        }
        finally
        {
            LibClang.clang_EvalResult_dispose(result);
        }
    }

    private NativeType Convert(CXType type)
    {
        string spelling = SourceSpelling(LibClang.Spelling(type));
        switch (type.Kind)
        {
            case CXTypeKind.Elaborated:
                return Convert(LibClang.clang_Type_getNamedType(type)) with { Spelling = spelling };
            case CXTypeKind.Attributed:
                return Convert(LibClang.clang_Type_getModifiedType(type)) with { Spelling = spelling };
            case CXTypeKind.Void:
                return new NativeType { Kind = "void", Spelling = spelling };
            case CXTypeKind.Pointer:
                return new NativeType { Kind = "pointer", Spelling = spelling, Element = Convert(LibClang.clang_getPointeeType(type)) };
            case CXTypeKind.ConstantArray:
                return new NativeType { Kind = "array", Spelling = spelling, Element = Convert(LibClang.clang_getArrayElementType(type)), Length = LibClang.clang_getArraySize(type) };
            case CXTypeKind.IncompleteArray:
                return new NativeType { Kind = "pointer", Spelling = spelling, Element = Convert(LibClang.clang_getArrayElementType(type)) };
            case CXTypeKind.Record:
                string recordName = RecordName(type);
                return new NativeType { Kind = "record", Spelling = CleanSpelling(spelling, recordName), Name = recordName };
            case CXTypeKind.Enum:
                CXCursor enumDecl = LibClang.clang_getTypeDeclaration(type);
                CXType integer = LibClang.clang_getCanonicalType(LibClang.clang_getEnumDeclIntegerType(enumDecl));
                return new NativeType
                {
                    Kind = "enum",
                    Spelling = spelling,
                    Name = _enumNames.GetValueOrDefault(CanonicalKey(type)) ?? LibClang.Spelling(enumDecl),
                    // An enum from a header outside the scope is bound as its integer type, sign included.
                    Underlying = new NativeType { Kind = "builtin", Spelling = LibClang.Spelling(integer), Name = LibClang.Spelling(integer) },
                };
            case CXTypeKind.FunctionProto:
            case CXTypeKind.FunctionNoProto:
                var parameters = new List<NativeType>();
                int count = LibClang.clang_getNumArgTypes(type);
                for (int i = 0; i < count; i++)
                {
                    parameters.Add(Convert(LibClang.clang_getArgType(type, (uint)i)));
                }
                return new NativeType
                {
                    Kind = type.Kind == CXTypeKind.FunctionProto && LibClang.clang_isFunctionTypeVariadic(type) != 0 ? "variadic" : "function",
                    Spelling = spelling,
                    Returns = Convert(LibClang.clang_getResultType(type)),
                    Parameters = parameters,
                };
            case CXTypeKind.Typedef:
                return ConvertTypedef(type, spelling);
            default:
                CXType canonical = LibClang.clang_getCanonicalType(type);
                if (canonical.Kind != type.Kind)
                {
                    return Convert(canonical) with { Spelling = spelling };
                }
                return new NativeType { Kind = "builtin", Spelling = spelling, Name = LibClang.Spelling(canonical) };
        }
    }

    private NativeType ConvertTypedef(CXType type, string spelling)
    {
        CXCursor decl = LibClang.clang_getTypeDeclaration(type);
        string name = LibClang.Spelling(decl);
        if (name is "va_list" or "__builtin_va_list" or "__gnuc_va_list")
        {
            return new NativeType { Kind = "va_list", Spelling = spelling, Name = name };
        }
        CXType canonical = LibClang.clang_getCanonicalType(type);
        if (_callbackNames.Contains(name))
        {
            return new NativeType { Kind = "callback", Spelling = spelling, Name = name };
        }
        NativeType underlying = Convert(LibClang.clang_getTypedefDeclUnderlyingType(decl));
        return canonical.Kind switch
        {
            CXTypeKind.Record or CXTypeKind.Enum or CXTypeKind.Pointer or CXTypeKind.ConstantArray => underlying with { Spelling = spelling },
            _ when underlying.Kind == "va_list" => underlying,
            _ => new NativeType { Kind = "typedef", Spelling = spelling, Name = name, Underlying = underlying.Kind == "typedef" ? underlying.Underlying : underlying },
        };
    }

    // Inside a function type clang spells a va_list parameter as its x86-64 decay, "struct __va_list_tag *"; the
    // header wrote va_list, and the spelling must not depend on the target's ABI.
    private static string SourceSpelling(string spelling) =>
        spelling.Replace("struct __va_list_tag *", "va_list", StringComparison.Ordinal);

    // clang spells unnamed records with the absolute path of their header; the IR must not depend on the machine.
    private static string CleanSpelling(string spelling, string name) =>
        spelling.Contains("(unnamed", StringComparison.Ordinal) || spelling.Contains("(anonymous", StringComparison.Ordinal)
            ? (spelling.Contains("union", StringComparison.Ordinal) ? "union " : "struct ") + name
            : spelling;

    // Declarations the manifest excludes by name leave the model as listed skips; a name that matches nothing, or a
    // suppressGcTransition entry that is not a bound function, is a manifest error.
    private void ApplyExclusions()
    {
        foreach (var (name, reason) in _manifest.Exclude)
        {
            bool found = false;
            found |= Exclude(_functions, name, "function", reason);
            found |= Exclude(_records, name, "record", reason);
            found |= Exclude(_enums, name, "enum", reason);
            found |= Exclude(_callbacks, name, "callback", reason);
            found |= Exclude(_typedefs, name, "typedef", reason);
            found |= Exclude(_constants, name, "macro", reason);
            if (!found)
            {
                throw new ManifestException(_manifest.File, $"exclude names '{name}', which the declared headers do not declare (or which is already skipped); remove it or fix the spelling");
            }
        }
        var unknown = _manifest.SuppressGcTransition.Where(n => !_functions.ContainsKey(n)).ToList();
        if (unknown.Count > 0)
        {
            throw new ManifestException(_manifest.File, $"suppressGcTransition names function(s) the headers do not declare: {string.Join(", ", unknown)}. Fix the spelling or remove them");
        }
    }

    private bool Exclude<T>(Dictionary<string, T> declarations, string name, string kind, string reason)
    {
        if (!declarations.Remove(name))
        {
            return false;
        }
        _skipped[kind + ":" + name] = new SkippedItem(name, kind, "excluded by the manifest: " + reason);
        return true;
    }

    // ClangSharp's --remap: a struct or union emitted under another C# name, every use renamed with it.
    private void ApplyRemaps()
    {
        foreach ((string from, string to) in _manifest.Remap)
        {
            if (!_records.TryGetValue(from, out RecordDef? record))
            {
                string kind = _enums.ContainsKey(from) ? "an enum" : _callbacks.ContainsKey(from) ? "a callback" : _functions.ContainsKey(from) ? "a function" : "not declared by the headers";
                throw new ManifestException(_manifest.File, $"remap names '{from}', which is {kind}; remap renames structs and unions only");
            }
            if (!Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(to) || _records.ContainsKey(to) || _enums.ContainsKey(to) || _callbacks.ContainsKey(to) || _typedefs.ContainsKey(to))
            {
                throw new ManifestException(_manifest.File, $"remap gives '{from}' the name '{to}', which is not a C# identifier or is already taken");
            }
            NativeType Rename(NativeType t) => t with
            {
                Name = t.Kind == "record" && t.Name == from ? to : t.Name,
                Element = t.Element is null ? null : Rename(t.Element),
                Underlying = t.Underlying is null ? null : Rename(t.Underlying),
                Returns = t.Returns is null ? null : Rename(t.Returns),
                Parameters = t.Parameters?.Select(Rename).ToList(),
            };
            List<Parameter> Params(IReadOnlyList<Parameter> ps) => ps.Select(p => p with { Type = Rename(p.Type) }).ToList();
            _records.Remove(from);
            _records[to] = record with { Name = to };
            foreach (string key in _records.Keys.ToList())
            {
                _records[key] = _records[key] with { Fields = _records[key].Fields.Select(f => f with { Type = Rename(f.Type) }).ToList() };
            }
            foreach (string key in _functions.Keys.ToList())
            {
                _functions[key] = _functions[key] with { Returns = Rename(_functions[key].Returns), Parameters = Params(_functions[key].Parameters) };
            }
            foreach (string key in _callbacks.Keys.ToList())
            {
                _callbacks[key] = _callbacks[key] with { Returns = Rename(_callbacks[key].Returns), Parameters = Params(_callbacks[key].Parameters) };
            }
            foreach (string key in _typedefs.Keys.ToList())
            {
                _typedefs[key] = _typedefs[key] with { Type = Rename(_typedefs[key].Type) };
            }
        }
    }

    private ApiModel Build()
    {
        ApplyExclusions();
        ApplyRemaps();
        string Get(string macro) => _constants.TryGetValue(macro, out var c) ? c.Value : "?";
        string version = $"{Get("CS_VERSION")}.{Get("CS_SUBVER")}.{Get("CS_PATCHLEVEL")}";
        _manifest.CheckVersion(version);
        CheckShared(version);
        return new ApiModel
        {
            Api = _manifest.Api,
            Namespace = _manifest.Namespace,
            CsoundVersion = version,
            Headers = _manifest.Sources.SelectMany(s => s.Declares).Distinct().Order(StringComparer.Ordinal).ToList(),
            Libraries = new SortedDictionary<string, string>(_manifest.Libraries.ToDictionary(), StringComparer.Ordinal),
            Functions = _functions.Values.OrderBy(f => f.Name, StringComparer.Ordinal).ToList(),
            Enums = _enums.Values.OrderBy(e => e.Name, StringComparer.Ordinal).ToList(),
            Records = _records.Values.OrderBy(r => r.Name, StringComparer.Ordinal).ToList(),
            Callbacks = _callbacks.Values.OrderBy(c => c.Name, StringComparer.Ordinal).ToList(),
            Typedefs = _typedefs.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToList(),
            Constants = _constants.Values.OrderBy(c => c.Name, StringComparer.Ordinal).ToList(),
            SuppressGcTransition = _manifest.SuppressGcTransition.Order(StringComparer.Ordinal).ToList(),
            Skipped = _skipped.Values.OrderBy(s => s.Kind, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal).ToList(),
            SharedTypes = _manifest.Shared?.Types ?? [],
        };
    }

    // Every shared symbol must exist in this generation: a release that lacks one fails here, by name, instead of
    // leaving the runtime to fail to build.
    private void CheckShared(string version)
    {
        if (_manifest.Shared is not { } shared)
        {
            return;
        }
        var missing = shared.Records.Where(r => !_records.ContainsKey(r)).Select(r => "struct " + r)
            .Concat(shared.Enums.Where(e => !_enums.ContainsKey(e)).Select(e => "enum " + e))
            .Concat(shared.Functions.Where(f => !_functions.ContainsKey(f)))
            .ToList();
        if (missing.Count > 0)
        {
            throw new HeaderParseException(
                $"{shared.File} lists {missing.Count} symbol(s) that the API {_manifest.Api} headers of Csound {version} do not declare: {string.Join(", ", missing)}. " +
                "A release without them cannot share them: remove them from the shared list (and give the runtime a per-API path), or point at other headers.");
        }
    }
}
