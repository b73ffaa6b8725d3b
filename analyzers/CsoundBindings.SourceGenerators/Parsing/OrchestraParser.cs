using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CsoundBindings.SourceGenerators.Parsing;

/// <summary>
/// Reads the surface of an orchestra that a typed API needs: instrument headers and their p-fields, <c>pset</c>
/// defaults, the channels named by literal strings, the comments beside them, and <c>#include</c>s of files in the
/// project. It is not Csound's parser: what it does not recognise it leaves alone, and it never throws.
/// </summary>
internal static class OrchestraParser
{
    private static readonly HashSet<string> ChannelGetters = new HashSet<string>(StringComparer.Ordinal)
    {
        "chnget", "chngetk", "chngeti", "chngeta", "chngets", "chngetks", "invalue",
    };

    private static readonly HashSet<string> ChannelSetters = new HashSet<string>(StringComparer.Ordinal)
    {
        "chnset", "chnsetk", "chnseti", "chnseta", "chnsets", "chnsetks", "outvalue",
    };

    /// <summary>Reads a file: a CSD (by its tags) or orchestra text. <paramref name="resolve"/> gives an included file's text, or null.</summary>
    public static OrchestraModel Parse(string path, string text, Func<string, string, (string Path, string Text)?> resolve)
    {
        var model = new OrchestraModel();
        try
        {
            text = text.Replace("\r\n", "\n");
            if (Csd.TryRead(text, out CsdSections csd))
            {
                model.IsCsd = true;
                model.Orchestra = csd.Orchestra;
                model.Options = csd.Options;
                model.Score = csd.Score;
                Read(model, path, csd.Orchestra, csd.OrchestraLine, resolve, new HashSet<string>(StringComparer.Ordinal) { path });
            }
            else
            {
                model.Orchestra = text;
                Read(model, path, text, 1, resolve, new HashSet<string>(StringComparer.Ordinal) { path });
            }
            Finish(model);
        }
#pragma warning disable CA1031 // a compiler add-in must never throw on user text
        catch (Exception e)
#pragma warning restore CA1031
        {
            model.Problems.Add(new OrchestraProblem(Diagnostics.ParserFailure, path, 1, 1, $"the orchestra reader stopped: {e.Message}"));
        }
        return model;
    }

    private static void Read(OrchestraModel model, string file, string text, int firstLine, Func<string, string, (string Path, string Text)?> resolve, HashSet<string> seen)
    {
        var includes = new List<(string Path, int Line)>();
        List<Statement> statements = Lexer.Split(text, file, firstLine, model.Problems, includes);
        foreach ((string include, int line) in includes)
        {
            (string Path, string Text)? found = resolve(file, include);
            if (found is null)
            {
                model.Problems.Add(new OrchestraProblem(Diagnostics.IncludeNotInProject, file, line, 1,
                    $"#include \"{include}\" is not an AdditionalFiles item of the project: its instruments and channels are not typed"));
                continue;
            }
            if (seen.Add(found.Value.Path))
            {
                Read(model, found.Value.Path, found.Value.Text.Replace("\r\n", "\n"), 1, resolve, seen);
            }
        }
        InstrumentInfo? instrument = null;
        bool inOpcode = false;
        foreach (Statement statement in statements)
        {
            List<Token> t = statement.Tokens;
            string first = t[0].Text;
            if (t[0].Kind == TokenKind.Word && first == "instr")
            {
                if (instrument is not null)
                {
                    model.Problems.Add(new OrchestraProblem(Diagnostics.Unbalanced, file, t[0].Line, t[0].Column,
                        $"instr at line {t[0].Line} starts before the instr at line {instrument.Line} has its endin"));
                }
                instrument = new InstrumentInfo(file, t[0].Line) { Doc = statement.Doc };
                // A label is a name or a number ('+' before a name is Csound's, not part of it); a string there is
                // not an instrument Csound can compile, so it is not typed (and an empty one would name nothing).
                foreach (Token label in t.Skip(1).Where(x => x.Kind is TokenKind.Word or TokenKind.Number && x.Text.Length > 0))
                {
                    instrument.Labels.Add(label.Text);
                }
                model.Instruments.Add(instrument);
                continue;
            }
            if (t[0].Kind == TokenKind.Word && first == "endin")
            {
                if (instrument is null)
                {
                    model.Problems.Add(new OrchestraProblem(Diagnostics.Unbalanced, file, t[0].Line, t[0].Column, "endin without an instr"));
                }
                instrument = null;
                continue;
            }
            if (t[0].Kind == TokenKind.Word && first == "opcode")
            {
                inOpcode = true;
                continue;
            }
            if (t[0].Kind == TokenKind.Word && first == "endop")
            {
                inOpcode = false;
                continue;
            }
            Channel(model, file, statement);
            if (instrument is not null && !inOpcode)
            {
                PFields(instrument, statement);
            }
        }
        if (instrument is not null)
        {
            model.Problems.Add(new OrchestraProblem(Diagnostics.Unbalanced, file, instrument.Line, 1, $"instr at line {instrument.Line} has no endin"));
        }
    }

