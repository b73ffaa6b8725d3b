using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using CsoundBindings.Generator.Model;
using Xunit;

namespace CsoundBindings.Generator.Tests;

/// <summary>
/// gcc as the oracle for the generated surface. A C probe is written from the committed IR and compiled against the
/// same headers: it redeclares every function with the IR's C spellings (gcc refuses a conflicting prototype), and
/// prints every struct's size, each field's offset and width, every enumerator's and constant's value, and the size,
/// signedness and floatness of every arithmetic type a function or field uses. The test compares all of it with the
/// IR and with the compiled C# bindings, so a narrowed field, a wrong sign, a float for a double or a shifted enum
/// fails even when explicit offsets hide it.
/// </summary>
public sealed class COracleTests
{
    public static TheoryData<int> Apis => new() { 6, 7 };

    private static readonly string[] PointerKinds = ["pointer", "array", "callback", "function", "va_list", "variadic"];

    private sealed record Oracle(
        Dictionary<string, (long Size, long Align)> Records,
        Dictionary<(string Record, string Field), (long Offset, long Size)> Fields,
        Dictionary<string, long> Enumerators,
        Dictionary<string, string> Constants,
        Dictionary<string, (long Size, bool Signed, bool Floating)> Arithmetic);

    [SkippableTheory]
    [MemberData(nameof(Apis))]
    public void TheIrAndTheCompiledBindingsAgreeWithGcc(int api)
    {
        Skip.If(api == 7 && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CSOUND7_ROOT")), "skipped: CSOUND7_ROOT not set (the probe needs Csound 7's headers)");
        Manifest manifest = Manifest.Load(RepoPaths.Manifest(api));
        ApiModel model = IrJson.Load(Path.Combine(RepoPaths.Bindings(api), GeneratedOutput.IrFileName(api)));
        Oracle c = RunProbe(manifest, model);
        Assembly bindings = typeof(CsoundBindings.Interop.NativeTypeNameAttribute).Assembly;
        // Shared structs and enums (headers/shared.json) are compiled once, in the common namespace: checked against each API's gcc.
        Type Binding(string name) => bindings.GetType($"{(model.SharedTypes.Contains(name) ? "CsoundBindings.Interop" : model.Namespace)}.{name}") ?? throw new InvalidOperationException($"{name} is not compiled");
        var problems = new List<string>();
        int checks = 0;
        void Expect(bool ok, string what)
        {
            checks++;
            if (!ok)
            {
                problems.Add(what);
            }
        }

        foreach (RecordDef record in model.Records.Where(r => !r.IsOpaque))
        {
            var (size, align) = c.Records[record.Name];
            Expect(record.Size == size && record.Align == align, $"{record.Name}: IR {record.Size} bytes align {record.Align}, gcc {size} align {align}");
            Type type = Binding(record.Name);
            Expect(RuntimeHelpers.SizeOf(type.TypeHandle) == size, $"{record.Name}: C# {RuntimeHelpers.SizeOf(type.TypeHandle)} bytes, gcc {size}");
            foreach (Field field in record.Fields.Where(f => !f.Name.StartsWith("Anonymous", StringComparison.Ordinal)))
            {
                var (offset, width) = c.Fields[(record.Name, field.Name)];
                Expect(field.Offset == offset, $"{record.Name}.{field.Name}: IR offset {field.Offset}, gcc {offset}");
                FieldInfo member = type.GetField(field.Name) ?? throw new InvalidOperationException($"{record.Name}.{field.Name} not compiled");
                Expect((long)Marshal.OffsetOf(type, field.Name) == offset, $"{record.Name}.{field.Name}: C# offset {Marshal.OffsetOf(type, field.Name)}, gcc {offset}");
                Expect(Width(member.FieldType) == width, $"{record.Name}.{field.Name}: C# width {Width(member.FieldType)} ({member.FieldType.Name}), gcc {width}");
                if (field.Type.Kind == "array")
                {
                    // An inline array: its width is checked above; its element against the fixed buffer's element.
                    Type element = member.GetCustomAttribute<FixedBufferAttribute>()?.ElementType ?? member.FieldType;
                    CheckArithmetic(c, field.Type.Element!, element, $"{record.Name}.{field.Name}[]", Expect);
                }
                else
                {
                    CheckArithmetic(c, field.Type, member.FieldType, $"{record.Name}.{field.Name}", Expect);
                }
            }
        }

        foreach (EnumDef e in model.Enums)
        {
            Type type = Binding(e.Name);
            foreach (EnumMember member in e.Members)
            {
                long value = c.Enumerators[member.Name];
                Expect(member.Value == value, $"{e.Name}.{member.Name}: IR {member.Value}, gcc {value}");
                object? compiled = type.GetField(member.Name)?.GetRawConstantValue();
                Expect(compiled is not null && Convert.ToInt64(compiled, CultureInfo.InvariantCulture) == value, $"{e.Name}.{member.Name}: C# {compiled}, gcc {value}");
            }
        }

        Type constants = Binding("Constants");
        foreach (ConstantDef constant in model.Constants)
        {
            string value = c.Constants[constant.Name];
            object? compiled = constants.GetField(constant.Name)?.GetRawConstantValue();
            string? text = compiled switch
            {
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
                IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
                _ => compiled?.ToString(),
            };
            bool same = constant.Kind == "float"
                ? double.Parse(value, CultureInfo.InvariantCulture) == double.Parse(text ?? "NaN", CultureInfo.InvariantCulture)
                : value == text;
            Expect(same, $"constant {constant.Name}: C# {text}, gcc {value}");
        }

        Type methods = Binding("Methods");
        foreach (FunctionDef function in model.Functions)
        {
            MethodInfo method = methods.GetMethod(function.Name) ?? throw new InvalidOperationException($"{function.Name} not compiled");
            ParameterInfo[] parameters = method.GetParameters();
            Expect(parameters.Length == function.Parameters.Count, $"{function.Name}: C# {parameters.Length} parameters, C {function.Parameters.Count}");
            for (int i = 0; i < Math.Min(parameters.Length, function.Parameters.Count); i++)
            {
                CheckArithmetic(c, function.Parameters[i].Type, parameters[i].ParameterType, $"{function.Name} parameter {i}", Expect);
            }
            CheckArithmetic(c, function.Returns, method.ReturnType, $"{function.Name} return", Expect);
        }
        Console.WriteLine($"API {api}: {checks} comparisons with gcc, {problems.Count} mismatches");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
        Assert.True(checks > 1000, $"only {checks} comparisons");
    }

    // Size, sign and floatness of an arithmetic C type against the C# type it became; pointers are pointer-sized.
    private static void CheckArithmetic(Oracle c, NativeType type, Type compiled, string where, Action<bool, string> expect)
    {
        if (type.Kind == "void")
        {
            expect(compiled == typeof(void), $"{where}: C void, C# {compiled.Name}");
            return;
        }
        if (PointerKinds.Contains(type.Kind))
        {
            expect(Width(compiled) == IntPtr.Size, $"{where}: C {type.Spelling} is a pointer, C# {compiled.Name} is {Width(compiled)} bytes");
            return;
        }
        if (type.Kind == "record")
        {
            return; // by-value records are checked field by field above
        }
        var (size, signed, floating) = c.Arithmetic[type.Spelling];
        Type basic = compiled.IsEnum ? Enum.GetUnderlyingType(compiled) : compiled;
        expect(Width(compiled) == size, $"{where}: C {type.Spelling} is {size} bytes, C# {compiled.Name} is {Width(compiled)}");
        expect(IsSigned(basic) == signed, $"{where}: C {type.Spelling} is {(signed ? "signed" : "unsigned")}, C# {compiled.Name} is not");
        expect(IsFloating(basic) == floating, $"{where}: C {type.Spelling} is {(floating ? "floating" : "integral")}, C# {compiled.Name} is not");
    }

    private static long Width(Type type) =>
        type.IsPointer || type.IsFunctionPointer || type.IsUnmanagedFunctionPointer ? IntPtr.Size : RuntimeHelpers.SizeOf(type.TypeHandle);

    private static bool IsSigned(Type type) =>
        type == typeof(sbyte) || type == typeof(short) || type == typeof(int) || type == typeof(long) || type == typeof(nint) || type == typeof(CLong)
        || type == typeof(float) || type == typeof(double);

    private static bool IsFloating(Type type) => type == typeof(float) || type == typeof(double);

    private static Oracle RunProbe(Manifest manifest, ApiModel model)
    {
        var source = new StringBuilder();
        foreach (ManifestSource s in manifest.Sources)
        {
            source.Append("#include \"").Append(s.Include).Append("\"\n");
        }
        source.Append("#include <stdio.h>\n#include <stddef.h>\n");
        // Prototypes spelled from the IR: gcc rejects any that conflicts with the header's declaration.
        foreach (FunctionDef f in model.Functions.Where(f => !f.Returns.Spelling.Contains("(*", StringComparison.Ordinal)))
        {
            source.Append("extern ").Append(f.Returns.Spelling).Append(' ').Append(f.Name).Append('(')
                .Append(f.Parameters.Count == 0 ? "void" : string.Join(", ", f.Parameters.Select(p => p.Type.Spelling))).Append(");\n");
        }
        var arithmetic = model.Functions.SelectMany(f => f.Parameters.Select(p => p.Type).Append(f.Returns))
            .Concat(model.Records.SelectMany(r => r.Fields.Select(x => x.Type.Kind == "array" ? x.Type.Element! : x.Type)))
            .Where(t => !PointerKinds.Contains(t.Kind) && t.Kind is not ("void" or "record"))
            .Select(t => t.Spelling).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        source.Append("int main(void) {\n");
        foreach (RecordDef r in model.Records.Where(r => !r.IsOpaque))
        {
            source.Append($"  printf(\"R {r.Name} %zu %zu\\n\", sizeof({r.CName}), _Alignof({r.CName}));\n");
            foreach (Field field in r.Fields.Where(f => !f.Name.StartsWith("Anonymous", StringComparison.Ordinal)))
            {
                source.Append($"  printf(\"F {r.Name} {field.Name} %zu %zu\\n\", offsetof({r.CName}, {field.Name}), sizeof((({r.CName} *)0)->{field.Name}));\n");
            }
        }
        foreach (EnumMember m in model.Enums.SelectMany(e => e.Members))
        {
            source.Append($"  printf(\"E {m.Name} %lld\\n\", (long long)({m.Name}));\n");
        }
        foreach (ConstantDef k in model.Constants)
        {
            string format = k.Kind switch
            {
                "string" => $"\"%s\", (const char *)({k.Name})",
                "float" => $"\"%.17g\", (double)({k.Name})",
                _ => k.NativeType.Contains("unsigned", StringComparison.Ordinal) ? $"\"%llu\", (unsigned long long)({k.Name})" : $"\"%lld\", (long long)({k.Name})",
            };
            source.Append($"  printf(\"C {k.Name} \"); printf({format}); printf(\"\\n\");\n");
        }
        for (int i = 0; i < arithmetic.Count; i++)
        {
            string t = arithmetic[i];
            source.Append($"  printf(\"T {i} %zu %d %d\\n\", sizeof({t}), (({t})-1) < (({t})0), (({t})0.5) == 0.5);\n");
        }
        source.Append("  return 0;\n}\n");

        string dir = Directory.CreateTempSubdirectory("bindgen oracle").FullName;
        File.WriteAllText(Path.Combine(dir, "probe.c"), source.ToString());
        var arguments = new StringBuilder("-std=gnu11 -Werror=incompatible-pointer-types -o probe probe.c");
        foreach (string define in manifest.Defines)
        {
            arguments.Append(" -D").Append(define);
        }
        foreach (string include in manifest.ResolvedIncludeDirs())
        {
            arguments.Append(" \"-I").Append(include).Append('"');
        }
        string compiler = Run("gcc", arguments.ToString(), dir);
        string output = Run(Path.Combine(dir, "probe"), string.Empty, dir);
        Directory.Delete(dir, recursive: true);
        _ = compiler;

        var oracle = new Oracle([], [], new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] p = line.Split(' ');
            switch (p[0])
            {
                case "R":
                    oracle.Records[p[1]] = (long.Parse(p[2], CultureInfo.InvariantCulture), long.Parse(p[3], CultureInfo.InvariantCulture));
                    break;
                case "F":
                    oracle.Fields[(p[1], p[2])] = (long.Parse(p[3], CultureInfo.InvariantCulture), long.Parse(p[4], CultureInfo.InvariantCulture));
                    break;
                case "E":
                    oracle.Enumerators[p[1]] = long.Parse(p[2], CultureInfo.InvariantCulture);
                    break;
                case "C":
                    oracle.Constants[p[1]] = line[(p[0].Length + p[1].Length + 2)..];
                    break;
                case "T":
                    oracle.Arithmetic[arithmetic[int.Parse(p[1], CultureInfo.InvariantCulture)]] = (long.Parse(p[2], CultureInfo.InvariantCulture), p[3] == "1", p[4] == "1");
                    break;
            }
        }
        return oracle;
    }


    private static string Run(string program, string arguments, string dir)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed:\n{errors.Result}");
        return output;
    }
}
