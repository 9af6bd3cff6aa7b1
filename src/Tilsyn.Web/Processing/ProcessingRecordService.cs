using Microsoft.Extensions.Options;
using Tilsyn.Calendar;
using Tilsyn.Processing;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.Processing;

/// <summary>
/// Builds the record of processing (GDPR art. 30) from the settings (<see cref="ProcessingOptions"/>), the
/// administrations in the database and the retention rules (<see cref="IRetentionRuleSummary"/>); the
/// content is <see cref="ProcessingRecord"/>'s. Also renders it as a Word document to edit.
/// </summary>
public sealed class ProcessingRecordService(TilsynDbContext db, IOptions<ProcessingOptions> options, IRetentionRuleSummary retention, TimeProvider clock)
{
    public async Task<ProcessingRecord> BuildAsync(CancellationToken ct)
    {
        var administrations = await db.Administrations.AsNoTracking()
            .OrderBy(a => a.Name)
            .Select(a => new RecipientAdministration(a.Code, a.Name))
            .ToListAsync(ct);
        var rules = await retention.LinesAsync(ct);
        var settings = options.Value;
        return ProcessingRecord.Build(new ProcessingRecordInput(settings.ControllerName, settings.DpoContact, administrations, rules, clock.Today()));
    }

    /// <summary>The record as a report for <see cref="ReportRenderer"/>: one heading per section, its paragraphs, bullets and table.</summary>
    public static ReportDocument ToReport(ProcessingRecord record) => new(
        record.Title,
        record.Subtitle,
        record.Sections.Select(s => new ReportSection(s.Heading, s.Paragraphs, s.TableHeader, s.TableRows) { Bullets = s.Bullets }).ToList());
}
