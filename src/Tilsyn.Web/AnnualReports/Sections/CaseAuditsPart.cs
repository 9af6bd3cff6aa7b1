using System.Globalization;
using Tilsyn.Audits;
using Tilsyn.Web.CaseAudits;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.AnnualReports.Sections;

/// <summary>The year's case audits: per audit, each requirement's share met with its 95 % confidence interval.</summary>
public sealed class CaseAuditsPart(TilsynDbContext db, CaseAuditService audits) : IReportPart
{
    public async Task<IReadOnlyList<ReportSection>> BuildAsync(ReportContext context, CancellationToken ct)
    {
        var (yearStart, yearEnd) = Tilsyn.Calendar.DanishTime.YearBounds(context.Year);
        var yearAudits = await db.Set<CaseAudit>().AsNoTracking().Where(a => a.CreatedAt >= yearStart && a.CreatedAt < yearEnd).OrderBy(a => a.Id).ToListAsync(ct);
        var sections = new List<ReportSection>
        {
            new("Sagsaudit", [yearAudits.Count == 0 ? "Der er ikke gennemført sagsaudits i året." : "Andelen af sager, hvor kravet var opfyldt, med 95 %-konfidensinterval."]),
        };
        foreach (var a in yearAudits)
        {
            var result = await audits.ResultAsync(a, ct);
            sections.Add(new ReportSection($"{a.Title} ({context.Code(a.AdministrationId)})", [$"{result.Cases} sager, {result.FullyAnswered} fuldt gennemgået."],
                ["Krav", "Regel", "Relevante sager", "Andel opfyldt (95 %-interval)"],
                [.. result.Questions.Select(q => (IReadOnlyList<string>)[q.Question.Text, q.Question.LegalRule, q.Relevant.ToString(CultureInfo.InvariantCulture),
                    (q.Stratified?.Interval ?? q.Interval) is { } i ? $"{i.Share * 100:0} % ({i.Lower * 100:0}–{i.Upper * 100:0} %)" : "–"])]) { Level = 2 });
        }
        return sections;
    }
}
