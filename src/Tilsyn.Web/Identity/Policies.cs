namespace Tilsyn.Web.Identity;

public static class Policies
{
    public const string AdvisorStaff = "AdvisorStaff";
    public const string AdvisorLead = "AdvisorLead";
    public const string AdministrationContact = "AdministrationContact";
    /// <summary>May open case data at all (scoped further by <see cref="Tilsyn.Identity.DataScope"/>).</summary>
    public const string CaseReaders = "CaseReaders";
}
