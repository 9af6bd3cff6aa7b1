using System.Linq.Expressions;
using Tilsyn.Anonymisation;
using Tilsyn.Identity;

namespace Tilsyn.Complaints;

/// <summary>
/// Need-to-know on cases: the one rule for who sees which case and what on it. The advisor's staff
/// see every case and everything on it. An administration's contact sees a case of its own
/// administration only once the advisor has involved the administration
/// (<see cref="ComplaintCase.SharedWithAdministrationId"/>: a statement request, a targeted effort or
/// "Del med forvaltningen"), and on it only the documents shared with it, the citizen's contact
/// details only when shared, the citizen's CPR number never and internal notes never. Leadership and
/// anyone else see no case. Built from the user's roles and administration, like <see cref="DataScope"/>.
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

    /// <summary>The advisor's own staff: every case, everything on it.</summary>
    public bool IsStaff => staff;

    /// <summary>The administration a contact is limited to; null for staff and for users who see no case.</summary>
    public int? ContactOf => contactOf;

    /// <summary>Whether the user may see any case at all.</summary>
    public bool MaySeeCases => staff || contactOf is not null;

    /// <summary>Which cases the user may see, as a query filter; <see cref="MaySee(ComplaintCase)"/> is the same rule for one case.</summary>
    public Expression<Func<ComplaintCase, bool>> Visible
    {
        get
        {
            if (staff) return c => true;
            if (contactOf is { } own) return c => c.AdministrationId == own && c.SharedWithAdministrationId == own;
            return c => false;
        }
    }

    public bool MaySee(ComplaintCase c) =>
        staff || (contactOf is { } own && c.AdministrationId == own && c.SharedWithAdministrationId == own);

    /// <summary>A document on a case the user sees: staff all; a contact only those visible to the administration.</summary>
    public bool MaySee(CaseDocument d) => staff || (contactOf is not null && d.VisibleToAdministration);

    /// <summary>A statement request: staff all; a contact only those addressed to its administration.</summary>
    public bool MaySee(StatementRequest r) => staff || (contactOf is { } own && r.AdministrationId == own);

    /// <summary>
    /// A line of the history: staff all; a contact only the status changes (the other lines name
    /// documents, notes and attachments it may not see).
    /// </summary>
    public bool MaySee(CaseEvent e) => staff || (contactOf is not null && e.ToStatus is not null);

    /// <summary>The citizen's CPR number (masked or revealed): the advisor's staff only, never an administration.</summary>
    public bool MaySeeCpr => staff;

    /// <summary>The citizen's address, e-mail and phone: staff, or a contact when the advisor shared them.</summary>
    public bool MaySeeContactDetails(ComplaintCase c) => staff || (MaySee(c) && c.ContactDetailsShared);

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
