using Microsoft.CodeAnalysis;

namespace CsoundBindings.SourceGenerators;

/// <summary>The diagnostics of typed orchestras: ids are stable (the README lists them).</summary>
internal static class Diagnostics
{
    public const string Unbalanced = "CSO001";
    public const string UnterminatedString = "CSO002";
    public const string UnterminatedComment = "CSO003";
    public const string DuplicateInstrument = "CSO004";
    public const string UnnamedPField = "CSO005";
    public const string OrchestraNotFound = "CSO006";
    public const string IncludeNotInProject = "CSO007";
    public const string ParserFailure = "CSO008";
    public const string UnknownChannel = "CSO100";
    public const string UnknownInstrument = "CSO101";

    private const string Category = "CsoundBindings.Orchestra";

    public static readonly DiagnosticDescriptor UnbalancedRule = Error(Unbalanced, "instr and endin do not balance");
    public static readonly DiagnosticDescriptor UnterminatedStringRule = Error(UnterminatedString, "Unterminated string");
    public static readonly DiagnosticDescriptor UnterminatedCommentRule = Error(UnterminatedComment, "Unterminated comment");
    public static readonly DiagnosticDescriptor DuplicateInstrumentRule = Error(DuplicateInstrument, "Instrument defined twice");
    public static readonly DiagnosticDescriptor UnnamedPFieldRule = Warning(UnnamedPField, "p-field without a name");
    public static readonly DiagnosticDescriptor OrchestraNotFoundRule = Error(OrchestraNotFound, "Orchestra file not found");
    public static readonly DiagnosticDescriptor IncludeNotInProjectRule = Warning(IncludeNotInProject, "#include of a file outside the project");
    public static readonly DiagnosticDescriptor ParserFailureRule = Warning(ParserFailure, "Orchestra reader stopped");

    public static readonly DiagnosticDescriptor UnknownChannelRule = new DiagnosticDescriptor(UnknownChannel,
        "Channel not in any orchestra", "No orchestra of the project uses a channel named '{0}'{1}", Category,
        DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "A channel name that no .csd/.orc/.udo of the project declares or uses makes a new, silent channel in Csound.");

    public static readonly DiagnosticDescriptor UnknownInstrumentRule = new DiagnosticDescriptor(UnknownInstrument,
        "Instrument not in any orchestra", "No orchestra of the project defines an instrument named '{0}'{1}", Category,
        DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static DiagnosticDescriptor For(string id) => id switch
    {
        Unbalanced => UnbalancedRule,
        UnterminatedString => UnterminatedStringRule,
        UnterminatedComment => UnterminatedCommentRule,
        DuplicateInstrument => DuplicateInstrumentRule,
        UnnamedPField => UnnamedPFieldRule,
        OrchestraNotFound => OrchestraNotFoundRule,
        IncludeNotInProject => IncludeNotInProjectRule,
        _ => ParserFailureRule,
    };

    private static DiagnosticDescriptor Error(string id, string title) =>
        new DiagnosticDescriptor(id, title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string title) =>
        new DiagnosticDescriptor(id, title, "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
