using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using nietras.SeparatedValues;
using SpreadCheetah;

namespace Tilsyn.Web.Statistics;

/// <summary>A table to export: Danish headers and rows of text, numbers or nothing.</summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows)
{
    /// <summary>
    /// CSV for Danish Excel: UTF-8 with BOM, ';' separated, decimal comma. Text cells (and headers) go
    /// through <see cref="CsvCell.Text"/> so none is read as a formula; numbers are written as numbers.
    /// </summary>
    public byte[] ToCsv()
    {
        var da = Tilsyn.Calendar.DanishTime.Culture;
        using var ms = new MemoryStream();
        ms.Write(Encoding.UTF8.GetPreamble());
        using (var writer = Sep.Writer(o => o with { Sep = new Sep(';'), CultureInfo = da, Escape = true }).To(ms, leaveOpen: true))
        {
            var names = Headers.Select(CsvCell.Text).ToArray();
            foreach (var values in Rows)
            {
                using var row = writer.NewRow();
                for (var i = 0; i < names.Length; i++)
                    row[names[i]].Set(values[i] switch
                    {
                        null => "",
                        double d => d.ToString("0.###", da),
                        int or long or decimal => ((IFormattable)values[i]!).ToString(null, da),
                        IFormattable f => CsvCell.Text(f.ToString(null, da)),
                        var v => CsvCell.Text(v.ToString() ?? ""),
                    });
            }
            if (Rows.Count == 0) { using var header = writer.NewRow(); foreach (var h in names) header[h].Set(""); }
        }
        return ms.ToArray();
    }

    /// <summary>An XLSX workbook with real numbers (SpreadCheetah, streaming).</summary>
    public async Task<byte[]> ToXlsxAsync(CancellationToken ct)
    {
        using var ms = new MemoryStream();
        await using (var book = await Spreadsheet.CreateNewAsync(ms, cancellationToken: ct))
        {
            await book.StartWorksheetAsync(Name.Length > 31 ? Name[..31] : Name, token: ct);
            await book.AddRowAsync(Headers.Select(h => new DataCell(h)).ToArray(), ct);
            foreach (var values in Rows)
                await book.AddRowAsync(values.Select(v => v switch
                {
                    null => new DataCell((string?)null),
                    double d => new DataCell(d),
                    long l => new DataCell(l),
                    int n => new DataCell(n),
                    var o => new DataCell(o.ToString()),
                }).ToArray(), ct);
            await book.FinishAsync(ct);
        }
        return ms.ToArray();
    }
}

/// <summary>
/// <c>/api/statistics</c>: the KPI cube and the dashboard tables as JSON, CSV or XLSX. Aggregates only;
/// per-unit figures of another administration are kept from a contact (<see cref="Tilsyn.Statistics.StatisticsAccess"/>):
/// the cube holds only its own administration's cells, and asking for another administration's units answers 404.
/// </summary>
public static class StatisticsApi
{
    public sealed record CubeCell(string Administration, int UnitId, string Unit, string KleGroup, string CaseType, int Year, int Quarter,
        long Opened, long Decided, double? MedianDays, double? P90Days, double? OnTimeShare);

    public static void MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/statistics").WithTags("Ledelsesinformation");
        app.MapQuarterlyComplaintsApi();

