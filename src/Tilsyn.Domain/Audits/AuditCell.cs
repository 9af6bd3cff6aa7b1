namespace Tilsyn.Audits;

/// <summary>The auditor's answer to one checklist question for one sampled case, with an optional comment (<i>bemærkning</i>).</summary>
public sealed record AuditCell(AuditAnswer Answer, string? Comment);
