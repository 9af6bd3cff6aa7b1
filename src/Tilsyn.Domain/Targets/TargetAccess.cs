using Tilsyn.Identity;

namespace Tilsyn.Targets;

/// <summary>
/// Who may see and change the administrations' own targets. Targets are no personal data: the
/// advisor's staff and Leadership read every administration's; an administration's own people read
/// only their own. Only the administration's own people record, change and submit its targets
/// (<see cref="EditorRoles"/>): the targets are the administration's, the advisor reports them.
/// </summary>
public sealed record TargetAccess
{
    /// <summary>The roles of an administration that record its targets. A new administration role (e.g. its own caseworkers) is added here.</summary>
    public static readonly IReadOnlyList<string> EditorRoles = [Roles.AdministrationContact];

    private TargetAccess(bool readAll, int? own, bool edit)
    {
        MayReadAll = readAll;
        OwnAdministrationId = own;
        MayEditOwn = edit;
    }

    public bool MayReadAll { get; }

    /// <summary>The administration the user belongs to (from the data scope), when any.</summary>
    public int? OwnAdministrationId { get; }

    public bool MayEditOwn { get; }

    public static readonly TargetAccess None = new(false, null, false);

    public static TargetAccess For(IEnumerable<string> roles, int? administrationId)
    {
        var set = roles.ToHashSet();
        var scope = DataScope.For(set, administrationId);
        if (scope.MaySeeCaseData && scope.AdministrationId is null) return new(true, null, false); // the advisor's staff
        if (scope.AdministrationId is { } own) return new(false, own, EditorRoles.Any(set.Contains));
        if (set.Contains(Roles.Leadership)) return new(true, null, false);
        return None;
    }

    public bool MayRead(int administrationId) => MayReadAll || OwnAdministrationId == administrationId;

    public bool MayEdit(int administrationId) => MayEditOwn && OwnAdministrationId == administrationId;
}
