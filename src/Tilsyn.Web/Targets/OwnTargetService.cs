using Tilsyn.Calendar;
using System.Security.Claims;
using Tilsyn.Targets;

namespace Tilsyn.Web.Targets;

/// <summary>
/// An administration records, changes, deletes and submits its own targets. Every action checks
/// <see cref="TargetAccess"/>: another administration's targets are "not found" (404), a reader who may
/// not change them is refused (<see cref="UnauthorizedAccessException"/>, shown as 403).
/// </summary>
public sealed class OwnTargetService(TilsynDbContext db, TimeProvider clock, ITargetSubmissionListener listener)
{
    public static TargetAccess Access(ClaimsPrincipal user) => TargetAccess.For(user.RoleNames(), user.AdministrationIdOf());

    /// <summary>Records a new draft, or changes <paramref name="existing"/> (checked against the version the form showed).</summary>
    public async Task<AdministrationTarget> SaveAsync(ClaimsPrincipal user, int administrationId, AdministrationTarget? existing, TargetForm form, int? shownVersion, CancellationToken ct)
    {
        EnsureMayEdit(user, administrationId);
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.AdministrationId == administrationId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var (target, first, last) = form.ToDomain(administrationId, id => units.GetValueOrDefault(id), clock.Today());
        var now = clock.GetUtcNow();
        if (existing is null)
        {
            existing = AdministrationTarget.Record(target, first, last, form.ResultContract, now, user.DisplayName());
            db.Add(existing);
        }
        else
        {
            db.ExpectVersion(existing, shownVersion);
            existing.Change(target, first, last, form.ResultContract, now, user.DisplayName());
        }
        await db.SaveChangesAsync(ct);
        return existing;
    }

    public async Task DeleteAsync(ClaimsPrincipal user, AdministrationTarget target, int? shownVersion, CancellationToken ct)
    {
        EnsureMayEdit(user, target.AdministrationId);
        db.ExpectVersion(target, shownVersion);
        target.EnsureMayDelete();
        db.Remove(target);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Submits every draft of the administration to the advisor in one go, then tells the listener once.</summary>
    public async Task<int> SubmitAsync(ClaimsPrincipal user, int administrationId, CancellationToken ct)
    {
        EnsureMayEdit(user, administrationId);
        var drafts = await db.Set<AdministrationTarget>().Where(t => t.AdministrationId == administrationId && t.State == TargetState.Draft).OrderBy(t => t.Id).ToListAsync(ct);
        if (drafts.Count == 0) throw new DomainException("Der er ingen kladder at indsende.");
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct); // the submission and its notifications together
        foreach (var t in drafts) t.Submit(now, user.DisplayName());
        await db.SaveChangesAsync(ct);
        var code = await db.Administrations.Where(a => a.Id == administrationId).Select(a => a.Code).FirstAsync(ct);
        await listener.TargetsSubmittedAsync(new TargetsSubmitted(administrationId, code, [.. drafts.Select(t => t.Id)], now, user.DisplayName()), ct);
        await tx.CommitAsync(ct);
        return drafts.Count;
    }

    private static void EnsureMayEdit(ClaimsPrincipal user, int administrationId)
    {
        if (!Access(user).MayEdit(administrationId)) throw new UnauthorizedAccessException("Only the administration's own people change its targets.");
    }
}
