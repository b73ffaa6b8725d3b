using System.Collections.Generic;
using System.Text;

namespace CsoundBindings.SourceGenerators.Parsing;

internal enum TokenKind
{
    Word,
    Number,
    String,
    Symbol,
}

internal readonly struct Token
{
    public Token(TokenKind kind, string text, int line, int column)
    {
        Kind = kind;
        Text = text;
        Line = line;
        Column = column;
    }

    public TokenKind Kind { get; }

    public string Text { get; }

    public int Line { get; }

    public int Column { get; }

    public override string ToString() => Text;
}

/// <summary>One orchestra statement: its tokens, and the comments just above it and after it on its line.</summary>
internal sealed class Statement
{
    public List<Token> Tokens { get; } = new List<Token>();

    public string? Doc { get; set; }

    public int Line => Tokens.Count > 0 ? Tokens[0].Line : 0;
}

/// <summary>
/// Splits orchestra text into statements. Knows what Csound's reader knows about the surface: <c>;</c> and
/// <c>//</c> comments, <c>/* */</c> blocks, strings with escapes, <c>{{ }}</c> strings, <c>\</c> line
/// continuations and preprocessor lines (<c>#define</c> bodies between <c>#</c> marks may span lines). Never
/// throws: unterminated strings and comments become problems and the text after them is still read.
/// </summary>
internal static class Lexer
{
    private static readonly char[] Quotes = { '"', '\'' };

