using System;
using System.Collections.Generic;
using System.Text;

namespace CsoundBindings.SourceGenerators.Parsing;

/// <summary>C# names for orchestra names.</summary>
internal static class Naming
{
    private static readonly HashSet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>The name a variable gives its p-field: the rate prefix dropped (<c>iamp</c> → <c>amp</c>, <c>gkcut</c> → <c>cut</c>).</summary>
    public static string FromVariable(string variable)
    {
        string v = variable;
        if (v.Length > 1 && v[0] == 'g')
        {
            v = v.Substring(1);
        }
        if (v.Length > 1 && (v[0] == 'i' || v[0] == 'k' || v[0] == 'a' || v[0] == 'S' || v[0] == 'f' || v[0] == 'w'))
        {
            v = v.Substring(1);
        }
        return v.Length == 0 ? variable : v;
    }

    /// <summary>A camelCase parameter name.</summary>
    public static string Parameter(string name)
    {
        string pascal = Pascal(name);
        string camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary>A PascalCase member name: letters and digits kept, words joined; a leading digit gets a prefix.</summary>
    public static string Pascal(string name, string prefixForDigit = "N")
    {
        var b = new StringBuilder();
        bool upper = true;
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                b.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }
        if (b.Length == 0)
        {
            b.Append("Unnamed");
        }
        if (char.IsDigit(b[0]))
        {
            b.Insert(0, prefixForDigit);
        }
        return b.ToString();
    }

    /// <summary>A C# string literal (verbatim when it has line breaks).</summary>
    public static string Literal(string text)
    {
        var b = new StringBuilder("\"");
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                case '\0': b.Append("\\0"); break;
                default:
                    if (char.IsControl(c))
                    {
                        b.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        b.Append(c);
                    }
                    break;
            }
        }
        return b.Append('"').ToString();
    }

    /// <summary>Text safe inside an XML doc comment.</summary>
    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Levenshtein distance, for "did you mean" suggestions.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
