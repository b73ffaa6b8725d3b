using System.Collections.Generic;

namespace CsoundBindings.SourceGenerators.Parsing;

/// <summary>What a channel carries.</summary>
internal enum ChannelType
{
    Control,
    Audio,
    String,
}

/// <summary>Which way values flow, seen from the host (Csound's chn_k modes: 1 input, 2 output, 3 both).</summary>
[System.Flags]
internal enum ChannelFlow
{
    None = 0,
    Input = 1,
    Output = 2,
    Both = 3,
}

/// <summary>A named channel the orchestra declares or uses with a literal name.</summary>
internal sealed class ChannelInfo
{
    public ChannelInfo(string name, ChannelType type, ChannelFlow flow, string file, int line)
    {
        Name = name;
        Type = type;
        Flow = flow;
        File = file;
        Line = line;
    }

    public string Name { get; }

    public ChannelType Type { get; }

    public ChannelFlow Flow { get; set; }

    public double? Default { get; set; }

    public double? Min { get; set; }

    public double? Max { get; set; }

    public string? Doc { get; set; }

    public string File { get; }

    public int Line { get; }
}

/// <summary>A p-field from p4 on: its name (from the variable it is assigned to) and its pset default.</summary>
internal sealed class PField
{
    public PField(int index) => Index = index;

    public int Index { get; }

    /// <summary>The variable's name without its rate prefix (<c>iamp</c> → <c>amp</c>), or null when never named.</summary>
    public string? Name { get; set; }

    public double? Default { get; set; }

    /// <summary>The comment beside or above the statement that names it, or null.</summary>
    public string? Doc { get; set; }

    /// <summary>Where it is first used without a name (for the diagnostic), or 0.</summary>
    public int UnnamedLine { get; set; }
}

/// <summary>An instrument block: its names and numbers, p-fields and doc comment.</summary>
internal sealed class InstrumentInfo
{
    public InstrumentInfo(string file, int line)
    {
        File = file;
        Line = line;
    }

    /// <summary>Names (<c>instr Voice</c>) and numbers (<c>instr 1</c>) of this block, in order.</summary>
    public List<string> Labels { get; } = new List<string>();

    public SortedDictionary<int, PField> PFields { get; } = new SortedDictionary<int, PField>();

    public string? Doc { get; set; }

    public string File { get; }

    public int Line { get; }

    public PField PField(int index)
    {
        if (!PFields.TryGetValue(index, out PField? field))
        {
            field = new PField(index);
            PFields[index] = field;
        }
        return field;
    }
}

/// <summary>A problem found in orchestra text, with its place (1-based line and column).</summary>
internal sealed class OrchestraProblem
{
    public OrchestraProblem(string id, string file, int line, int column, string message)
    {
        Id = id;
        File = file;
        Line = line;
        Column = column;
        Message = message;
    }

    public string Id { get; }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    public string Message { get; }
}

/// <summary>Everything read from one orchestra (a .orc/.udo, or a CSD's instruments, options and score).</summary>
internal sealed class OrchestraModel
{
    public string Orchestra { get; set; } = string.Empty;

    public string Options { get; set; } = string.Empty;

    public string Score { get; set; } = string.Empty;

    public bool IsCsd { get; set; }

    public List<InstrumentInfo> Instruments { get; } = new List<InstrumentInfo>();

    public List<ChannelInfo> Channels { get; } = new List<ChannelInfo>();

    public List<OrchestraProblem> Problems { get; } = new List<OrchestraProblem>();
}
