using System;
using System.Collections.Generic;
using System.Text;

namespace CsoundBindings.Options;

/// <summary>
/// Splits input-line text between its lines into parts of at most a given number of UTF-8 bytes. Csound 6 grows its
/// 32 KB line buffer to the exact size of a longer message and then writes its newline one byte past the end
/// (valgrind, in C): there one line over the limit is refused; Csound 7 reads input lines with its score reader, which
/// takes a long line, so there it goes alone.
/// </summary>
internal static class MessageSplitter
{
    public static List<string> Split(string text, int maxBytes, int generation)
    {
        var parts = new List<string>();
        var part = new StringBuilder();
        int partBytes = 0;
        foreach (string line in text.Split('\n'))
        {
            int bytes = Encoding.UTF8.GetByteCount(line) + 1; // with its newline
            if (bytes > maxBytes && generation < 7)
            {
                throw new ArgumentException(
                    $"InputMessage: an input line takes at most {maxBytes} bytes on Csound 6, not {bytes} (its line buffer overflows by one byte past 32 KB and corrupts the heap); send shorter lines.",
                    nameof(text));
            }
            if (partBytes > 0 && partBytes + bytes > maxBytes)
            {
                parts.Add(part.ToString());
                part.Clear();
                partBytes = 0;
            }
            part.Append(line).Append('\n');
            partBytes += bytes;
        }
        if (partBytes > 0)
        {
            parts.Add(part.ToString());
        }
        return parts;
    }
}
