using Tilsyn.Complaints;

namespace Tilsyn.Web.Complaints;

/// <summary>
/// Keeps the administrations' registers in step with the advisor's complaints (issue 15): an advisor's
/// complaint classified under an administration gets one linked entry in that administration's own register
/// (<see cref="ComplaintCase.LinkedEntry"/>, its own number from the same allocator), and every linked entry
/// of the case follows its categories, unit, KLE and conclusion (<see cref="ComplaintCase.MirrorAdvisorCase"/>).
/// Runs inside the caller's transaction, after the advisor's case is saved, so the case and its entry are
/// stored together or not at all; idempotent (the unique index on owner + advisor case is the last guard).
/// </summary>
public sealed class LinkedEntries(TilsynDbContext db, CaseNumberAllocator numbers, CaseSearch search, TimeProvider clock)
{
    /// <summary>Creates or updates the linked entries of <paramref name="advisorCase"/>; returns the entries created.</summary>
    public async Task<int> SyncAsync(ComplaintCase advisorCase, CancellationToken ct)
    {
        if (advisorCase.OwnerAdministrationId is not null || advisorCase.Id == 0) return 0;
        var now = clock.GetUtcNow();
        var entries = await db.Cases.Include(c => c.Categories).Where(c => c.LinkedAdvisorCaseId == advisorCase.Id).ToListAsync(ct);
        var changed = false;
        foreach (var e in entries) changed |= e.MirrorAdvisorCase(advisorCase, now, Actor.System);
        var created = 0;
        if (advisorCase.Type == CaseType.Complaint && advisorCase.AdministrationId is { } administration
            && entries.All(e => e.OwnerAdministrationId != administration))
        {
            var year = Tilsyn.Calendar.DanishTime.LocalDate(now).Year;
            var entry = ComplaintCase.LinkedEntry(advisorCase, year, await numbers.NextAsync(year, ct), now, Actor.System);
            db.Cases.Add(entry);
            entries.Add(entry);
            created++;
            changed = true;
        }
        if (!changed) return 0;
        await db.SaveChangesAsync(ct);
        foreach (var e in entries) await search.IndexAsync(e, ct);
        return created;
    }
}
