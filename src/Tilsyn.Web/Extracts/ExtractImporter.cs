using System.Globalization;
using Tilsyn.Extracts;
using Tilsyn.Statistics;

namespace Tilsyn.Web.Extracts;

public sealed record ImportRequest(string Source, DateOnly PeriodFrom, DateOnly PeriodTo, ErrorPolicy Policy, ColumnMap Columns, string FileName, string ImportedBy, string? ColumnMappingText = null);

/// <summary>What happened: counts, errors by kind, the first 100 errors in full.</summary>
public sealed record ImportReport(bool Imported, string Message, long RowsRead, long RowsValid, long RowsInvalid,
    IReadOnlyDictionary<RowErrorKind, long> ErrorsByKind, IReadOnlyList<string> FirstErrors, int? ExtractId)
{
    public const int ShownErrors = 100;
}

/// <summary>
/// Imports an extract in one streaming pass (Sep): every row is validated and folded into the KPI
/// cube as it is read, so memory stays bounded whatever the file's size. Then, in one transaction,
/// the previous extract of the same source and period is replaced (idempotent re-import). With
/// <see cref="ErrorPolicy.RejectFile"/> a single bad row means nothing is written.
/// </summary>
public sealed class ExtractImporter(TilsynDbContext db, TimeProvider clock)
{
    public async Task<ImportReport> ImportAsync(Stream file, ImportRequest request, IProgress<double>? progress, CancellationToken ct)
    {
        if (request.PeriodTo < request.PeriodFrom)
            return Fail("Perioden slutter før den begynder.");
        if (string.IsNullOrWhiteSpace(request.Source))
            return Fail("Angiv kildesystemet (fx SBSYS eller eDoc).");

        var org = new OrganisationLookup(
            await db.Administrations.AsNoTracking().Select(a => new ValueTuple<int, string, string>(a.Id, a.Code, a.Name)).ToListAsync(ct),
            await db.OrgUnits.AsNoTracking().Select(u => new ValueTuple<int, int, string>(u.Id, u.AdministrationId, u.Name)).ToListAsync(ct));
        var deadlines = await db.Set<ProcessingDeadline>().AsNoTracking().ToListAsync(ct);
        var deadlineDays = deadlines.ToDictionary(d => (d.AdministrationId, d.CaseType.ToLowerInvariant()), d => d.Days);

        var quarantine = new List<QuarantinedRow>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var extract = await ReplaceAsync(request, ct);
        // The valid rows are kept (packed in chunks) so audits can sample the extract's cases.
        var cases = new ExtractCaseWriter(async (no, payload, rows) =>
        {
            var chunk = new ExtractCaseChunk { ExtractId = extract.Id, ChunkNo = no, Rows = rows, Payload = payload };
            db.Add(chunk);
            await db.SaveChangesAsync(ct);
            db.Entry(chunk).State = EntityState.Detached;
        });
        ExtractPass pass;
        try
        {
            pass = await ExtractPass.RunAsync(file, request.Columns, org, request.PeriodFrom, request.PeriodTo,
                (admin, caseType) => deadlineDays.TryGetValue((admin, caseType.ToLowerInvariant()), out var d) ? d : null,
                request.Policy == ErrorPolicy.QuarantineBadRows
                    ? async (line, errors) =>
                    {
                        quarantine.Add(new QuarantinedRow { ExtractId = extract.Id, Line = line, Errors = string.Join(" ", errors.Select(e => e.ToString())) });
                        if (quarantine.Count >= 1000) await FlushAsync(quarantine, ct);
                    }
                    : null,
                progress, cases);
        }
        catch (DomainException refused)
        {
            // The file changes character set part-way: nothing of it is kept.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Fail(refused.Message);
        }
        // Said in every report, so a file saved as ANSI is not taken for UTF-8 next time either.
        var charsetNote = pass.Charset == ExtractCharset.Windows1252 ? " " + ExtractCharsetDetector.Windows1252Note : "";
        if (pass.HeaderErrors.Count > 0)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Fail("Filens overskriftslinje passer ikke." + charsetNote, pass.HeaderErrors);
        }
        var (cube, read, valid, invalid, byKind, first) = (pass.Cube, pass.Read, pass.Valid, pass.Invalid, pass.ErrorsByKind, pass.FirstErrors);

