namespace Tilsyn.Identity;

/// <summary>
/// Which administrations' data a user may see. The one rule behind every list and lookup:
/// advisor staff see all administrations, an AdministrationContact or AdministrationCaseworker only its own, and Leadership
/// sees no case-level data at all (aggregates only).
/// </summary>
public sealed record DataScope
{
    private DataScope(bool caseData, int? administrationId)
    {
        MaySeeCaseData = caseData;
        AdministrationId = administrationId;
    }

    /// <summary>Whether the user may see data about individual cases or people at all.</summary>
    public bool MaySeeCaseData { get; }

    /// <summary>When set, the user is limited to this administration.</summary>
    public int? AdministrationId { get; }

    public static readonly DataScope None = new(false, null);
    public static readonly DataScope AllAdministrations = new(true, null);
    public static DataScope Administration(int id) => new(true, id);

    /// <summary>
    /// Derives the scope from a user's roles. Roles are checked from the widest down, and a contact
    /// without an administration gets nothing: a misconfigured user must fail closed, not open.
    /// </summary>
    public static DataScope For(IEnumerable<string> roles, int? administrationId)
    {
        var set = roles.ToHashSet();
        if (set.Contains(Roles.Advisor) || set.Contains(Roles.AdvisorLead)) return AllAdministrations;
        if ((set.Contains(Roles.AdministrationContact) || set.Contains(Roles.AdministrationCaseworker)) && administrationId is { } id) return Administration(id);
        return None;
    }

    public bool Covers(int administrationId) =>
        MaySeeCaseData && (AdministrationId is null || AdministrationId == administrationId);
}
