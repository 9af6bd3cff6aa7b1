using Tilsyn.Identity;

namespace Tilsyn.Publishing;

/// <summary>
/// The one rule for who may see and write the administrations' follow-up accounts
/// (<see cref="FollowUpAccount"/>): accounts exist only once the year's report is published; the
/// advisor's staff and Leadership read every administration's account, a contact reads and alone
/// writes its own administration's. Built from the user's roles and administration, like
/// <see cref="Tilsyn.Audits.CaseAuditAccess"/>.
/// </summary>
public sealed class FollowUpAccountAccess
{
    private readonly bool staff;
    private readonly bool leadership;
    private readonly int? own;

    private FollowUpAccountAccess(bool staff, bool leadership, int? own) => (this.staff, this.leadership, this.own) = (staff, leadership, own);

    public static FollowUpAccountAccess For(IEnumerable<string> roles, int? administrationId)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        return new(set.Contains(Roles.Advisor) || set.Contains(Roles.AdvisorLead), set.Contains(Roles.Leadership),
            set.Contains(Roles.AdministrationContact) ? administrationId : null);
    }

    /// <summary>Accounts (and their overview) exist only for a published report.</summary>
    public static bool AccountsOpen(bool reportPublished) => reportPublished;

    /// <summary>The administration a contact's overview is limited to; null = every administration.</summary>
    public int? OnlyAdministration => own;

    /// <summary>Whether the user reads this administration's account of the year (others answer 404).</summary>
    public bool MaySee(bool reportPublished, int administrationId) =>
        AccountsOpen(reportPublished) && (staff || leadership || own == administrationId);

    /// <summary>Only the administration's own contact writes and submits its account.</summary>
    public bool MayEdit(bool reportPublished, int administrationId) => AccountsOpen(reportPublished) && own == administrationId;
}
