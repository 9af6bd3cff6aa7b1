using System.Security.Claims;
using Tilsyn.Calendar;
using Tilsyn.Complaints;

namespace Tilsyn.Web.Complaints;

public sealed record CaseFilter(
    CaseStatus? Status = null, int? AdministrationId = null, int? UnitId = null, ComplaintCategory? Category = null,
    string? CaseworkerId = null, bool OverdueOnly = false, bool OpenOnly = false, string? Query = null);

public sealed record CaseRow(
    int Id, string Number, string Subject, CaseType Type, CaseStatus Status, string? AdministrationCode, string? UnitName,
    string? CaseworkerName, DateTimeOffset ReceivedAt, DateOnly? NextDue, string? NextDueWhat, bool Overdue);

/// <summary>The filters of an administration's register list: status, open (true) or finished (false), category, linked entries only (true) or own complaints only (false).</summary>
public sealed record RegisterFilter(CaseStatus? Status, bool? Open, ComplaintCategory? Category, bool? Linked);

/// <summary>A line of an administration's register; <paramref name="LinkedAdvisorCaseNumber"/> marks a complaint to the advisor.</summary>
public sealed record RegisterRow(string Number, string Subject, CaseStatus Status, DateTimeOffset ReceivedAt, IReadOnlyList<ComplaintCategory> Categories,
    string? LinkedAdvisorCaseNumber, bool SharedWithAdvisor, DateOnly? NextDue, bool Overdue);

public sealed record WorkItem(string CaseNumber, string Subject, string What, DateOnly Due, bool Overdue, bool DueTomorrowOrToday);

/// <summary>
/// Reads of cases, always through the user's <see cref="CaseAccess"/> (need-to-know): advisor staff
/// see all, an AdministrationContact only cases of its administration that the advisor has involved
/// it in, Leadership and anonymous users none.
/// </summary>
public sealed class CaseQueries(TilsynDbContext db, TimeProvider clock, CaseSearch search, AccessLogging.AccessLog accessLog)
{
    public sealed record Caseworker(string Id, string Name);

    /// <summary>
    /// The advisor's staff: those who can be assigned cases (active users only), or for a filter on
    /// past work also the deactivated ones (<paramref name="includeDeactivated"/>).
    /// </summary>
    public async Task<List<Caseworker>> CaseworkersAsync(CancellationToken ct, bool includeDeactivated = false) =>
        await Staff(includeDeactivated).OrderBy(u => u.FullName).Select(u => new Caseworker(u.Id, u.FullName)).ToListAsync(ct);

    /// <summary>The caseworker a case may be given to: an active member of the advisor's staff, else null.</summary>
    public Task<Caseworker?> AssignableCaseworkerAsync(string id, CancellationToken ct) =>
        Staff(includeDeactivated: false).Where(u => u.Id == id).Select(u => new Caseworker(u.Id, u.FullName)).FirstOrDefaultAsync(ct);