        if (invalid > 0 && request.Policy == ErrorPolicy.RejectFile)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new(false, $"Filen er afvist: {invalid:N0} af {read:N0} rækker har fejl. Intet er importeret.".Replace(",", ".") + charsetNote, read, valid, invalid, byKind, first, null);
        }
        await FlushAsync(quarantine, ct);
        foreach (var (key, stats) in cube.Cells)
        {
            db.Set<KpiCell>().Add(new KpiCell
            {
                ExtractId = extract.Id, AdministrationId = key.AdministrationId, UnitId = key.UnitId, KleGroup = key.KleGroup, CaseType = key.CaseType,
                Year = key.Quarter.Year, Quarter = key.Quarter.Number, Opened = stats.Opened, Decided = stats.Decided,
                MedianDays = stats.Days.Median, P90Days = stats.Days.Quantile(0.9),
                WithDeadline = stats.WithDeadline, WithinDeadline = stats.WithinDeadline, Histogram = HistogramText(stats.Days),
            });
        }
        extract.RowsRead = read;
        extract.RowsImported = valid;
        extract.RowsQuarantined = invalid;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        progress?.Report(1);
        var msg = invalid == 0
            ? $"{valid:N0} rækker importeret."
            : $"{valid:N0} rækker importeret; {invalid:N0} rækker med fejl er lagt i karantæne.";
        return new(true, msg.Replace(",", ".") + charsetNote, read, valid, invalid, byKind, first, extract.Id);
    }

    /// <summary>Deletes the earlier import of the same source and period (its cells and quarantine go with it) and registers this one.</summary>
    private async Task<Extract> ReplaceAsync(ImportRequest request, CancellationToken ct)
    {
        var source = request.Source.Trim();
        var old = await db.Set<Extract>().Where(x => x.Source == source && x.PeriodFrom == request.PeriodFrom && x.PeriodTo == request.PeriodTo).ToListAsync(ct);
        foreach (var o in old)
        {
            await db.Set<KpiCell>().Where(c => c.ExtractId == o.Id).ExecuteDeleteAsync(ct);
            await db.Set<QuarantinedRow>().Where(c => c.ExtractId == o.Id).ExecuteDeleteAsync(ct);
            await db.Set<ExtractCaseChunk>().Where(c => c.ExtractId == o.Id).ExecuteDeleteAsync(ct);
            db.Remove(o);
        }
        var extract = new Extract
        {
            Source = source, PeriodFrom = request.PeriodFrom, PeriodTo = request.PeriodTo, FileName = Path.GetFileName(request.FileName),
            ImportedAt = clock.GetUtcNow(), ImportedBy = request.ImportedBy, Policy = request.Policy,
            ColumnMapping = string.IsNullOrWhiteSpace(request.ColumnMappingText) ? null : request.ColumnMappingText.Trim(),
        };
        db.Add(extract);
        await db.SaveChangesAsync(ct);
        return extract;
    }

    private async Task FlushAsync(List<QuarantinedRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        db.AddRange(rows);
        await db.SaveChangesAsync(ct);
        // Detach what was written so memory stays bounded; the extract itself stays tracked.
        foreach (var r in rows) db.Entry(r).State = EntityState.Detached;
        rows.Clear();
    }

    internal static string HistogramText(DayHistogram h) =>
        string.Join(' ', h.Buckets().Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Days}:{b.Count}")));

    internal static DayHistogram ParseHistogram(string text)
    {
        var h = new DayHistogram();
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':');
            h.Add(int.Parse(part.AsSpan(0, colon), CultureInfo.InvariantCulture), long.Parse(part.AsSpan(colon + 1), CultureInfo.InvariantCulture));
        }
        return h;
    }

    private static ImportReport Fail(string message, IReadOnlyList<string>? errors = null) =>
        new(false, message, 0, 0, 0, new Dictionary<RowErrorKind, long>(), errors ?? [], null);
}
