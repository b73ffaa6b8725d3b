using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CsoundBindings.Generator.Model;
using Xunit;

namespace CsoundBindings.Generator.Tests;

/// <summary>The compiled bindings against reality: struct layouts equal clang's, every import resolves.</summary>
public sealed class NativeBindingTests
{
    public static TheoryData<int> Apis => new() { 6, 7 };

    private static ApiModel Ir(int api) => IrJson.Load(Path.Combine(RepoPaths.Bindings(api), GeneratedOutput.IrFileName(api)));

    private static Type? BindingType(ApiModel model, string name) =>
        // Shared structs and enums (headers/shared.json) are compiled once, in the common namespace.
        typeof(CsoundBindings.Interop.NativeTypeNameAttribute).Assembly.GetType($"{(model.SharedTypes.Contains(name) ? "CsoundBindings.Interop" : model.Namespace)}.{name}");

    [Theory]
    [MemberData(nameof(Apis))]
    public void StructSizesAndOffsetsEqualClang(int api)
    {
        ApiModel model = Ir(api);
        int checkedFields = 0;
        foreach (RecordDef record in model.Records.Where(r => r.Size > 0))
        {
            Type type = BindingType(model, record.Name) ?? throw new InvalidOperationException($"{record.Name} not compiled");
            Assert.True(record.Size == RuntimeHelpers.SizeOf(type.TypeHandle), $"{record.Name}: C# {RuntimeHelpers.SizeOf(type.TypeHandle)} bytes, clang {record.Size}");
            foreach (Field field in record.Fields)
            {
                Assert.True(field.Offset == (long)Marshal.OffsetOf(type, field.Name), $"{record.Name}.{field.Name}: C# offset {Marshal.OffsetOf(type, field.Name)}, clang {field.Offset}");
                checkedFields++;
            }
        }
        Assert.True(checkedFields > 50, $"only {checkedFields} fields checked");
    }

    [Fact]
    public void CommonStructsHaveTheLayoutOfEveryApi()
    {
        var assembly = typeof(CsoundBindings.Interop.NativeTypeNameAttribute).Assembly;
        var common = assembly.GetTypes().Where(t => t.Namespace == "CsoundBindings.Interop" && t.IsValueType && !t.IsEnum && !t.Name.EndsWith("Functions", StringComparison.Ordinal)).ToList();
        Assert.True(common.Count >= 4, $"{common.Count} common structs");
        foreach (int api in new[] { 6, 7 })
        {
            ApiModel model = Ir(api);
            foreach (Type type in common.Where(t => model.Records.Any(r => r.Name == t.Name)))
            {
                RecordDef record = model.Records.Single(r => r.Name == type.Name);
                Assert.True(record.Size == RuntimeHelpers.SizeOf(type.TypeHandle), $"common {type.Name}: {RuntimeHelpers.SizeOf(type.TypeHandle)} bytes, API {api} clang {record.Size}");
                foreach (Field field in record.Fields)
                {
                    Assert.Equal(field.Offset, (long)Marshal.OffsetOf(type, field.Name));
                }
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Apis))]
    public void EveryFunctionResolvesAsAnExport(int api)
    {
        ApiModel model = Ir(api);
        var libraries = new Dictionary<string, nint>();
        foreach (var (key, name) in model.Libraries)
        {
            string? path = LibraryPath(api, name);
            Skip.If(path is null, api == 7 ? "skipped: CSOUND7_ROOT not set" : $"skipped: lib{name}.so not installed");
            libraries[key] = NativeLibrary.Load(path!);
        }
        var missing = model.Functions.Where(f => !NativeLibrary.TryGetExport(libraries[f.Library], f.Name, out _)).Select(f => f.Name).ToList();
        Assert.True(missing.Count == 0, "not exported: " + string.Join(", ", missing));
        // Every import in the compiled bindings is one of these functions.
        Type methods = BindingType(model, "Methods")!;
        Assert.Equal(model.Functions.Count, methods.GetMethods(BindingFlags.Public | BindingFlags.Static).Count(m => m.GetCustomAttribute<DllImportAttribute>() is not null));
        if (api == 6)
        {
            Assert.Equal(18, model.Functions.Count(f => f.Library == "csnd"));
        }
    }

    private static string? LibraryPath(int api, string name)
    {
        string? root = api == 7 ? Environment.GetEnvironmentVariable("CSOUND7_ROOT") : "/usr";
        if (string.IsNullOrEmpty(root))
        {
            return null;
        }
        string[] candidates = { Path.Combine(root, "lib", $"lib{name}.so"), Path.Combine(root, "lib", "x86_64-linux-gnu", $"lib{name}.so") };
        return candidates.FirstOrDefault(File.Exists);
    }
}
