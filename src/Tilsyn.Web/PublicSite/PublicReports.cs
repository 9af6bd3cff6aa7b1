using Tilsyn.Evaluations;
using Tilsyn.Publishing;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.PublicSite;

/// <summary>
/// What the public site (<c>/offentlig</c>) reads of the published reports: only what was published, as
/// it was stored at publication (a draft annual report, or a FOKUS round only published to the
/// administrations, is never found here). Lists project the metadata; a page or file reads one column
/// of one row, never the aggregate with every year's files.
/// </summary>
public sealed class PublicReports(TilsynDbContext db)
{
    /// <summary>A published report in the list: its year and when it was published.</summary>
    public sealed record Entry(int Year, DateTimeOffset PublishedAt);

    /// <summary>A stored page: the frozen HTML fragment and when it was published.</summary>
    public sealed record Page(int Year, string Html, DateTimeOffset PublishedAt);

    public async Task<List<Entry>> AnnualReportsAsync(CancellationToken ct) =>
        (await db.Set<AnnualReport>().AsNoTracking().Where(r => r.PublishedAt != null && r.PublishedHtml != null)
            .Select(r => new { r.Year, r.PublishedAt }).ToListAsync(ct))
        .Select(r => new Entry(r.Year, r.PublishedAt!.Value)).OrderByDescending(r => r.Year).ToList();

    public async Task<List<Entry>> FokusReportsAsync(CancellationToken ct) =>
        (await db.Set<FokusPublication>().AsNoTracking().Select(p => new { p.Year, p.PublishedAt }).ToListAsync(ct))
        .Select(p => new Entry(p.Year, p.PublishedAt)).OrderByDescending(p => p.Year).ToList();

    public async Task<Page?> AnnualReportPageAsync(int year, CancellationToken ct) =>
        await db.Set<AnnualReport>().AsNoTracking().Where(r => r.Year == year && r.PublishedAt != null && r.PublishedHtml != null)
            .Select(r => new Page(r.Year, r.PublishedHtml!, r.PublishedAt!.Value)).FirstOrDefaultAsync(ct);

    public async Task<Page?> FokusPageAsync(int year, CancellationToken ct) =>
        await db.Set<FokusPublication>().AsNoTracking().Where(p => p.Year == year).Select(p => new Page(p.Year, p.Html, p.PublishedAt)).FirstOrDefaultAsync(ct);

    /// <summary>When the year's annual report was published, or null (unknown year or a draft).</summary>
    public async Task<DateTimeOffset?> AnnualReportPublishedAtAsync(int year, CancellationToken ct) =>
        await db.Set<AnnualReport>().AsNoTracking().Where(r => r.Year == year && r.PublishedAt != null).Select(r => r.PublishedAt).FirstOrDefaultAsync(ct);

    public async Task<DateTimeOffset?> FokusPublishedAtAsync(int year, CancellationToken ct) =>
        await db.Set<FokusPublication>().AsNoTracking().Where(p => p.Year == year).Select(p => (DateTimeOffset?)p.PublishedAt).FirstOrDefaultAsync(ct);

    /// <summary>The stored bytes of the year's published annual report in <paramref name="format"/>, or null.</summary>
    public async Task<byte[]?> AnnualReportFileAsync(int year, ReportFormat format, CancellationToken ct)
    {
        var published = db.Set<AnnualReport>().AsNoTracking().Where(r => r.Year == year && r.PublishedAt != null);
        return format == ReportFormat.Pdf
            ? await published.Select(r => r.PublishedPdf).FirstOrDefaultAsync(ct)
            : await published.Select(r => r.PublishedDocx).FirstOrDefaultAsync(ct);
    }

    public async Task<byte[]?> FokusFileAsync(int year, ReportFormat format, CancellationToken ct)
    {
        var published = db.Set<FokusPublication>().AsNoTracking().Where(p => p.Year == year);
        return format == ReportFormat.Pdf
            ? await published.Select(p => p.Pdf).FirstOrDefaultAsync(ct)
            : await published.Select(p => p.Docx).FirstOrDefaultAsync(ct);
    }
}
