using System.Linq.Expressions;
using Tilsyn.Identity;
using Tilsyn.Recommendations;

namespace Tilsyn.Audits;

/// <summary>Who runs an audit and whose cases it audits (null = the advisor; the whole municipality).</summary>
public sealed record AuditOwnership(int? Owner, int? AdministrationId);

/// <summary>
/// The one rule for who may do what with case audits (<i>sagsaudits</i>): advisor staff run and see
/// every audit; an administration's contact runs audits of its own administration only and sees only
/// audits of it; Leadership sees every audit's results (aggregates), never the sampled cases.
/// Built from the user's roles and administration, like <see cref="DataScope"/>, whose rule it follows.
/// </summary>
public sealed class CaseAuditAccess
{
    private readonly bool staff;
    private readonly bool leadership;
    private readonly bool contact;
    private readonly int? own;

    private CaseAuditAccess(bool staff, bool leadership, bool contact, int? own) =>
        (this.staff, this.leadership, this.contact, this.own) = (staff, leadership, contact, own);

    public static CaseAuditAccess For(IEnumerable<string> roles, int? administrationId)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        var scope = DataScope.For(set, administrationId);
        return new(set.Contains(Roles.Advisor) || set.Contains(Roles.AdvisorLead), set.Contains(Roles.Leadership), set.Contains(Roles.AdministrationContact), scope.AdministrationId);
    }

    /// <summary>The advisor's own staff.</summary>
    public bool IsStaff => staff;

    /// <summary>The administration a contact is limited to (null for staff, Leadership and anyone else).</summary>
    public int? OwnAdministration => staff ? null : own;

    /// <summary>Whether the user is offered to create audits (a contact without an administration is refused in <see cref="OwnershipFor"/>).</summary>
    public bool MayCreate => staff || contact;

    /// <summary>Which audits the user may see, as a query filter; <see cref="MaySee"/> is the same rule for one audit.</summary>
    public Expression<Func<CaseAudit, bool>> Visible
    {
        get
        {
            if (staff || leadership) return a => true;
            if (own is { } id) return a => a.AdministrationId == id;
            return a => false;
        }
    }

    public bool MaySee(CaseAudit audit) => staff || leadership || (own is { } id && audit.AdministrationId == id);

    /// <summary>The sampled cases (case-level data): never for Leadership.</summary>
    public bool MaySeeCases(CaseAudit audit) => staff || (own is { } id && audit.AdministrationId == id);

    /// <summary>
    /// Whether the user sees a sampled case's key only where the case itself is visible to them: an
    /// audit of the advisor's own complaint cases, seen by anybody but the advisor's staff. (An
    /// extract's keys are the administration's own case numbers.)
    /// </summary>
    public bool KeysNeedCaseAccess(CaseAudit audit) => !staff && audit.Source == PopulationSource.Complaints;

    /// <summary>
    /// The name a sampled case is shown under: its key, or — where <see cref="KeysNeedCaseAccess"/> and the
    /// case is not shared with the user's administration — a stand-in ("Ikke delt sag 12"), so the sample
    /// reveals no case number the user may not see (need-to-know).
    /// </summary>
    public string ShownKey(CaseAudit audit, SampledCase c, bool caseVisibleToUser) =>
        !KeysNeedCaseAccess(audit) || caseVisibleToUser ? c.CaseKey : $"Ikke delt sag {c.Id}";

    /// <summary>The owner records answers: the advisor's staff, or the contacts of the administration that runs its own audit.</summary>
    public bool MayAnswer(CaseAudit audit) => staff || (contact && audit.OwnerAdministrationId is { } owner && own == owner);

    /// <summary>A finding becomes a recommendation in the register only by the advisor's staff.</summary>
    public bool MayRecommend => staff;

    /// <summary>The recommendations made from an audit's findings: staff and contacts (Leadership sees the results only).</summary>
    public bool MaySeeRecommendations => staff || contact;

    /// <summary>
    /// Which of an audit's recommendations the user sees, as a query filter: staff all; a contact only
    /// those aimed at its own administration; Leadership and anyone else none (<see cref="MaySeeRecommendations"/>).
    /// </summary>
    public Expression<Func<Recommendation, bool>> VisibleRecommendations
    {
        get
        {
            if (staff) return r => true;
            if (contact && own is { } id) return r => r.AdministrationId == id;
            return r => false;
        }
    }

    /// <summary>
    /// Who owns a new audit and whose cases it audits: staff audit what they ask for and own it as the
    /// advisor; a contact's audit is its administration's own, of its own administration's cases.
    /// </summary>
    public AuditOwnership OwnershipFor(int? requestedAdministration)
    {
        if (staff) return new(null, requestedAdministration);
        if (!contact || own is not { } id) throw new DomainException("Du kan ikke oprette sagsaudits.");
        if (requestedAdministration is { } asked && asked != id)
            throw new DomainException("Forvaltning: du kan kun auditere din egen forvaltnings sager.");
        return new(id, id);
    }
}