    public static List<Statement> Split(string text, string file, int firstLine, List<OrchestraProblem> problems, List<(string Path, int Line)> includes)
    {
        var statements = new List<Statement>();
        var current = new Statement();
        var pendingDoc = new StringBuilder();
        bool docBroken = false;
        int i = 0, line = firstLine, lineStart = 0;
        bool atLineStart = true;

        void EndStatement()
        {
            if (current.Tokens.Count > 0)
            {
                statements.Add(current);
                current = new Statement();
            }
        }

        void Comment(string body, bool ownLine)
        {
            string trimmed = body.Trim();
            if (ownLine)
            {
                if (docBroken)
                {
                    pendingDoc.Clear();
                    docBroken = false;
                }
                if (trimmed.Length > 0)
                {
                    pendingDoc.Append(pendingDoc.Length > 0 ? " " : string.Empty).Append(trimmed);
                }
            }
            else if (current.Tokens.Count > 0 && trimmed.Length > 0)
            {
                current.Doc = current.Doc is null ? trimmed : current.Doc + " " + trimmed;
            }
        }

        void Add(TokenKind kind, string value, int start)
        {
            if (current.Tokens.Count == 0)
            {
                current.Doc = pendingDoc.Length > 0 ? pendingDoc.ToString() : null;
                pendingDoc.Clear();
                docBroken = false;
            }
            current.Tokens.Add(new Token(kind, value, line, start - lineStart + 1));
            atLineStart = false;
        }

        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\n')
            {
                EndStatement();
                if (atLineStart)
                {
                    docBroken = true; // a blank line ends the comment block above a statement
                }
                i++;
                line++;
                lineStart = i;
                atLineStart = true;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
            {
                i++;
                continue;
            }
            if (c == '\\' && RestOfLineIsBlank(text, i + 1))
            {
                // continuation: the statement goes on after the newline
                int nl = text.IndexOf('\n', i);
                if (nl < 0)
                {
                    break;
                }
                i = nl + 1;
                line++;
                lineStart = i;
                continue;
            }
            if (c == ';' || (c == '/' && Peek(text, i + 1) == '/'))
            {
                int end = text.IndexOf('\n', i);
                if (end < 0)
                {
                    end = text.Length;
                }
                bool ownLine = current.Tokens.Count == 0;
                Comment(text.Substring(i + (c == ';' ? 1 : 2), end - i - (c == ';' ? 1 : 2)), ownLine);
                atLineStart = false;
                i = end;
                continue;
            }
            if (c == '/' && Peek(text, i + 1) == '*')
            {
                int end = text.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
                bool ownLine = current.Tokens.Count == 0;
                if (end < 0)
                {
                    problems.Add(new OrchestraProblem(Diagnostics.UnterminatedComment, file, line, i - lineStart + 1, "a /* comment is not closed"));
                    break;
                }
                string body = text.Substring(i + 2, end - i - 2);
                Comment(body.Replace('\n', ' ').Replace("*", string.Empty), ownLine);
                for (int k = i; k < end; k++)
                {
                    if (text[k] == '\n')
                    {
                        line++;
                        lineStart = k + 1;
                    }
                }
                atLineStart = false;
                i = end + 2;
                continue;
            }
            if (c == '#' && current.Tokens.Count == 0)
            {
                i = Preprocessor(text, i, file, ref line, ref lineStart, problems, includes);
                atLineStart = false;
                continue;
            }
            if (c == '"')
            {
                int start = i;
                var value = new StringBuilder();
                i++;
                bool closed = false;
                while (i < text.Length && text[i] != '\n')
                {
                    if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] != '\n')
                    {
                        value.Append(text[i]).Append(text[i + 1]);
                        i += 2;
                        continue;
                    }
                    if (text[i] == '"')
                    {
                        closed = true;
                        i++;
                        break;
                    }
                    value.Append(text[i]);
                    i++;
                }
                if (!closed)
                {
                    problems.Add(new OrchestraProblem(Diagnostics.UnterminatedString, file, line, start - lineStart + 1, "a string is not closed on its line"));
                }
                Add(TokenKind.String, value.ToString(), start);
                continue;
            }
            if (c == '{' && Peek(text, i + 1) == '{')
            {
                int start = i;
                int end = text.IndexOf("}}", i + 2, System.StringComparison.Ordinal);
                if (end < 0)
                {
                    problems.Add(new OrchestraProblem(Diagnostics.UnterminatedString, file, line, start - lineStart + 1, "a {{ string is not closed"));
                    break;
                }
                Add(TokenKind.String, text.Substring(i + 2, end - i - 2), start);
                for (int k = i; k < end; k++)
                {
                    if (text[k] == '\n')
                    {
                        line++;
                        lineStart = k + 1;
                    }
                }
                i = end + 2;
                continue;
            }
            if (char.IsLetter(c) || c == '_' || c == '$')
            {
                int start = i;
                i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '.'))
                {
                    i++;
                }
                Add(TokenKind.Word, text.Substring(start, i - start), start);
                continue;
            }
            if (char.IsDigit(c) || (c == '.' && char.IsDigit(Peek(text, i + 1))))
            {
                int start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '.'
                    || ((text[i] == '+' || text[i] == '-') && (text[i - 1] == 'e' || text[i - 1] == 'E'))))
                {
                    i++;
                }
                Add(TokenKind.Number, text.Substring(start, i - start), start);
                continue;
            }
            Add(TokenKind.Symbol, c.ToString(), i);
            i++;
        }
        EndStatement();
        return statements;
    }

    private static char Peek(string text, int at) => at < text.Length ? text[at] : '\0';

    private static bool RestOfLineIsBlank(string text, int at)
    {
        for (int k = at; k < text.Length && text[k] != '\n'; k++)
        {
            if (text[k] != ' ' && text[k] != '\t' && text[k] != '\r')
            {
                return false;
            }
        }
        return true;
    }

    // #include "file" is recorded; #define NAME #body# (the body may span lines) and the other directives are skipped.
    private static int Preprocessor(string text, int i, string file, ref int line, ref int lineStart, List<OrchestraProblem> problems, List<(string Path, int Line)> includes)
    {
        int end = text.IndexOf('\n', i);
        if (end < 0)
        {
            end = text.Length;
        }
        string directive = text.Substring(i, end - i).Trim();
        if (directive.StartsWith("#include", System.StringComparison.Ordinal))
        {
            int q1 = directive.IndexOfAny(Quotes, 8);
            int q2 = q1 < 0 ? -1 : directive.IndexOf(directive[q1], q1 + 1);
            if (q2 > q1)
            {
                includes.Add((directive.Substring(q1 + 1, q2 - q1 - 1), line));
            }
            return end;
        }
        if (directive.StartsWith("#define", System.StringComparison.Ordinal))
        {
            int open = text.IndexOf('#', i + 7);
            if (open >= 0 && open < end)
            {
                int close = open + 1;
                while (close < text.Length && !(text[close] == '#' && text[close - 1] != '\\'))
                {
                    close++;
                }
                if (close >= text.Length)
                {
                    problems.Add(new OrchestraProblem(Diagnostics.UnterminatedString, file, line, open - lineStart + 1, "a #define body is not closed with #"));
                    return text.Length;
                }
                for (int k = i; k < close; k++)
                {
                    if (text[k] == '\n')
                    {
                        line++;
                        lineStart = k + 1;
                    }
                }
                int after = text.IndexOf('\n', close);
                return after < 0 ? text.Length : after;
            }
        }
        return end;
    }
}
