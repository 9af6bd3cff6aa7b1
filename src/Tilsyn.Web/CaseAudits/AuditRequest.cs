using Tilsyn.Audits;

namespace Tilsyn.Web.CaseAudits;

/// <summary>What a user asks for when creating an audit (the form on <c>/CaseAudits</c>); no seed means a random one is recorded.</summary>
public sealed record AuditRequest(string Title, PopulationSource Source, int? ExtractId, int? AdministrationId, int? UnitId, string? KleGroup,
    string? CaseType, DateOnly? OpenedFrom, DateOnly? OpenedTo, StratifyBy StratifyBy, SampleDesign Design, int SampleSize, long? Seed);
