using Microsoft.AspNetCore.Http.HttpResults;
using Tilsyn.Calendar;
using Tilsyn.Statistics;

namespace Tilsyn.Web.Statistics;

/// <summary>
/// <c>GET /api/complaints/quarterly?administration=BUF&amp;year=2025</c>: an administration's complaints per quarter and
/// category, split by where they were handled (<c>administration</c> / <c>advisor</c>), each complaint counted once
/// (<see cref="ComplaintCounting.CountOnce"/>), with <c>per1000</c> where an extract gives the quarter's case volume
/// (null otherwise). Counts only. Another administration's figures answer 404 to a user limited to its own
/// (<see cref="ComplaintReportAccess"/>).
/// </summary>
public static class QuarterlyComplaintsApi
{
    public sealed record Split(int Administration, int Advisor, int Total, double? Per1000);

    public sealed record CategoryRow(string Category, string Name, string? LegalRule, bool Formal, int Administration, int Advisor, int Total, double? Per1000);

    public sealed record QuarterRow(int Quarter, string Period, string Label, DateOnly From, DateOnly To, long? CaseVolume, Split All, Split Formal, IReadOnlyList<CategoryRow> Categories);

    public sealed record QuarterlyComplaints(string Administration, string AdministrationName, string? Committee, int Year, IReadOnlyList<QuarterRow> Quarters);

    public static void MapQuarterlyComplaintsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/complaints").WithTags("Klager").MapGet("/quarterly",
            async Task<Results<Ok<QuarterlyComplaints>, NotFound<string>, BadRequest<string>>> (string? administration, int? year,
                System.Security.Claims.ClaimsPrincipal user, QuarterlyReportService reports, TimeProvider clock, CancellationToken ct) =>
            {
                var y = year ?? clock.Today().Year;
                if (y is < ReportingPeriod.MinYear or > ReportingPeriod.MaxYear)
                    return TypedResults.BadRequest($"year skal ligge mellem {ReportingPeriod.MinYear} og {ReportingPeriod.MaxYear}.");
                var found = await reports.FindAsync(administration, user, ct);
                if (found is null)
                    return string.IsNullOrWhiteSpace(administration)
                        ? TypedResults.BadRequest("Angiv forvaltningen med administration=KODE (fx BUF) eller dens id.")
                        : TypedResults.NotFound("Forvaltningen findes ikke.");
                var quarters = await reports.QuartersAsync(found.Id, y, ct);
                return TypedResults.Ok(new QuarterlyComplaints(found.Code, found.Name, found.Committee, y, [.. quarters.Select((q, i) => new QuarterRow(
                    i + 1, q.Period.Key, q.Period.Label, q.Period.From, q.Period.To, q.CaseVolume,
                    new Split(q.All.Administration, q.All.Advisor, q.All.Total, q.PerThousand),
                    new Split(q.Formal.Administration, q.Formal.Advisor, q.Formal.Total, q.FormalPerThousand),
                    [.. q.Categories.Select(c => new CategoryRow(c.Category?.ToString() ?? "Unclassified", c.Name, c.LegalRule, c.IsFormal,
                        c.Count.Administration, c.Count.Advisor, c.Count.Total, c.PerThousand))]))]));
            })
            .WithSummary("Klager pr. kvartal og kategori for en forvaltning, fordelt på forvaltningen selv og Borgerrådgiveren, med klager pr. 1.000 sager hvor et udtræk giver sagsmængden");
    }
}
