using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace CsoundBindings.Generator;

/// <summary>
/// The symbols every API generation shares on purpose (headers/shared.json): emitted once in bindings/Common and
/// left out of the per-API folders. An explicit list, so that a new generation never moves members of the others.
/// </summary>
public sealed record SharedSurface
{
    /// <summary>Structs laid out identically in every generation.</summary>
    public required IReadOnlyList<string> Records { get; init; }

    /// <summary>Enums with the same members and values in every generation.</summary>
    public required IReadOnlyList<string> Enums { get; init; }

    /// <summary>Functions with the same C# signature in every generation (the ICsoundFunctions interface).</summary>
    public required IReadOnlyList<string> Functions { get; init; }

    /// <summary>The file it was read from.</summary>
    public string File { get; init; } = "shared.json";

    /// <summary>The type names (records and enums) a per-API folder leaves to bindings/Common.</summary>
    public IReadOnlyList<string> Types => Records.Concat(Enums).Order(StringComparer.Ordinal).ToList();

    private static readonly string[] Keys = ["records", "enums", "functions"];

    /// <summary>Reads the file strictly (JSON with comments; the three keys, arrays of distinct names).</summary>
    public static SharedSurface Load(string path)
    {
        string full = Path.GetFullPath(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(System.IO.File.ReadAllText(full), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new ManifestException(full, $"cannot be read as JSON ({e.Message})");
        }
        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ManifestException(full, "the top level must be an object with records, enums and functions");
            }
            foreach (JsonProperty property in root.EnumerateObject())
            {
                if (!Keys.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw new ManifestException(full, $"unknown key '{property.Name}' (known keys: {string.Join(", ", Keys)})");
                }
            }
            List<string> Names(string key)
            {
                if (!root.TryGetProperty(key, out JsonElement array) || array.ValueKind != JsonValueKind.Array)
                {
                    throw new ManifestException(full, $"'{key}' must be an array of names");
                }
                var names = array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new ManifestException(full, $"'{key}' holds a value that is not a name")).ToList();
                string? twice = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
                return twice is null ? names : throw new ManifestException(full, $"'{key}' lists '{twice}' twice");
            }
            return new SharedSurface { Records = Names("records"), Enums = Names("enums"), Functions = Names("functions"), File = full };
        }
    }
}
