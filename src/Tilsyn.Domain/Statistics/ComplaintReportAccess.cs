using Tilsyn.Identity;

namespace Tilsyn.Statistics;

/// <summary>
/// Who may see an administration's complaint figures (the quarterly committee report,
/// <i>kvartalsrapport til udvalget</i>, and <c>/api/complaints/quarterly</c>): the advisor's staff and
/// Leadership every administration's; a user of an administration (its contacts, and any role
/// <see cref="DataScope"/> limits to one administration) only its own. Leadership sees counts only:
/// no case numbers and no links to cases.
/// </summary>
public sealed class ComplaintReportAccess
{
    private readonly DataScope scope;
    private readonly bool leadership;

    private ComplaintReportAccess(DataScope scope, bool leadership) => (this.scope, this.leadership) = (scope, leadership);

    public static ComplaintReportAccess For(IEnumerable<string> roles, int? administrationId)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        return new(DataScope.For(set, administrationId), set.Contains(Roles.Leadership));
    }

    /// <summary>Whether the user sees <paramref name="administrationId"/>'s report (otherwise: 404).</summary>
    public bool MaySee(int administrationId) => scope.Covers(administrationId) || (leadership && !scope.MaySeeCaseData);

    /// <summary>The administration the user is limited to; null when it may choose any.</summary>
    public int? OnlyAdministration => scope.MaySeeCaseData ? scope.AdministrationId : null;

    /// <summary>Whether case references (numbers, links) may appear next to the counts; never for Leadership.</summary>
    public bool MaySeeCaseReferences => scope.MaySeeCaseData;
}
