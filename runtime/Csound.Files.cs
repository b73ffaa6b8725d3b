using System;

namespace CsoundBindings;

public sealed partial class Csound
{
    /// <summary>
    /// Raised on Csound's thread for each file it opens: the CSD, orchestra and score files, <c>#include</c>s, sound
    /// files it reads (GEN01, <c>diskin</c>) and writes (<c>-o</c>), analysis files. For progress displays,
    /// dependency lists and sandbox audits. Kept across <see cref="Reset"/>.
    /// </summary>
    public event EventHandler<FileOpenedEventArgs>? FileOpened
    {
        add
        {
            _state.FileOpened += value;
            _state.InstallFileNotices();
        }
        remove => _state.FileOpened -= value;
    }
}
