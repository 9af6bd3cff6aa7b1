using Tilsyn.Web.Organisation;

namespace Tilsyn.Web.Pages;

/// <summary>The start page; each role gets its own heading and the part of the organisation it may see.</summary>
public sealed class IndexModel(OrganisationQueries organisation, Tilsyn.Web.Complaints.CaseQueries cases, Tilsyn.Web.Statistics.StatisticsQueries stats, TimeProvider clock, Tilsyn.Web.Data.TilsynDbContext db) : PageModel
{
    public string Heading { get; private set; } = "";
    public IReadOnlyList<string> RoleNames { get; private set; } = [];
    public IReadOnlyList<AdministrationRow> Administrations { get; private set; } = [];
    public AdministrationRow? Administration { get; private set; }
    public IReadOnlyList<Tilsyn.Web.Complaints.WorkItem> Worklist { get; private set; } = [];
    public IReadOnlyList<Tilsyn.Web.Statistics.WarningRow> Warnings { get; private set; } = [];
    public IReadOnlyList<Tilsyn.Recommendations.Recommendation> OverdueRecommendations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        RoleNames = Roles.All.Where(User.IsInRole).Select(Roles.DisplayName).ToList();
        Administrations = await organisation.AdministrationsAsync(User, ct);
        Worklist = await cases.WorklistAsync(User, ct);
        var scope = Tilsyn.Web.Identity.TilsynClaims.Scope(User);
        if (scope.MaySeeCaseData)
        {
            var today = Tilsyn.Calendar.DanishTime.Today(clock);
            var open = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Recommendations.Where(Tilsyn.Recommendations.Recommendation.OverdueOn(today))
                    .Where(r => scope.AdministrationId == null || r.AdministrationId == scope.AdministrationId), ct);
            OverdueRecommendations = open.OrderBy(r => r.DueDate).ToList();
        }
        if (User.IsAdvisorStaff())
            Warnings = await stats.EarlyWarningsAsync(Tilsyn.Statistics.Quarter.Of(Tilsyn.Calendar.DanishTime.Today(clock)), 4, ct);
        if (User.IsInRole(Roles.AdministrationContact))
        {
            Administration = Administrations.FirstOrDefault();
            Heading = Administration is null ? "Forvaltningsportal" : $"Forvaltningsportal – {Administration.Code}";
        }
        else if (User.IsInRole(Roles.AdvisorLead)) Heading = "Kontorchefens overblik";
        else if (User.IsInRole(Roles.Advisor)) Heading = "Sagsbehandlerens forside";
        else if (User.IsInRole(Roles.Leadership)) Heading = "Ledelsesinformation";
        else if (User.IsInRole(Roles.AdministrationCaseworker)) Heading = "Forvaltningens klager";
        else Heading = "Tilsyn";
    }
}
