using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tilsyn.Web.AccessLogging;

/// <summary>Refuses any change or deletion of access-log rows: the application can only append to the log.</summary>
internal sealed class AppendOnlyAccessLogInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null) return;
        if (context.ChangeTracker.Entries<AccessLogEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Loggen over adgang til personoplysninger kan ikke ændres eller slettes.");
    }
}
