using System;

namespace CsoundBindings.Host;

/// <summary>
/// Cleans what a host's MIDI reader returned before Csound parses it. Csound reads a status byte right after a
/// channel message's status byte as a port number (it adds 16 × port to the channel) and indexes its channel table
/// with the result, so garbage in that position crashes the process. Removed here: system real-time bytes
/// (0xF8–0xFF, which Csound ignores anyway) and a channel status byte directly followed by another status byte
/// (a message with no data). Everything else passes unchanged.
/// </summary>
internal static class MidiBytes
{
    /// <summary>Compacts <paramref name="data"/> in place and returns how many bytes remain.</summary>
    public static int Sanitize(Span<byte> data)
    {
        int kept = 0;
        for (int i = 0; i < data.Length; i++)
        {
            byte b = data[i];
            if (b >= 0xF8)
            {
                continue;
            }
            if (b is >= 0x80 and < 0xF0 && NextNonRealtime(data, i + 1) is >= 0x80)
            {
                continue;
            }
            data[kept++] = b;
        }
        return kept;
    }

    private static int NextNonRealtime(ReadOnlySpan<byte> data, int from)
    {
        for (int i = from; i < data.Length; i++)
        {
            if (data[i] < 0xF8)
            {
                return data[i];
            }
        }
        return -1;
    }
}
