using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tilsyn.Web.Data;

/// <summary>Raises the aggregates' versions just before every save (<see cref="AggregateVersion"/>).</summary>
internal sealed class AggregateVersionInterceptor : SaveChangesInterceptor
{
    public static readonly AggregateVersionInterceptor Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db) AggregateVersion.RaiseChanged(db);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) AggregateVersion.RaiseChanged(db);
        return ValueTask.FromResult(result);
    }
}
