namespace Tilsyn.Web.Identity;

public static class Policies
{
    public const string AdvisorStaff = "AdvisorStaff";
    public const string AdvisorLead = "AdvisorLead";
    public const string AdministrationContact = "AdministrationContact";
    /// <summary>May open case data at all (scoped further by <see cref="Tilsyn.Identity.DataScope"/>).</summary>
    public const string CaseReaders = "CaseReaders";
    /// <summary>May open the case pages (/Cases): the case readers and an administration's caseworker (issue 15), scoped by <see cref="Tilsyn.Complaints.CaseAccess"/>.</summary>
    public const string CaseHandlers = "CaseHandlers";
    /// <summary>An administration's own users (contact or caseworker) with an administration: its own complaint register.</summary>
    public const string AdministrationUsers = "AdministrationUsers";
    /// <summary>Counts without case data: the advisor's staff and Leadership.</summary>
    public const string CountReaders = "CountReaders";
}
