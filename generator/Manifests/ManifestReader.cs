using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace CsoundBindings.Generator;

/// <summary>
/// Reads a manifest strictly: JSON with comments, every key known and spelled exactly, required keys present, each
/// value of the right shape, every source's library declared. Anything else is a <see cref="ManifestException"/>
/// that names the key and what to write instead.
/// </summary>
internal static class ManifestReader
{
    private static readonly string[] Keys =
    [
        "api", "namespace", "expectedVersion", "headerRoot", "includeDirs", "defines", "libraries", "sources",
        "excludeHeaders", "exclude", "remap", "suppressGcTransition", "shared",
    ];

    private static readonly string[] Required = ["api", "namespace", "expectedVersion", "headerRoot", "libraries", "sources"];

    private static readonly string[] SourceKeys = ["include", "library", "declares"];

    public static Manifest Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ManifestException(path, $"cannot be read ({e.Message})");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new ManifestException(path, $"is not valid JSON: {e.Message}");
        }
        using (document)
        {
            return FromJson(path, document.RootElement);
        }
    }

    private static Manifest FromJson(string path, JsonElement root)
    {
        ManifestException Bad(string problem) => new(path, problem);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Bad("the top level must be an object");
        }
        CheckKeys(root, Keys, "the manifest", Bad);
        foreach (string key in Required)
        {
            if (!root.TryGetProperty(key, out _))
            {
                throw Bad($"the required key '{key}' is missing");
            }
        }
        var libraries = StringMap(root, "libraries", Bad, allowEmpty: false)!;
        var sources = new List<ManifestSource>();
        JsonElement sourceArray = root.GetProperty("sources");
        if (sourceArray.ValueKind != JsonValueKind.Array || sourceArray.GetArrayLength() == 0)
        {
            throw Bad("'sources' must be a non-empty array of { include, library, declares }");
        }
        int index = 0;
        foreach (JsonElement source in sourceArray.EnumerateArray())
        {
            string where = $"sources[{index++}]";
            if (source.ValueKind != JsonValueKind.Object)
            {
                throw Bad($"{where} must be an object with include, library and declares");
            }
            CheckKeys(source, SourceKeys, where, Bad);
            foreach (string key in SourceKeys)
            {
                if (!source.TryGetProperty(key, out _))
                {
                    throw Bad($"{where} needs '{key}'");
                }
            }
            string library = String(source, "library", where, Bad);
            if (!libraries.ContainsKey(library))
            {
                throw Bad($"{where}.library '{library}' is not a key of 'libraries' ({string.Join(", ", libraries.Keys)})");
            }
            var declares = Strings(source, "declares", where, Bad)!;
            if (declares.Count == 0)
            {
                throw Bad($"{where}.declares must name at least one header");
            }
            sources.Add(new ManifestSource { Include = String(source, "include", where, Bad), Library = library, Declares = declares });
        }
        JsonElement api = root.GetProperty("api");
        if (api.ValueKind != JsonValueKind.Number || !api.TryGetInt32(out int apiNumber) || apiNumber < 0)
        {
            throw Bad("'api' must be a whole number (6 or 7 for Csound's API generations)");
        }
        return new Manifest
        {
            Api = apiNumber,
            Namespace = String(root, "namespace", "the manifest", Bad),
            ExpectedVersion = String(root, "expectedVersion", "the manifest", Bad),
            HeaderRoot = String(root, "headerRoot", "the manifest", Bad),
            IncludeDirs = Strings(root, "includeDirs", "the manifest", Bad) ?? [],
            Defines = Strings(root, "defines", "the manifest", Bad) ?? [],
            Libraries = libraries,
            Sources = sources,
            ExcludeHeaders = StringMap(root, "excludeHeaders", Bad, allowEmpty: true) ?? new SortedDictionary<string, string>(StringComparer.Ordinal),
            Exclude = StringMap(root, "exclude", Bad, allowEmpty: true) ?? new SortedDictionary<string, string>(StringComparer.Ordinal),
            Remap = StringMap(root, "remap", Bad, allowEmpty: true) ?? new SortedDictionary<string, string>(StringComparer.Ordinal),
            SuppressGcTransition = Strings(root, "suppressGcTransition", "the manifest", Bad) ?? [],
            Shared = root.TryGetProperty("shared", out _)
                ? SharedSurface.Load(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, String(root, "shared", "the manifest", Bad)))
                : null,
            Directory = Path.GetDirectoryName(Path.GetFullPath(path))!,
            File = Path.GetFullPath(path),
        };
    }

    // Unknown keys fail; a key that differs only in case says which spelling is meant.
    private static void CheckKeys(JsonElement element, string[] known, string where, Func<string, ManifestException> bad)
    {
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (known.Contains(property.Name, StringComparer.Ordinal))
            {
                continue;
            }
            string? meant = known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
            throw bad(meant is null
                ? $"unknown key '{property.Name}' in {where} (known keys: {string.Join(", ", known)})"
                : $"unknown key '{property.Name}' in {where}: keys are case-sensitive, write '{meant}'");
        }
    }

    private static string String(JsonElement element, string key, string where, Func<string, ManifestException> bad)
    {
        JsonElement value = element.GetProperty(key);
        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw bad($"'{key}' in {where} must be a non-empty string");
    }

    private static List<string>? Strings(JsonElement element, string key, string where, Func<string, ManifestException> bad)
    {
        if (!element.TryGetProperty(key, out JsonElement value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || v.GetString()!.Length == 0))
        {
            throw bad($"'{key}' in {where} must be an array of non-empty strings");
        }
        var list = value.EnumerateArray().Select(v => v.GetString()!).ToList();
        string? twice = list.GroupBy(s => s, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        return twice is null ? list : throw bad($"'{key}' in {where} lists '{twice}' twice");
    }

    private static SortedDictionary<string, string>? StringMap(JsonElement element, string key, Func<string, ManifestException> bad, bool allowEmpty)
    {
        if (!element.TryGetProperty(key, out JsonElement value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object || (!allowEmpty && !value.EnumerateObject().Any()))
        {
            throw bad($"'{key}' must be an object of names to {(key == "libraries" ? "library names" : "reasons")}{(allowEmpty ? string.Empty : " with at least one entry")}");
        }
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String || property.Value.GetString()!.Length == 0)
            {
                throw bad($"'{key}.{property.Name}' must be a non-empty string{(key == "libraries" ? string.Empty : ": say why it is left out")}");
            }
            if (!map.TryAdd(property.Name, property.Value.GetString()!))
            {
                throw bad($"'{key}' names '{property.Name}' twice");
            }
        }
        return map;
    }
}
