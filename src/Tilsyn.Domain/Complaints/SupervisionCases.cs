using System.Linq.Expressions;

namespace Tilsyn.Complaints;

/// <summary>
/// <see cref="CaseTypes.IsSupervision"/> as a query filter: the cases the advisor's figures are about
/// (statistics, annual report, case audits, case examples). Requests about Tilsyn's own records
/// (data-subject requests, <i>aktindsigt</i>) are handled as cases but never counted as complaints.
/// </summary>
public static class SupervisionCases
{
    public static readonly Expression<Func<ComplaintCase, bool>> Only =
        c => c.Type == CaseType.Complaint || c.Type == CaseType.Inquiry || c.Type == CaseType.OwnInitiative;

    /// <summary>Only the advisor's supervision cases of a query: never a case of an administration's own register (<see cref="CaseRegisters.AdvisorsOwn"/>).</summary>
    public static IQueryable<ComplaintCase> Supervision(this IQueryable<ComplaintCase> cases) => cases.Where(Only).Where(CaseRegisters.AdvisorsOwn);
}
