using Tilsyn.Audits;

namespace Tilsyn.Web.CaseAudits;

/// <summary>A drawn sample: the population's strata and the chosen cases.</summary>
public sealed record DrawnSample(long PopulationSize, IReadOnlyList<AuditStratum> Strata, IReadOnlyList<(string Stratum, PopulationCase Case)> Cases);
