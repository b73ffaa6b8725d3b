namespace CsoundBindings.Options;

/// <summary>Where orchestra text is code, as Csound's lexer reads it: not in a comment or a string.</summary>
internal static class OrchestraCode
{
    /// <summary>
    /// Whether the character at <paramref name="at"/> is code: outside <c>;</c> and <c>//</c> comments (to the line's
    /// end), <c>/* */</c> comments, <c>"..."</c> strings (with <c>\</c> escapes, closed by the line's end too) and
    /// <c>{{ }}</c> strings, an escaped character (<c>\x</c>) anywhere being neither. One pass from the start; the
    /// guards call it only on a match.
    /// </summary>
    public static bool IsCode(string text, int at)
    {
        int i = 0;
        while (i < at)
        {
            char c = text[i];
            char next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == ';' || (c == '/' && next == '/'))
            {
                int end = text.IndexOf('\n', i);
                if (end < 0 || end >= at)
                {
                    return false;
                }
                i = end + 1;
            }
            else if (c == '/' && next == '*')
            {
                int end = text.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
                if (end < 0 || end + 2 > at)
                {
                    return false;
                }
                i = end + 2;
            }
            else if (c == '{' && next == '{')
            {
                int end = text.IndexOf("}}", i + 2, System.StringComparison.Ordinal);
                if (end < 0 || end + 2 > at)
                {
                    return false;
                }
                i = end + 2;
            }
            else if (c == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"' && text[i] != '\n')
                {
                    i += text[i] == '\\' ? 2 : 1;
                }
                if (i >= at)
                {
                    return false;
                }
                i++;
            }
            else
            {
                i += c == '\\' ? 2 : 1; // an escape outside a string too: "\\\"" opens none (the preprocessor's rule)
            }
        }
        return true;
    }
}
