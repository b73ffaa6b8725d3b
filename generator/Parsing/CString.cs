using System;
using System.Text;

namespace CsoundBindings.Generator.Parsing;

/// <summary>Decodes C string literal tokens.</summary>
internal static class CString
{
    /// <summary>The text of one literal token such as <c>"a\tb"</c>, escapes decoded.</summary>
    public static string Unescape(string token)
    {
        if (token.Length < 2 || token[0] != '"' || token[^1] != '"')
        {
            throw new FormatException($"Not a plain C string literal: {token}");
        }
        var text = new StringBuilder();
        for (int i = 1; i < token.Length - 1; i++)
        {
            char c = token[i];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }
            char e = token[++i];
            switch (e)
            {
                case 'n': text.Append('\n'); break;
                case 't': text.Append('\t'); break;
                case 'r': text.Append('\r'); break;
                case '0': text.Append('\0'); break;
                case '\\': text.Append('\\'); break;
                case '"': text.Append('"'); break;
                case '\'': text.Append('\''); break;
                default: throw new FormatException($"Unsupported escape \\{e} in {token}");
            }
        }
        return text.ToString();
    }
}
