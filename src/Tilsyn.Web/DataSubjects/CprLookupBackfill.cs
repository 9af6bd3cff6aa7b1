using Microsoft.AspNetCore.DataProtection;

namespace Tilsyn.Web.DataSubjects;

/// <summary>
/// Gives the cases registered before migration <c>Issue13DataSubject</c> their CPR lookup hash
/// (<see cref="CprLookup"/>). Run at start-up after the migrations (Program.cs), not inside the
/// migration: the CPR numbers are encrypted with Data Protection, which SQL cannot decrypt. Cheap when
/// there is nothing to do (one indexed query); works in batches.
/// </summary>
public static class CprLookupBackfill
{
    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TilsynDbContext>();
        var lookup = scope.ServiceProvider.GetRequiredService<CprLookup>();
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(Complaints.CaseRegistration.CprPurpose);
        var (done, after) = (0, 0);
        while (true)
        {
            var batch = await db.Cases.Where(c => c.Id > after && c.Citizen!.ProtectedCpr != null && c.Citizen.CprLookup == null)
                .OrderBy(c => c.Id).Take(200).ToListAsync(ct);
            if (batch.Count == 0) return done;
            foreach (var c in batch)
            {
                // A number encrypted with a lost key cannot be read by anyone; it stays unsearchable by CPR.
                try { c.Citizen!.SetCprLookup(lookup.Hash(protector.Unprotect(c.Citizen.ProtectedCpr!))); done++; }
                catch (System.Security.Cryptography.CryptographicException) { }
            }
            after = batch[^1].Id;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
