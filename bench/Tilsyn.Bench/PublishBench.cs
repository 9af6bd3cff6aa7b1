using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tilsyn.Audits;
using Tilsyn.Extracts;
using Tilsyn.Organisation;
using Tilsyn.Web;
using Tilsyn.Web.AnnualReports;
using Tilsyn.Web.CaseAudits;
using Tilsyn.Web.Data;
using Tilsyn.Web.Demo;
using Tilsyn.Web.Extracts;
using Tilsyn.Web.Reports;

/// <summary>
/// Issue 7's benchmark: a stratified sample of 400 drawn from the 10-million-row extract as the
/// product stores it (imported into SQLite, cases kept in chunks), and the year's annual report
/// generated as PDF and as DOCX from the demo data. Last line:
/// audit_sample_s=A report_pdf_s=P report_docx_s=D pages=N
/// </summary>
internal static class PublishBench
{
    public static async Task RunAsync(string file, Synthetic.Org org)
    {
        var inv = CultureInfo.InvariantCulture;
        var dir = Path.Combine(Path.GetTempPath(), "tilsyn-bench-publish");
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        Directory.CreateDirectory(dir);

        // 1. The extract's organisation in a fresh database, and the import (which keeps the cases).
        await using (var sampling = Host(Path.Combine(dir, "sampling.db"), seedDemo: false))
        {
            await DatabaseSetup.MigrateAsync(sampling.Services);
            int extractId;
            using (var scope = sampling.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TilsynDbContext>();
                var admins = org.Admins.ToDictionary(a => a.Id, a => new Administration(a.Code, a.Code));
                db.Administrations.AddRange(admins.Values);
                foreach (var u in org.Units) db.OrgUnits.Add(new OrgUnit(admins[u.AdminId], u.Name, OrgUnitKind.Unit));
                await db.SaveChangesAsync();
                var sw = Stopwatch.StartNew();
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
                var report = await scope.ServiceProvider.GetRequiredService<ExtractImporter>().ImportAsync(stream,
                    new ImportRequest("Bench", Synthetic.From, Synthetic.To, ErrorPolicy.RejectFile, new ColumnMap(), "bench.csv", "bench"), null, default);
                Console.WriteLine($"import with kept cases: {report.RowsValid:N0} rows in {sw.Elapsed.TotalSeconds:0.00} s ({report.Message})");
                extractId = report.ExtractId ?? throw new InvalidOperationException(report.Message);
            }
            var admin = org.Admins[0];
            double sampleSeconds;
            using (var scope = sampling.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TilsynDbContext>();
                var adminId = await db.Administrations.Where(a => a.Code == admin.Code).Select(a => a.Id).FirstAsync();
                GC.Collect();
                var heapBefore = GC.GetTotalMemory(true);
                var allocatedBefore = GC.GetTotalAllocatedBytes(true);
                var sw = Stopwatch.StartNew();
                var sample = await scope.ServiceProvider.GetRequiredService<CaseAuditService>().DrawAsync(PopulationSource.Extract, extractId,
                    new PopulationFilter(adminId), StratifyBy.Unit, SampleDesign.StratifiedProportional, 400, 42, default);
                sampleSeconds = sw.Elapsed.TotalSeconds;
                Console.WriteLine($"sample: {sample.Cases.Count} of {sample.PopulationSize:N0} cases in {admin.Code}, {sample.Strata.Count} strata, in {sampleSeconds:0.00} s; managed heap after the draw {(GC.GetTotalMemory(false) - heapBefore) / 1024 / 1024} MiB above before, {(GC.GetTotalAllocatedBytes(true) - allocatedBefore) / 1024 / 1024} MiB allocated in all");
            }

            // 2. The report from the demo data.
            await using var demo = Host(Path.Combine(dir, "demo.db"), seedDemo: true);
            await DatabaseSetup.MigrateAsync(demo.Services);
            using (var scope = demo.Services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<Tilsyn.Web.Identity.IdentityBootstrap>().RunAsync();
                await scope.ServiceProvider.GetRequiredService<DemoMunicipality>().SeedAsync();
            }
            double pdfSeconds, docxSeconds;
            int pages;
            using (var scope = demo.Services.CreateScope())
            {
                var reports = scope.ServiceProvider.GetRequiredService<AnnualReportService>();
                var report = await reports.GetOrCreateAsync(DateTime.UtcNow.Year, default);
                var sw = Stopwatch.StartNew();
                var pdf = ReportRenderer.ToPdf(await reports.BuildAsync(report, default));
                pdfSeconds = sw.Elapsed.TotalSeconds;
                sw.Restart();
                var docx = ReportRenderer.ToDocx(await reports.BuildAsync(report, default));
                docxSeconds = sw.Elapsed.TotalSeconds;
                using var ms = new MemoryStream(pdf);
                pages = PdfSharp.Pdf.IO.PdfReader.Open(ms, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import).PageCount;
                Console.WriteLine($"report {report.Year}: PDF {pdf.Length / 1024} KiB, {pages} pages in {pdfSeconds:0.00} s; DOCX {docx.Length / 1024} KiB in {docxSeconds:0.00} s");
            }
            Console.WriteLine(string.Create(inv, $"audit_sample_s={sampleSeconds:0.00} report_pdf_s={pdfSeconds:0.00} report_docx_s={docxSeconds:0.00} pages={pages}"));
        }
    }

    private static WebApplication Host(string dbFile, bool seedDemo)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);
        builder.Configuration["Database:Provider"] = "Sqlite";
        builder.Configuration["ConnectionStrings:Tilsyn"] = $"Data Source={dbFile}";
        builder.Configuration["Reminders:Enabled"] = "false";
        builder.Configuration["Demo:Cases"] = seedDemo ? "true" : "false";
        builder.Services.AddTilsynServices(builder.Configuration);
        return builder.Build();
    }
}
