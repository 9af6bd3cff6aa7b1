namespace Tilsyn.Complaints;

/// <summary>
/// Where the deadline for the first answer comes from, named wherever the deadline is shown (case
/// page, worklist, reminders): the advisor's service goal for supervision cases, the law for requests.
/// </summary>
public static class FirstAnswerBasis
{
    /// <summary>The statutory basis in a few words, or null for the advisor's own service goal.</summary>
    public static string? For(CaseType type) => type switch
    {
        CaseType.DocumentAccessRequest => $"{DeadlinePolicy.DocumentAccessWorkingDays} arbejdsdage, offentlighedslovens § 36",
        _ when CaseTypes.IsDataSubjectRequest(type) => "1 måned, databeskyttelsesforordningens art. 12, stk. 3",
        _ => null,
    };

    /// <summary>The deadline's name with its basis for a case of this type: "Første svar til borgeren (7 arbejdsdage, offentlighedslovens § 36)".</summary>
    public static string Describe(DeadlineKind kind, CaseType type, DeadlineAudience audience = DeadlineAudience.Advisor) =>
        kind == DeadlineKind.FirstAnswer && For(type) is { } basis ? $"{CaseDeadlines.Name(kind, audience)} ({basis})" : CaseDeadlines.Name(kind, audience);
}
