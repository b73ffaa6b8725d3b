using System.Collections.Generic;
using System.Linq;
using CsoundBindings.Opcodes;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>
    /// Every opcode signature the engine knows, in Csound's order. Csound 6 reads its native list (with real
    /// flags); Csound 7, which removed it, lists through a silent temporary engine's <c>-z1</c> output (flags 0).
    /// </summary>
    public IReadOnlyList<OpcodeDef> GetOpcodes()
    {
        nint cs = Ptr;
        if (_state.OpcodeList is not null)
        {
            return _state.OpcodeList;
        }
        List<OpcodeDef>? list = _api.NativeOpcodeList(cs);
        if (list is null)
        {
            var lines = new List<string>();
            var text = new System.Text.StringBuilder();
            using (var probe = new Csound())
            {
                probe.Message += (_, e) => text.Append(e.Text);
                probe.SetOption("-z1");
                probe.SetOption("-n");
                probe.SetOption("-d");
                probe.CompileOrc("sr=44100\nksmps=64\nnchnls=1\n0dbfs=1\n");
                probe.Start();
            }
            lines.AddRange(text.ToString().Split('\n'));
            list = OpcodeListing.Parse(lines);
        }
        // Csound registers some signatures twice; each appears once here, in first-seen order.
        var seen = new HashSet<OpcodeDef>();
        _state.OpcodeList = list.Where(seen.Add).ToList().AsReadOnly();
        return _state.OpcodeList;
    }
}