        group.MapGet("/cube", async Task<Results<Ok<List<CubeCell>>, BadRequest<string>>> (int? fromYear, int? fromQuarter, int? toYear, int? toQuarter, string? administration, System.Security.Claims.ClaimsPrincipal user, TilsynDbContext db, CancellationToken ct) =>
        {
            var access = StatisticsQueries.Access(user);
            if (fromQuarter is < 1 or > 4 || toQuarter is < 1 or > 4) return TypedResults.BadRequest("fromQuarter og toQuarter skal være 1-4.");
            var q = db.KpiCells.AsNoTracking();
            if (fromYear is { } fy) { var k = fy * 10 + (fromQuarter ?? 1); q = q.Where(c => c.Year * 10 + c.Quarter >= k); }
            if (toYear is { } ty) { var k = ty * 10 + (toQuarter ?? 4); q = q.Where(c => c.Year * 10 + c.Quarter <= k); }
            var admins = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
            if (!string.IsNullOrWhiteSpace(administration))
            {
                var id = admins.FirstOrDefault(a => a.Value == administration.Trim().ToUpperInvariant()).Key;
                q = q.Where(c => c.AdministrationId == id);
            }
            if (!access.SeesAllUnits)
            {
                var only = access.OnlyUnitsOf;
                q = q.Where(c => c.AdministrationId == only);
            }
            var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            var cells = await q.OrderBy(c => c.Year).ThenBy(c => c.Quarter).ThenBy(c => c.AdministrationId).ThenBy(c => c.UnitId).ToListAsync(ct);
            return TypedResults.Ok(cells.Select(c => new CubeCell(admins[c.AdministrationId], c.UnitId, units.GetValueOrDefault(c.UnitId, "?"), c.KleGroup, c.CaseType,
                c.Year, c.Quarter, c.Opened, c.Decided, c.MedianDays, c.P90Days, c.WithDeadline == 0 ? null : (double)c.WithinDeadline / c.WithDeadline)).ToList());
        })
        .WithSummary("KPI-kuben: forvaltning × enhed × KLE-gruppe × sagstype × kvartal");

