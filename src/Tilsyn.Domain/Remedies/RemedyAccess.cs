using Tilsyn.Complaints;
using Tilsyn.Identity;

namespace Tilsyn.Remedies;

/// <summary>
/// Who may record what about a case's remedies (<i>afhjælpning</i>), on a case the user already sees
/// (<see cref="CaseAccess"/> decides that; another administration's case answers 404 before this is asked):
/// <list type="bullet">
/// <item>ask for a remedy: on the advisor's case the advisor's staff, who concluded it; on a case of an
/// administration's own register that administration's complaint handlers (its contact, its caseworker);</item>
/// <item>record the administration's answer and the date it was carried out: the case's administration's
/// contact or caseworker, or the advisor's staff on its behalf (an answer that came by mail).</item>
/// </list>
/// Leadership and everyone else record nothing. Built from the user's roles and administration, like <see cref="CaseAccess"/>.
/// </summary>
public sealed class RemedyAccess
{
    private readonly bool staff;
    private readonly int? administrationOf;

    private RemedyAccess(bool staff, int? administrationOf) => (this.staff, this.administrationOf) = (staff, administrationOf);

    public static RemedyAccess For(IEnumerable<string> roles, int? administrationId)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        var staff = set.Contains(Roles.Advisor) || set.Contains(Roles.AdvisorLead);
        var handler = set.Contains(Roles.AdministrationContact) || set.Contains(Roles.AdministrationCaseworker);
        return new(staff, !staff && handler ? administrationId : null);
    }

    /// <summary>Whether the user may ask for a remedy on <paramref name="c"/> (whether the case allows it now is <see cref="ComplaintCase.MayAskForRemedies"/>).</summary>
    public bool MayAsk(ComplaintCase c) =>
        c.OwnerAdministrationId is { } owner ? administrationOf == owner : staff;

    /// <summary>Whether the user may record the administration's answer to, or carrying out of, the case's remedies.</summary>
    public bool MayAnswer(ComplaintCase c) =>
        c.OwnerAdministrationId is { } owner ? administrationOf == owner : staff || (administrationOf is { } own && c.AdministrationId == own);
}
