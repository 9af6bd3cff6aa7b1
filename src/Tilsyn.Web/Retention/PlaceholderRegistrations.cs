namespace Tilsyn.Web.Retention;

/// <summary>
/// PLACEHOLDER, to be deleted when the real archive exporter and case-data deleter are merged (issue 13):
/// registers stand-ins only so this branch starts. The exporter refuses (so nothing to be preserved is
/// deleted); the deleter deletes nothing and says so. Remove this file and its one line in
/// <see cref="RetentionServices.AddRetention"/>.
/// </summary>
internal static class PlaceholderRegistrations
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<IArchiveExporter, RefusingExporter>();
        services.AddScoped<ICaseDataDeleter, NoDeleter>();
    }

    private sealed class RefusingExporter : IArchiveExporter
    {
        public Task<ArchiveDeliveryResult> ExportAsync(IReadOnlyCollection<int> caseIds, string reason, CancellationToken ct) =>
            throw new ArchiveExportException("Arkivafleveringen er ikke installeret i denne version.");
    }

    private sealed class NoDeleter : ICaseDataDeleter
    {
        public Task<int> DeleteAsync(IReadOnlyCollection<int> caseIds, string reason, CancellationToken ct) =>
            throw new InvalidOperationException("The case-data deleter is not installed in this build.");

        public Task ReclaimStorageAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