    // ---- p-fields ----

    private static int PIndex(Token token)
    {
        if (token.Kind != TokenKind.Word || token.Text.Length < 2 || token.Text[0] != 'p')
        {
            return -1;
        }
        return int.TryParse(token.Text.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : -1;
    }

    private static void PFields(InstrumentInfo instrument, Statement statement)
    {
        List<Token> t = statement.Tokens;
        if (t[0].Text == "pset")
        {
            List<double?> values = ArgumentGroups(t, 1).Select(Number).ToList();
            for (int k = 3; k < values.Count; k++)
            {
                if (values[k] is double value)
                {
                    instrument.PField(k + 1).Default = value;
                }
            }
            return;
        }
        var used = new List<(int Index, Token At)>();
        for (int k = 0; k < t.Count; k++)
        {
            int n = PIndex(t[k]);
            if (n >= 4 && (k + 1 >= t.Count || t[k + 1].Text != "("))
            {
                used.Add((n, t[k]));
            }
        }
        if (used.Count == 0)
        {
            return;
        }
        // "ivar = <expression with one p-field>" or "ivar init <...>" names it.
        bool assignment = t.Count >= 3 && t[0].Kind == TokenKind.Word && (t[1].Text == "=" || t[1].Text == "init")
            && used.Select(u => u.Index).Distinct().Count() == 1;
        foreach ((int index, Token at) in used)
        {
            PField field = instrument.PField(index);
            if (assignment && field.Name is null)
            {
                field.Name = Naming.FromVariable(t[0].Text);
                field.Doc = statement.Doc;
            }
            else if (field.Name is null && field.UnnamedLine == 0)
            {
                field.UnnamedLine = at.Line;
            }
        }
    }

    // ---- channels ----

    private static void Channel(OrchestraModel model, string file, Statement statement)
    {
        List<Token> t = statement.Tokens;
        int op = t.FindIndex(x => x.Kind == TokenKind.Word && IsChannelOpcode(x.Text));
        if (op < 0)
        {
            return;
        }
        string opcode = t[op].Text;
        List<List<Token>> args = ArgumentGroups(t, op + 1);
        List<Token> outputs = t.Take(op).Where(x => x.Kind == TokenKind.Word).ToList();
        bool setter = ChannelSetters.Contains(opcode) && opcode != "outvalue";
        int nameArgument = setter ? 1 : 0;
        if (args.Count <= nameArgument || args[nameArgument].Count != 1 || args[nameArgument][0].Kind != TokenKind.String)
        {
            return; // a name computed at run time is not typed
        }
        string? name;
        ChannelType type;
        ChannelFlow flow;
        switch (opcode)
        {
            case "chn_k":
            case "chn_a":
            case "chn_S":
            case "chnexport":
                name = args[0][0].Text;
                type = opcode == "chn_a" ? ChannelType.Audio : opcode == "chn_S" ? ChannelType.String
                    : opcode == "chn_k" ? ChannelType.Control : TypeOf(outputs.FirstOrDefault().Text);
                flow = args.Count > 1 && Number(args[1]) is double mode ? (ChannelFlow)((int)mode & 3) : ChannelFlow.Both;
                break;
            case "outvalue":
                name = args[0][0].Text;
                type = args.Count > 1 && args[1].Count == 1 ? TypeOfValue(args[1][0]) : ChannelType.Control;
                flow = ChannelFlow.Output;
                break;
            default:
                if (ChannelGetters.Contains(opcode))
                {
                    if (outputs.Count == 0 || t.Take(op).Any(x => x.Text == "["))
                    {
                        return; // arrays are array channels, not typed here
                    }
                    name = args[0][0].Text;
                    type = opcode == "chngets" || opcode == "chngetks" ? ChannelType.String : opcode == "chngeta" ? ChannelType.Audio : TypeOf(outputs[0].Text);
                    flow = ChannelFlow.Input;
                }
                else
                {
                    // chnset value, "name"
                    if (args[0].Any(x => x.Text == "["))
                    {
                        return;
                    }
                    name = args[1][0].Text;
                    type = opcode == "chnsets" || opcode == "chnsetks" ? ChannelType.String : opcode == "chnseta" ? ChannelType.Audio
                        : args[0].Count == 1 ? TypeOfValue(args[0][0]) : ChannelType.Control;
                    flow = ChannelFlow.Output;
                }
                break;
        }
        if (string.IsNullOrEmpty(name))
        {
            return;
        }
        ChannelInfo? known = model.Channels.FirstOrDefault(c => c.Name == name);
        bool declaration = opcode.StartsWith("chn_", StringComparison.Ordinal) || opcode == "chnexport";
        if (known is null)
        {
            known = new ChannelInfo(name!, type, flow, file, t[0].Line);
            model.Channels.Add(known);
        }
        else
        {
            known.Flow |= flow;
        }
        if (declaration)
        {
            known.Flow = flow == ChannelFlow.None ? ChannelFlow.Both : flow;
            if (type == ChannelType.Control && args.Count >= 6)
            {
                known.Default = Number(args[3]);
                known.Min = Number(args[4]);
                known.Max = Number(args[5]);
            }
        }
        if (statement.Doc is not null && (declaration || known.Doc is null))
        {
            known.Doc = statement.Doc;
        }
    }

    private static bool IsChannelOpcode(string word) =>
        word == "chn_k" || word == "chn_a" || word == "chn_S" || word == "chnexport" || ChannelGetters.Contains(word) || ChannelSetters.Contains(word);

    // The variable's rate decides the channel type: a/ga audio, S/gS string, everything else control.
    private static ChannelType TypeOf(string? variable)
    {
        if (string.IsNullOrEmpty(variable))
        {
            return ChannelType.Control;
        }
        string v = variable!.StartsWith("g", StringComparison.Ordinal) && variable.Length > 1 ? variable.Substring(1) : variable;
        return v.StartsWith("a", StringComparison.Ordinal) ? ChannelType.Audio : v.StartsWith("S", StringComparison.Ordinal) ? ChannelType.String : ChannelType.Control;
    }

    private static ChannelType TypeOfValue(Token value) =>
        value.Kind == TokenKind.String ? ChannelType.String : value.Kind == TokenKind.Number ? ChannelType.Control : TypeOf(value.Text);

    // ---- arguments ----

    /// <summary>Splits tokens after an opcode at top-level commas.</summary>
    private static List<List<Token>> ArgumentGroups(List<Token> tokens, int from)
    {
        var groups = new List<List<Token>>();
        var current = new List<Token>();
        int depth = 0;
        for (int k = from; k < tokens.Count; k++)
        {
            Token x = tokens[k];
            if (x.Kind == TokenKind.Symbol && (x.Text == "(" || x.Text == "["))
            {
                depth++;
            }
            else if (x.Kind == TokenKind.Symbol && (x.Text == ")" || x.Text == "]"))
            {
                depth--;
            }
            if (depth == 0 && x.Kind == TokenKind.Symbol && x.Text == ",")
            {
                groups.Add(current);
                current = new List<Token>();
                continue;
            }
            current.Add(x);
        }
        if (current.Count > 0)
        {
            groups.Add(current);
        }
        return groups;
    }

    private static double? Number(List<Token> group)
    {
        if (group.Count == 1 && group[0].Kind == TokenKind.Number)
        {
            return double.TryParse(group[0].Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null;
        }
        if (group.Count == 2 && group[0].Text == "-" && group[1].Kind == TokenKind.Number)
        {
            return double.TryParse(group[1].Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? -v : null;
        }
        return null;
    }

    // ---- whole-model checks ----

    private static void Finish(OrchestraModel model)
    {
        var labels = new Dictionary<string, InstrumentInfo>(StringComparer.Ordinal);
        foreach (InstrumentInfo instrument in model.Instruments)
        {
            foreach (string label in instrument.Labels)
            {
                if (labels.TryGetValue(label, out InstrumentInfo? first))
                {
                    model.Problems.Add(new OrchestraProblem(Diagnostics.DuplicateInstrument, instrument.File, instrument.Line, 1,
                        $"instrument '{label}' is defined again (first at line {first.Line} of {System.IO.Path.GetFileName(first.File)})"));
                }
                else
                {
                    labels[label] = instrument;
                }
            }
            foreach (PField field in instrument.PFields.Values.Where(f => f.Name is null && f.UnnamedLine > 0))
            {
                model.Problems.Add(new OrchestraProblem(Diagnostics.UnnamedPField, instrument.File, field.UnnamedLine, 1,
                    $"p{field.Index} of instr {string.Join(", ", instrument.Labels)} is used but never given a name (write 'ivalue = p{field.Index}'); the typed method calls it p{field.Index}"));
            }
        }
    }
}
