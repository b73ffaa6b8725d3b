namespace CsoundBindings;

/// <summary>A string channel. Access is serialised per engine (Csound 6.18 is not safe with concurrent string-channel calls).</summary>
public sealed unsafe class StringChannel : Channel
{
    internal StringChannel(Csound owner, string name, ChannelDirection direction, void* data)
        : base(owner, name, ChannelKind.String, direction, data)
    {
    }

    /// <summary>The text (empty when nothing was written yet).</summary>
    public string Value
    {
        get
        {
            _ = Checked;
            return Owner.GetStringChannel(Name);
        }

        set
        {
            _ = Checked;
            Owner.SetStringChannel(Name, value);
        }
    }
}