        group.MapGet("/kpi", async Task<IResult> (string? administration, string? format, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "period")] string? periodKey, System.Security.Claims.ClaimsPrincipal user, StatisticsQueries stats, TilsynDbContext db, CancellationToken ct) =>
        {
            if (!string.IsNullOrWhiteSpace(periodKey) && !Tilsyn.Calendar.ReportingPeriod.TryParse(periodKey, out _))
                return TypedResults.BadRequest("period skal være et kvartal (2025-Q1), et halvår (2025-H1), et år (2025) eller to datoer (2025-01-10..2025-02-20).");
            var period = await stats.PeriodAsync(string.IsNullOrWhiteSpace(periodKey) ? null : Tilsyn.Calendar.ReportingPeriod.Parse(periodKey), ct);
            if (period is not { } p) return TypedResults.NotFound("Der er ikke importeret dataudtræk; vælg en periode med period=.");
            int? adminId = null;
            if (!string.IsNullOrWhiteSpace(administration))
            {
                var code = administration.Trim().ToUpperInvariant();
                adminId = await db.Administrations.Where(a => a.Code == code).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
                if (adminId is null || !StatisticsQueries.Access(user).MaySeeUnitsOf(adminId.Value)) return TypedResults.NotFound($"Forvaltningen {code} findes ikke.");
            }
            var rows = adminId is { } id ? await stats.ByUnitAsync(id, p.From, p.To, ct) : await stats.ByAdministrationAsync(p.From, p.To, ct);
            var table = new ExportTable(adminId is null ? "Forvaltninger" : "Enheder",
                [adminId is null ? "Forvaltning" : "Enhed", "Sager oprettet", "Afgjort", "Median dage", "90 % dage", "Andel inden for frist", "Klager", "Klager pr. 1000"],
                rows.Select(r => new object?[] { adminId is null ? r.Code : r.Name, r.Opened, r.Decided, r.MedianDays, r.P90Days, r.OnTimeShare, r.Complaints, r.PerThousand }).ToList());
            var name = $"noegletal-{(administration ?? "kommunen").ToLowerInvariant()}-{p.From.Year}K{p.From.Number}-{p.To.Year}K{p.To.Number}";
            return format?.ToLowerInvariant() switch
            {
                "csv" => TypedResults.File(table.ToCsv(), "text/csv; charset=utf-8", name + ".csv"),
                "xlsx" => TypedResults.File(await table.ToXlsxAsync(ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
                _ => TypedResults.Ok(rows),
            };
        })
        .WithSummary("Nøgletal pr. forvaltning (eller pr. enhed med administration=KODE) som JSON, CSV eller XLSX; period=2025-Q1, 2025-H1, 2025 eller fra..til (standard: hele den importerede periode)");

        group.MapGet("/tables/{table}", async Task<IResult> (string table, string? administration, string? format, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "period")] string? periodKey, System.Security.Claims.ClaimsPrincipal user, StatisticsQueries stats, TargetEvaluation targets, TilsynDbContext db, CancellationToken ct) =>
        {
            if (!string.IsNullOrWhiteSpace(periodKey) && !Tilsyn.Calendar.ReportingPeriod.TryParse(periodKey, out _))
                return TypedResults.BadRequest("period skal være et kvartal (2025-Q1), et halvår (2025-H1), et år (2025) eller to datoer (2025-01-10..2025-02-20).");
            var period = await stats.PeriodAsync(string.IsNullOrWhiteSpace(periodKey) ? null : Tilsyn.Calendar.ReportingPeriod.Parse(periodKey), ct);
            if (period is not { } p) return TypedResults.NotFound("Der er ikke importeret dataudtræk; vælg en periode med period=.");
            int? adminId = null;
            if (!string.IsNullOrWhiteSpace(administration))
            {
                var code = administration.Trim().ToUpperInvariant();
                adminId = await db.Administrations.Where(a => a.Code == code).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
                if (adminId is null || !StatisticsQueries.Access(user).MaySeeUnitsOf(adminId.Value)) return TypedResults.NotFound($"Forvaltningen {code} findes ikke.");
            }
            ExportTable? export;
            switch (table)
            {
                case "kategorier":
                    var (rows, categories, cells) = await stats.ByCategoryAsync(adminId, p.From, p.To, ct);
                    export = new ExportTable("Klagekategorier", [adminId is null ? "Forvaltning" : "Enhed", .. categories.SelectMany(c => new[] { Tilsyn.Complaints.ComplaintCategories.Name(c), Tilsyn.Complaints.ComplaintCategories.Name(c) + " pr. 1000" })],
                        rows.Select(r => new object?[] { r }.Concat(categories.SelectMany(c => new object?[] { cells[(r, c)].Count, cells[(r, c)].PerThousand })).ToArray()).ToList());
                    break;
                case "maaltal":
                    var access = StatisticsQueries.Access(user);
                    var status = (await targets.EvaluateAsync(p.From, p.To, ct)).Where(t => t.Target.AreaId is null || access.MaySeeUnitsOf(t.Target.AdministrationId)).ToList();
                    export = new ExportTable("Maaltal", ["Gælder", "Måltal", "Faktisk", "Afviger"],
                        status.Select(t => new object?[] { t.Scope, t.Describe(), t.Actual, t.Actual is null ? "kan ikke måles" : t.Deviates ? "ja" : "nej" }).ToList());
                    break;
                case "afvigelser":
                    var (rate, points) = await stats.FunnelAsync(p.From, p.To, ct, StatisticsQueries.Access(user));
                    export = new ExportTable("Tragtdiagram", ["Enhed", "Forvaltning", "Sager", "Klager", "Pr. 1000", "Nedre 99,8 %", "Øvre 99,8 %", "Nedre 95 %", "Øvre 95 %"],
                        points.Select(x => new object?[] { x.Unit, x.Administration, x.Volume, x.Complaints, x.Rate, x.Lower998, x.Upper998, x.Lower95, x.Upper95 }).ToList());
                    break;
                default:
                    return TypedResults.NotFound("Ukendt tabel: brug kategorier, maaltal eller afvigelser.");
            }
            var name = $"{table}-{p.From.Year}K{p.From.Number}-{p.To.Year}K{p.To.Number}";
            return format?.ToLowerInvariant() == "xlsx"
                ? TypedResults.File(await export.ToXlsxAsync(ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
                : TypedResults.File(export.ToCsv(), "text/csv; charset=utf-8", name + ".csv");
        })
        .WithSummary("Dashboardets øvrige tabeller (kategorier, maaltal, afvigelser) som CSV eller XLSX");
    }
}
