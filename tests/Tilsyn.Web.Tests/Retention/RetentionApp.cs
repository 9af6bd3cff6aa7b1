using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tilsyn.Complaints;
using Tilsyn.Web.Retention;

namespace Tilsyn.Web.Tests.Retention;

/// <summary>
/// The application with a fake archive exporter and a fake case-data deleter (the real ones are other
/// parts of issue 13): they record what they were asked, in order, and the exporter can be told to fail.
/// </summary>
public sealed class RetentionApp : TilsynApp
{
    public FakeArchive Archive { get; } = new();
    public FakeDeleter Deleter { get; } = new();

    public RetentionApp() => Archive.Steps = Deleter.Steps;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IArchiveExporter>();
            services.RemoveAll<ICaseDataDeleter>();
            services.AddSingleton<IArchiveExporter>(Archive);
            services.AddSingleton<ICaseDataDeleter>(Deleter);
        });
    }

    /// <summary>Stores a finished case (concluded, then closed at <paramref name="closedAt"/>), or an open one when null; returns id and number.</summary>
    public async Task<(int Id, string Number)> CaseAsync(DateTimeOffset? closedAt, CaseType type = CaseType.Complaint, string? kle = null, string citizen = "Anna Testesen")
    {
        return await WithDbAsync(async db =>
        {
            var received = (closedAt ?? Clock.GetUtcNow()).AddDays(-30);
            var c = CaseBuilder.ACase().OfType(type).From(citizen).ReceivedAt(received).Build();
            var by = new Actor(null, "Test");
            c.Classify(type, null, null, kle, type == CaseType.Complaint ? [ComplaintCategory.Hearing] : [], received, by);
            c.StartReview(received, by);
            if (closedAt is { } at)
            {
                c.Conclude(Outcome.NoCriticism, [], "Konklusion", null, "Resumé", at, by);
                c.Close(at, by);
            }
            db.Cases.Add(c);
            await db.SaveChangesAsync();
            return (c.Id, c.Number);
        });
    }

    public sealed class FakeArchive : IArchiveExporter
    {
        private int deliveries;
        public List<string> Steps { get; set; } = [];
        public bool Fail { get; set; }

        public Task<ArchiveDeliveryResult> ExportAsync(IReadOnlyCollection<int> caseIds, string reason, CancellationToken ct)
        {
            lock (Steps) Steps.Add("export " + string.Join(",", caseIds.Order()));
            if (Fail) throw new ArchiveExportException("Pakken kunne ikke skrives (testfejl).");
            var id = Interlocked.Increment(ref deliveries);
            return Task.FromResult(new ArchiveDeliveryResult(id, $"/arkiv/levering-{id}", caseIds.Count, 0));
        }
    }

    public sealed class FakeDeleter : ICaseDataDeleter
    {
        public List<string> Steps { get; } = [];
        public HashSet<int> Deleted { get; } = [];
        public int Reclaims;

        public Task<int> DeleteAsync(IReadOnlyCollection<int> caseIds, string reason, CancellationToken ct)
        {
            lock (Steps)
            {
                Steps.Add("delete " + string.Join(",", caseIds.Order()));
                return Task.FromResult(caseIds.Count(Deleted.Add));
            }
        }

        public Task ReclaimStorageAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref Reclaims);
            return Task.CompletedTask;
        }
    }
}