    private IQueryable<TilsynUser> Staff(bool includeDeactivated)
    {
        var staffRoleIds = db.Roles.Where(r => r.Name == Roles.Advisor || r.Name == Roles.AdvisorLead).Select(r => r.Id);
        var staff = db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoleIds.Contains(ur.RoleId)));
        return includeDeactivated ? staff : staff.Where(u => u.DeactivatedAt == null);
    }

    /// <summary>The user's need-to-know on cases (<see cref="CaseAccess"/>, the one rule), from the login's roles and administration.</summary>
    public static CaseAccess Access(ClaimsPrincipal user) => CaseAccess.For(user.RoleNames(), user.AdministrationIdOf());

    public IQueryable<ComplaintCase> Visible(ClaimsPrincipal user) => db.Cases.Where(Access(user).Visible);

    /// <summary>
    /// Loads one case with everything on it, or null when it does not exist or the user may not see it;
    /// a case that exists but is outside the user's scope is a refused attempt in the access log.
    /// </summary>
    public async Task<ComplaintCase?> LoadAsync(ClaimsPrincipal user, string number, CancellationToken ct)
    {
        var found = await Visible(user).Include(c => c.Events).Include(c => c.Documents).Include(c => c.StatementRequests)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Number == number, ct);
        if (found is null && user.Identity?.IsAuthenticated == true && await db.Cases.AnyAsync(c => c.Number == number, ct))
            await accessLog.WriteAsync(AccessLogging.AccessAction.Refused, number, "Adgang nægtet: sagen ligger uden for brugerens adgang", ct);
        return found;
    }

    public async Task<List<CaseRow>> ListAsync(ClaimsPrincipal user, CaseFilter f, int max, CancellationToken ct)
    {
        var today = clock.Today();
        var q = Visible(user).AsNoTracking();
        if (f.Status is { } s) q = q.Where(c => c.Status == s);
        if (f.OpenOnly) q = q.Where(CaseDeadlines.OpenCase);
        if (f.OverdueOnly) q = q.Where(CaseDeadlines.HasDeadlineDueBy(today.AddDays(-1)));
        if (f.AdministrationId is { } a) q = q.Where(c => c.AdministrationId == a);
        if (f.UnitId is { } u) q = q.Where(c => c.UnitId == u);
        if (f.Category is { } cat) q = q.Where(c => c.Categories.Any(x => x.Category == cat));
        if (!string.IsNullOrEmpty(f.CaseworkerId)) q = q.Where(c => c.CaseworkerId == f.CaseworkerId);
        if (!string.IsNullOrWhiteSpace(f.Query))
        {
            var ids = await search.MatchingCaseIdsAsync(f.Query, Access(user).SearchesInternalText, ct);
            q = q.Where(c => ids.Contains(c.Id));
        }

        var raw = await q
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Sequence)
            .Select(c => new { c.Id, c.Number, c.Subject, c.Type, c.Status, c.UnitId, c.AdministrationId, c.CaseworkerId, c.ReceivedAt })
            .Take(max)
            .ToListAsync(ct);

        var caseIds = raw.Select(r => r.Id).ToList();
        var deadlines = (await db.Cases.Where(c => caseIds.Contains(c.Id)).OpenDeadlines().ToListAsync(ct))
            .ToLookup(d => d.CaseId, d => new OpenDeadline(d.Kind, d.Due, d.AdministrationId));
        var admins = await db.Administrations.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Code, ct);
        var unitIds = raw.Where(r => r.UnitId is not null).Select(r => r.UnitId!.Value).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(x => unitIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var workerIds = raw.Where(r => r.CaseworkerId is not null).Select(r => r.CaseworkerId!).Distinct().ToList();
        var workers = await db.Users.AsNoTracking().Where(x => workerIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.FullName, ct);

        return raw.Select(r =>
        {
            var next = CaseDeadlines.Next(deadlines[r.Id]);
            return new CaseRow(r.Id, r.Number, r.Subject, r.Type, r.Status,
                r.AdministrationId is { } a ? admins.GetValueOrDefault(a) : null,
                r.UnitId is { } u ? units.GetValueOrDefault(u) : null,
                r.CaseworkerId is { } w ? workers.GetValueOrDefault(w) : null,
                r.ReceivedAt, next?.Due, next is null ? null : CaseDeadlines.ShortName(next.Kind), next?.IsOverdue(today) ?? false);
        }).ToList();
    }

    /// <summary>
    /// An administration's own complaint register (<see cref="CaseRegisters.OfAdministration"/>) as its users
    /// see it: every case of the register, newest first, filtered. Empty for anyone but that administration's users.
    /// </summary>
    public async Task<List<RegisterRow>> RegisterAsync(ClaimsPrincipal user, RegisterFilter f, int max, CancellationToken ct)
    {
        var access = Access(user);
        if (access.IsStaff || access.ContactOf is not { } own) return [];
        var today = clock.Today();
        var q = db.Cases.AsNoTracking().Where(CaseRegisters.OfAdministration(own));
        if (f.Status is { } s) q = q.Where(c => c.Status == s);
        if (f.Open == true) q = q.Where(CaseDeadlines.OpenCase);
        if (f.Open == false) q = q.Where(c => c.Status == CaseStatus.Concluded || c.Status == CaseStatus.Closed || c.Status == CaseStatus.Rejected || c.Status == CaseStatus.Forwarded);
        if (f.Category is { } cat) q = q.Where(c => c.Categories.Any(x => x.Category == cat));
        if (f.Linked is { } linked) q = q.Where(c => (c.LinkedAdvisorCaseId != null) == linked);
        var raw = await q.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Number, c.Subject, c.Status, c.ReceivedAt, c.LinkedAdvisorCaseNumber, c.SharedWithAdvisorAt, Categories = c.Categories.Select(x => x.Category).ToList() })
            .Take(max).ToListAsync(ct);
        var ids = raw.Select(r => r.Id).ToList();
        var deadlines = (await db.Cases.Where(c => ids.Contains(c.Id)).OpenDeadlines().ToListAsync(ct))
            .ToLookup(d => d.CaseId, d => new OpenDeadline(d.Kind, d.Due, d.AdministrationId));
        return raw.Select(r =>
        {
            var next = CaseDeadlines.Next(deadlines[r.Id]);
            return new RegisterRow(r.Number, r.Subject, r.Status, r.ReceivedAt, r.Categories, r.LinkedAdvisorCaseNumber, r.SharedWithAdvisorAt is not null,
                next?.Due, next?.IsOverdue(today) ?? false);
        }).ToList();
    }

    /// <summary>
    /// The worklist: open deadlines sorted by due date, overdue first. For a caseworker the advisor's cases
    /// assigned to them (or unassigned), never a case of an administration's own register; for an
    /// administration's user the statements its administration owes and the deadlines of its own register.
    /// </summary>
    public async Task<List<WorkItem>> WorklistAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var today = clock.Today();
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var scope = user.Scope();
        IQueryable<CaseDeadline> deadlines;
        var audience = DeadlineAudience.Advisor;
        if (!user.IsAdvisorStaff() && scope.AdministrationId is { } own)
        {
            var statements = Visible(user).Where(CaseRegisters.AdvisorsOwn).OpenDeadlines().Where(d => d.Kind == DeadlineKind.Statement && d.AdministrationId == own);
            deadlines = statements.Concat(db.Cases.Where(CaseRegisters.OfAdministration(own)).OpenDeadlines());
            audience = DeadlineAudience.Contact;
        }
        else if (scope.MaySeeCaseData)
            deadlines = Visible(user).Where(CaseRegisters.AdvisorsOwn).Where(c => c.CaseworkerId == userId || c.CaseworkerId == null).OpenDeadlines();
        else return [];

        var rows = await deadlines
            .Join(db.Cases, d => d.CaseId, c => c.Id, (d, c) => new { c.Number, c.Subject, c.Type, d.Kind, d.Due })
            .ToListAsync(ct);
        return rows
            .Select(r => (r.Number, r.Subject, r.Type, Deadline: new OpenDeadline(r.Kind, r.Due)))
            .Select(r => new WorkItem(r.Number, r.Subject, FirstAnswerBasis.Describe(r.Deadline.Kind, r.Type, audience), r.Deadline.Due, r.Deadline.IsOverdue(today), r.Deadline.IsDueBy(today.AddDays(1))))
            .OrderBy(i => i.Due).ThenBy(i => i.CaseNumber).ToList();
    }
}
