namespace Tilsyn.Anonymisation;

/// <summary>
/// What the scanner knows about the case a summary comes from: the parties' names, the case's
/// own number, and texts that look like personal data but are known to be public.
/// </summary>
public sealed class ScanContext
{
    /// <param name="partyNames">The parties' full names, e.g. "Jens Peter Hansen"; blank entries are ignored.</param>
    /// <param name="caseNumber">The case's own number in Tilsyn's format <c>2017-0129396</c>, or null.</param>
    /// <param name="publicData">
    /// Texts that are not personal data although they look like it, e.g. the municipality's switchboard
    /// "33 66 33 66". A finding is dropped when its text equals one of them, ignoring case and spacing
    /// (for phone numbers: comparing the digits, without +45).
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="caseNumber"/> is not in the format <c>2017-0129396</c>.</exception>
    public ScanContext(IEnumerable<string>? partyNames = null, string? caseNumber = null, IEnumerable<string>? publicData = null)
    {
        PartyNames = (partyNames ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToArray();
        if (caseNumber is not null && !Complaints.CaseNumber.TryParse(caseNumber, out _, out _))
            throw new ArgumentException("The case number must look like 2017-0129396.", nameof(caseNumber));
        CaseNumber = caseNumber?.Trim();
        PublicData = (publicData ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToArray();
    }

    /// <summary>No parties, no case number, no public data.</summary>
    public static ScanContext Empty { get; } = new();

    public IReadOnlyList<string> PartyNames { get; }

    public string? CaseNumber { get; }

    public IReadOnlyList<string> PublicData { get; }
}
