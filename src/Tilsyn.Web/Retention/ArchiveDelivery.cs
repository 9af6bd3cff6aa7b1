namespace Tilsyn.Web.Retention;

/// <summary>
/// A written and verified archive delivery (<i>arkivaflevering</i>): one package under
/// <see cref="ArchiveOptions.Folder"/>. Recorded only after every file was re-read against its
/// checksum and every PDF parsed; a failed export records nothing.
/// </summary>
public sealed class ArchiveDelivery
{
    public const int ReasonMaxLength = 500;

    public int Id { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Why it was delivered, e.g. "Slettefrist udløbet (bevar)" or "Aflevering efter behov" (no personal data).</summary>
    public string Reason { get; private set; } = "";

    /// <summary>The period the cases were closed in (Copenhagen dates): as chosen on the page, or the closing dates of the cases given.</summary>
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public int CaseCount { get; private set; }
    public int DocumentCount { get; private set; }

    /// <summary>The package's folder name under the archive folder (relative, so the folder can move).</summary>
    public string Location { get; private set; } = "";

    /// <summary>SHA-256 of the package's <c>SHA256SUMS.txt</c>: one value that pins every file of the package.</summary>
    public string ManifestSha256 { get; private set; } = "";

    /// <summary>Who asked for it ("Full Name (login)"), or the system for the retention run.</summary>
    public string CreatedBy { get; private set; } = "";

    private ArchiveDelivery() { }

    public ArchiveDelivery(DateTimeOffset createdAt, string reason, DateOnly from, DateOnly to, int caseCount, int documentCount,
        string location, string manifestSha256, string createdBy)
    {
        CreatedAt = createdAt;
        Reason = reason;
        PeriodFrom = from;
        PeriodTo = to;
        CaseCount = caseCount;
        DocumentCount = documentCount;
        Location = location;
        ManifestSha256 = manifestSha256;
        CreatedBy = createdBy;
    }
}
