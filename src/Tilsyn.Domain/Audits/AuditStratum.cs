namespace Tilsyn.Audits;

/// <summary>One stratum of an audit's population: its key, label, population size N_h and sample size n_h.</summary>
public sealed record AuditStratum(string Key, string Label, long PopulationSize, int SampleSize);
