using System.Text.Json;
using Tilsyn.Web.Extracts;

namespace Tilsyn.Web.Integration;

/// <summary>
/// Extract imports started through the API: the job row is written before the import starts, the import runs in
/// <see cref="ExtractJobs"/> (the same import as the page, one at a time per instance), and its end is written back
/// to the row, so a poll that reaches another instance sees the same state. While it runs, the instance that runs
/// it adds the live progress.
/// </summary>
public sealed class IntegrationExtractJobs(TilsynDbContext db, ExtractJobs jobs, IServiceScopeFactory scopes, TimeProvider clock)
{
    public static string Owner(int clientId) => $"api-client:{clientId}";

    public async Task<IntegrationExtractJob> StartAsync(int clientId, string spooledFile, ImportRequest request, CancellationToken ct)
    {
        var job = new IntegrationExtractJob { Id = Guid.NewGuid(), ClientId = clientId, FileName = Shorten(request.FileName, 260), Source = Shorten(request.Source, 100), StartedAt = clock.GetUtcNow() };
        db.Add(job);
        await db.SaveChangesAsync(ct);
        jobs.Start(spooledFile, request, Owner(clientId), job.Id, FinishAsync);
        return job;
    }

    /// <summary>The client's own job, or null (another client's job is not found, as an unknown one).</summary>
    public async Task<(IntegrationExtractJob Job, double Progress)?> FindAsync(Guid id, int clientId, CancellationToken ct)
    {
        var job = await db.Set<IntegrationExtractJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.ClientId == clientId, ct);
        if (job is null) return null;
        var progress = job.State == ExtractJobState.Running ? jobs.Get(id, Owner(clientId))?.Progress ?? 0 : 1;
        return (job, progress);
    }

    public static ExtractJobReport? ReportOf(IntegrationExtractJob job) =>
        job.Report is null ? null : JsonSerializer.Deserialize<ExtractJobReport>(job.Report);

    private async Task FinishAsync(ExtractJob done)
    {
        using var scope = scopes.CreateScope();
        var db2 = scope.ServiceProvider.GetRequiredService<TilsynDbContext>();
        var row = await db2.Set<IntegrationExtractJob>().FirstOrDefaultAsync(j => j.Id == done.Id);
        if (row is null) return;
        row.FinishedAt = clock.GetUtcNow();
        if (done.Report is { } r)
        {
            row.State = ExtractJobState.Completed;
            row.Report = JsonSerializer.Serialize(new ExtractJobReport(r.Imported, r.Message, r.RowsRead, r.RowsValid, r.RowsInvalid,
                r.ErrorsByKind.ToDictionary(k => k.Key.ToString(), k => k.Value), r.FirstErrors, r.ExtractId));
        }
        else
        {
            row.State = ExtractJobState.Failed;
            row.Failure = done.Failure ?? "Importen fejlede.";
        }
        await db2.SaveChangesAsync();
    }

    private static string Shorten(string s, int max) => s.Length > max ? s[..max] : s;
}
