using System.Collections.Concurrent;

namespace Tilsyn.Web.Extracts;

/// <summary>An import running in the background so the browser can show its progress.</summary>
public sealed class ExtractJob
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public DateTimeOffset StartedAt { get; init; }
    public string OwnerId { get; init; } = "";
    public string FileName { get; init; } = "";
    public double Progress { get; set; }
    public ImportReport? Report { get; set; }
    public string? Failure { get; set; }
    public bool Done => Report is not null || Failure is not null;
}

/// <summary>
/// Runs uploaded extracts one at a time off the request thread. The upload is spooled to a temporary
/// file first (so a large file never sits in memory) and deleted when the import ends.
/// </summary>
public sealed class ExtractJobs(IServiceScopeFactory scopes, ILogger<ExtractJobs> log, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, ExtractJob> jobs = new();
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    public ExtractJob? Get(Guid id, string ownerId) => jobs.TryGetValue(id, out var j) && j.OwnerId == ownerId ? j : null;

    /// <param name="id">The job's id when the caller has recorded it already (the integration API's persisted job).</param>
    /// <param name="finished">Called once the job has its report or failure (the integration API persists it).</param>
    public ExtractJob Start(string spooledFile, ImportRequest request, string ownerId, Guid? id = null, Func<ExtractJob, Task>? finished = null)
    {
        // Finished jobs are kept a day for their report page, then forgotten.
        var now = clock.GetUtcNow();
        foreach (var old in jobs.Values.Where(j => j.Done && j.StartedAt < now.AddDays(-1)).ToList())
            jobs.TryRemove(old.Id, out _);
        var job = new ExtractJob { Id = id ?? Guid.NewGuid(), OwnerId = ownerId, FileName = request.FileName, StartedAt = now };
        jobs[job.Id] = job;
        _ = Task.Run(async () =>
        {
            await oneAtATime.WaitAsync();
            try
            {
                using var scope = scopes.CreateScope();
                var importer = scope.ServiceProvider.GetRequiredService<ExtractImporter>();
                await using var file = new FileStream(spooledFile, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16, FileOptions.SequentialScan);
                job.Report = await importer.ImportAsync(file, request, new Progress<double>(p => job.Progress = p), CancellationToken.None);
                job.Progress = 1;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Extract import {File} failed", request.FileName);
                job.Failure = "Importen fejlede uventet; intet er gemt. Fejlen er logget.";
            }
            finally
            {
                oneAtATime.Release();
                try { File.Delete(spooledFile); } catch (IOException) { }
            }
            if (finished is not null)
            {
                try { await finished(job); }
                catch (Exception ex) { log.LogError(ex, "Recording the end of extract job {Job} failed", job.Id); }
            }
        });
        return job;
    }
}
