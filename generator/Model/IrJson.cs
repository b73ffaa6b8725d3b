using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CsoundBindings.Generator.Model;

/// <summary>Reads and writes the IR as indented JSON with LF line ends, so equal models give equal bytes.</summary>
public static class IrJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The JSON text of a model, ending with a newline.</summary>
    public static string Serialize(ApiModel model) => JsonSerializer.Serialize(model, Options) + "\n";

    /// <summary>Reads a model written by <see cref="Serialize"/>.</summary>
    public static ApiModel Deserialize(string json) =>
        JsonSerializer.Deserialize<ApiModel>(json, Options) ?? throw new InvalidDataException("Empty IR file.");

    /// <summary>Reads a model from a file.</summary>
    public static ApiModel Load(string path) => Deserialize(File.ReadAllText(path));
}
