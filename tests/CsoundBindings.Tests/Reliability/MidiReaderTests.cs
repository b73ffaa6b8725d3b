using System;
using System.Collections.Generic;
using CsoundBindings.Tests.Support;
using Xunit;

namespace CsoundBindings.Tests.Reliability;

/// <summary>
/// An external MIDI reader that misbehaves: random bytes, counts larger than the buffer or negative, exceptions.
/// The engine must keep performing, and a well-formed note-on sent afterwards must still play its instrument.
/// </summary>
public sealed class MidiReaderTests
{
    private const string Orchestra = SilentEngine.Header + "massign 0, 1\ninstr 1\n chnset notnum(), \"note\"\nendin\n";

    public static TheoryData<string> Misbehaviours => new() { "random bytes", "count past the buffer", "negative count", "int.MaxValue", "throws" };

    [Theory]
    [MemberData(nameof(Misbehaviours))]
    public void AMisbehavingReaderNeverStopsTheEngineAndAValidNoteStillPlays(string misbehaviour)
    {
        var random = new Random(1234);
        bool hostile = true;
        int reads = 0;
        var valid = new Queue<byte[]>();
        using var cs = new Csound();
        cs.Message += (_, _) => { };
        int reported = 0;
        cs.CallbackException += (_, _) => reported++;
        cs.SetOption("-n");
        cs.SetExternalMidiInput(buffer =>
        {
            if (!hostile)
            {
                if (!valid.TryDequeue(out byte[]? message))
                {
                    return 0;
                }
                message.CopyTo(buffer);
                return message.Length;
            }
            switch (misbehaviour)
            {
                case "random bytes":
                    // Like a device: what arrived since the last read, then nothing (else Csound reads on).
                    if (reads++ % 2 == 1)
                    {
                        return 0;
                    }
                    random.NextBytes(buffer);
                    return random.Next(0, 65);
                case "count past the buffer":
                    buffer.Fill(0x90);
                    return buffer.Length * 4;
                case "negative count":
                    return -5;
                case "int.MaxValue":
                    return int.MaxValue;
                default:
                    throw new InvalidOperationException("reader failed");
            }
        });
        cs.CompileOrc(Orchestra);
        for (int i = 0; i < 500; i++)
        {
            Assert.False(cs.PerformKsmps());
        }
        hostile = false;
        // All notes off on every channel first: garbage may have left running status or sysex open.
        for (int channel = 0; channel < 16; channel++)
        {
            valid.Enqueue([(byte)(0xB0 | channel), 123, 0]);
        }
        valid.Enqueue([0x90, 67, 100]);
        cs.SetControlChannel("note", -1);
        for (int i = 0; i < 50 && cs.GetControlChannel("note") != 67; i++)
        {
            cs.PerformKsmps();
        }
        Assert.Equal(67, cs.GetControlChannel("note"));
        Assert.Equal(misbehaviour == "throws" ? 500 : 0, reported);
    }
}
