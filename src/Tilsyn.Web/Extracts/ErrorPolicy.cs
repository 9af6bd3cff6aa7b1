namespace Tilsyn.Web.Extracts;

public enum ErrorPolicy
{
    /// <summary>Any bad row rejects the whole file: nothing is imported.</summary>
    RejectFile = 1,
    /// <summary>Valid rows are imported; bad rows are kept in quarantine with their errors.</summary>
    QuarantineBadRows = 2,
}
