using System.Security.Claims;
using Tilsyn.Organisation;

namespace Tilsyn.Web.Organisation;

public sealed record AdministrationRow(int Id, string Code, string Name, string? Committee, int Units);

public sealed record UnitNode(int Id, int? ParentId, string Name, OrgUnitKind Kind, bool IsClosed);

/// <summary>
/// Reads of the organisation, filtered by who asks. The structure itself is not personal data, so
/// advisor staff and Leadership see every administration; an AdministrationContact sees its own
/// only, and gets "not found" for the others (the existence of other data is not confirmed).
/// </summary>
public sealed class OrganisationQueries(TilsynDbContext db, AccessLogging.AccessLog accessLog)
{
    public static bool MayView(ClaimsPrincipal user, int administrationId)
    {
        if (user.IsInRole(Roles.Leadership) && !user.IsInRole(Roles.AdministrationContact)) return true;
        return user.Scope().Covers(administrationId);
    }

    public async Task<List<AdministrationRow>> AdministrationsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var query = db.Administrations.AsNoTracking();
        if (!user.IsInRole(Roles.Leadership))
        {
            var scope = user.Scope();
            if (!scope.MaySeeCaseData) return [];
            if (scope.AdministrationId is { } own) query = query.Where(a => a.Id == own);
        }
        return await query
            .OrderBy(a => a.Name)
            .Select(a => new AdministrationRow(a.Id, a.Code, a.Name, a.Committee, db.OrgUnits.Count(u => u.AdministrationId == a.Id && u.Kind == OrgUnitKind.Unit)))
            .ToListAsync(ct);
    }

    public async Task<Administration?> AdministrationAsync(ClaimsPrincipal user, string code, CancellationToken ct = default)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var admin = await db.Administrations.AsNoTracking().FirstOrDefaultAsync(a => a.Code == normalised, ct);
        if (admin is null) return null;
        if (MayView(user, admin.Id)) return admin;
        await accessLog.RefusedAsync($"forvaltningen {admin.Code}", ct: ct);
        return null;
    }

    public Task<List<UnitNode>> UnitsAsync(int administrationId, CancellationToken ct = default) =>
        db.OrgUnits.AsNoTracking()
            .Where(u => u.AdministrationId == administrationId)
            .OrderBy(u => u.Name)
            .Select(u => new UnitNode(u.Id, u.ParentId, u.Name, u.Kind, u.IsClosed))
            .ToListAsync(ct);

    /// <summary>Orders nodes depth-first (parents before their children) with their depth, for an indented tree.</summary>
    public static IEnumerable<(UnitNode Node, int Depth)> AsTree(IReadOnlyList<UnitNode> nodes)
    {
        var children = nodes.ToLookup(n => n.ParentId);
        IEnumerable<(UnitNode, int)> Walk(int? parent, int depth)
        {
            foreach (var n in children[parent])
            {
                yield return (n, depth);
                foreach (var c in Walk(n.Id, depth + 1)) yield return c;
            }
        }
        return Walk(null, 0);
    }
}
