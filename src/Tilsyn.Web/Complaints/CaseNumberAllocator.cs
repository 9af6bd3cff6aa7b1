namespace Tilsyn.Web.Complaints;

/// <summary>Allocates the next running number of the year (<c>YYYY-NNNNNNN</c>); the unique index settles races, the caller retries.</summary>
public sealed class CaseNumberAllocator(TilsynDbContext db)
{
    public async Task<int> NextAsync(int year, CancellationToken ct)
    {
        var max = await db.Cases.Where(c => c.Year == year).MaxAsync(c => (int?)c.Sequence, ct) ?? 0;
        return max + 1;
    }
}
