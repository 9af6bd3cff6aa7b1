using Tilsyn.Retention;

namespace Tilsyn.Web.Retention;

/// <summary>
/// The record that a case's personal data were deleted (<i>kassation</i> / <i>bevaring og sletning</i>):
/// when, why (the retention rule, or a granted erasure request) and, for a preserved case, the archive
/// delivery it went to. No personal data. A case with a record is never picked again.
/// </summary>
public sealed class CaseDisposal
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public string CaseNumber { get; set; } = "";
    public DateTimeOffset DisposedAt { get; set; }
    public RetentionDisposition Disposition { get; set; }
    public DisposalCause Cause { get; set; }

    /// <summary>The rule in one line (<see cref="RetentionRule.Describe"/>) or the erasure's reason as the caller gave it.</summary>
    public string Reason { get; set; } = "";

    /// <summary>The archive delivery (<see cref="IArchiveExporter"/>) a preserved case went to.</summary>
    public int? ArchiveDeliveryId { get; set; }

    public const int ReasonMaxLength = 500;
}

/// <summary>Why a case's personal data were deleted.</summary>
public enum DisposalCause
{
    /// <summary>The retention period ran out (the daily job or the <c>retention</c> command).</summary>
    RetentionExpired = 1,
    /// <summary>An erasure request was granted (GDPR art. 17, <see cref="ICaseErasure"/>).</summary>
    Erasure = 2,
}
