using System.Linq.Expressions;
using Tilsyn.Anonymisation;
using Tilsyn.Identity;

namespace Tilsyn.Complaints;

/// <summary>
/// Need-to-know on cases: the one rule for who sees which case and what on it.
/// <list type="bullet">
/// <item>The advisor's staff see every case of the advisor's register and everything on it. A case of an
/// administration's own register (<see cref="ComplaintCase.OwnerAdministrationId"/>) they do not see at all
/// (only counts) until the administration shares it (<see cref="ComplaintCase.SharedWithAdvisorAt"/>); then
/// they read it (not the CPR number) and cannot change it.</item>
/// <item>An administration's users (AdministrationContact, AdministrationCaseworker) see and handle every case
/// of their own administration's register, everything on it. A case of the advisor's register they see only
/// once the advisor has involved the administration (<see cref="ComplaintCase.SharedWithAdministrationId"/>: a
/// statement request, a targeted effort or "Del med forvaltningen"), and on it only the documents shared
/// with it, the citizen's contact details only when shared, the citizen's CPR number never and internal
/// notes never.</item>
/// <item>Another administration's users, Leadership and anyone else see no case.</item>
/// </list>
/// Built from the user's roles and administration, like <see cref="DataScope"/>.
/// </summary>
public sealed class CaseAccess
{
    private readonly bool staff;
    private readonly int? contactOf;

    private CaseAccess(bool staff, int? contactOf) => (this.staff, this.contactOf) = (staff, contactOf);

    public static CaseAccess For(IEnumerable<string> roles, int? administrationId)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        var scope = DataScope.For(set, administrationId);
        var staff = set.Contains(Roles.Advisor) || set.Contains(Roles.AdvisorLead);
        return new(staff, staff || !scope.MaySeeCaseData ? null : scope.AdministrationId);
    }

    /// <summary>The advisor's own staff: every case of the advisor's register, everything on it.</summary>
    public bool IsStaff => staff;

    /// <summary>The administration a contact (or an administration's caseworker) is limited to; null for staff and for users who see no case.</summary>
    public int? ContactOf => contactOf;

    /// <summary>Whether the user may see any case at all.</summary>
    public bool MaySeeCases => staff || contactOf is not null;

    /// <summary>Which cases the user may see, as a query filter; <see cref="MaySee(ComplaintCase)"/> is the same rule for one case.</summary>
    public Expression<Func<ComplaintCase, bool>> Visible
    {
        get
        {
            if (staff) return c => c.OwnerAdministrationId == null || c.SharedWithAdvisorAt != null;
            if (contactOf is { } own)
                return c => c.OwnerAdministrationId == own
                    || (c.OwnerAdministrationId == null && c.AdministrationId == own && c.SharedWithAdministrationId == own);
            return c => false;
        }
    }

    public bool MaySee(ComplaintCase c) => staff
        ? c.OwnerAdministrationId is null || c.SharedWithAdvisorAt is not null
        : contactOf is { } own && (c.OwnerAdministrationId == own
            || (c.OwnerAdministrationId is null && c.AdministrationId == own && c.SharedWithAdministrationId == own));

    /// <summary>
    /// Whether the user works the case (every step of its workflow, letters, notes): the advisor's staff on the
    /// advisor's cases, an administration's users on their own register's cases. Everyone else at most reads it.
    /// </summary>
    public bool MayHandle(ComplaintCase c) => staff ? c.OwnerAdministrationId is null : contactOf is { } own && c.OwnerAdministrationId == own && !c.IsLinkedEntry;

    /// <summary>Whether the user sees everything on a case it may see: the advisor's staff, or the owning administration on its own register's case.</summary>
    public bool SeesAllOf(ComplaintCase c) => MaySee(c) && (staff || c.OwnerAdministrationId == contactOf);

    /// <summary>A document of the case: everything for <see cref="SeesAllOf"/>; otherwise only those visible to the administration.</summary>
    public bool MaySee(ComplaintCase c, CaseDocument d) => SeesAllOf(c) || (contactOf is not null && MaySee(c) && d.VisibleToAdministration);

    /// <summary>A statement request of the case: everything for <see cref="SeesAllOf"/>; otherwise those addressed to the user's administration.</summary>
    public bool MaySee(ComplaintCase c, StatementRequest r) => SeesAllOf(c) || (contactOf is { } own && MaySee(c) && r.AdministrationId == own);

    /// <summary>A history line of the case: all for <see cref="SeesAllOf"/>; otherwise only the status changes.</summary>
    public bool MaySee(ComplaintCase c, CaseEvent e) => SeesAllOf(c) || (contactOf is not null && MaySee(c) && e.ToStatus is not null);

    /// <summary>The citizen's CPR number: the advisor's staff on the advisor's cases, the owning administration on its own register's cases; never anyone else.</summary>
    public bool MaySeeCprOf(ComplaintCase c) => MayHandle(c);

    /// <summary>A free text of the case as the user may read it: as written for <see cref="SeesAllOf"/>, otherwise without CPR numbers.</summary>
    public string Shown(ComplaintCase c, string text) => SeesAllOf(c) ? text : WithoutCpr(text);

    /// <summary>A document on an advisor's case the user sees: staff all; a contact only those visible to the administration (see <see cref="MaySee(ComplaintCase, CaseDocument)"/>).</summary>
    public bool MaySee(CaseDocument d) => staff || (contactOf is not null && d.VisibleToAdministration);

    /// <summary>A statement request: staff all; a contact only those addressed to its administration.</summary>
    public bool MaySee(StatementRequest r) => staff || (contactOf is { } own && r.AdministrationId == own);

    /// <summary>
    /// A line of the history: staff all; a contact only the status changes (the other lines name
    /// documents, notes and attachments it may not see).
    /// </summary>
    public bool MaySee(CaseEvent e) => staff || (contactOf is not null && e.ToStatus is not null);

    /// <summary>The citizen's CPR number (masked or revealed) on an advisor's case: the advisor's staff only, never an administration (see <see cref="MaySeeCprOf"/>).</summary>
    public bool MaySeeCpr => staff;

    /// <summary>The citizen's address, e-mail and phone: staff, or a contact when the advisor shared them.</summary>
    public bool MaySeeContactDetails(ComplaintCase c) => SeesAllOf(c) || (MaySee(c) && c.ContactDetailsShared);

    /// <summary>Whether the user searches the full text of cases (internal notes included) or only what is shared with the administration.</summary>
    public bool SearchesInternalText => staff;

    /// <summary>
    /// A free text as a contact may read it: any CPR number the citizen wrote is replaced by
    /// <c>[cpr-nr.]</c>, so the number never reaches the administration. Staff read the text as written.
    /// </summary>
    public string Shown(string text) => staff ? text : WithoutCpr(text);

    /// <summary>The text with every CPR number replaced by <c>[cpr-nr.]</c>: what may reach an administration.</summary>
    public static string WithoutCpr(string text)
    {
        var cprs = PersonalDataScanner.CprNumbers(text).OrderByDescending(f => f.Start);
        foreach (var f in cprs) text = text[..f.Start] + f.Placeholder + text[f.End..];
        return text;
    }
}
