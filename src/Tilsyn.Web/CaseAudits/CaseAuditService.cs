using System.Runtime.CompilerServices;
using System.Security.Claims;
using Tilsyn.Audits;
using Tilsyn.Complaints;
using Tilsyn.Organisation;
using Tilsyn.Web.Extracts;

namespace Tilsyn.Web.CaseAudits;

/// <summary>
/// Case audits in the database: creates audits, draws their samples from a kept extract or from
/// Tilsyn's own complaint cases, and records the auditors' answers — load, call the domain, save.
/// Who may do what is <see cref="CaseAuditAccess"/>; an audit's own rules are <see cref="CaseAudit"/>'s;
/// the sampling rule is <see cref="PrioritySampler{T}"/> and the allocation <see cref="Allocation"/>.
/// </summary>
public sealed class CaseAuditService(TilsynDbContext db, TimeProvider clock, AccessLogging.AccessLog accessLog)
{
    public const int MaxSampleSize = CaseAudit.MaxSampleSize;

    /// <summary>The user's rights over audits (<see cref="CaseAuditAccess"/>, the one rule), from the login's roles and administration.</summary>
    public static CaseAuditAccess Access(ClaimsPrincipal user) => user.Identity?.IsAuthenticated != true
        ? CaseAuditAccess.For([], null)
        : CaseAuditAccess.For(user.FindAll(ClaimTypes.Role).Select(c => c.Value), int.TryParse(user.FindFirstValue(TilsynClaims.AdministrationId), out var id) ? id : null);

    public IQueryable<CaseAudit> Visible(ClaimsPrincipal user) => db.Set<CaseAudit>().Where(Access(user).Visible);

    /// <summary>The key each sampled case is shown under to the user (<see cref="CaseAuditAccess.ShownKey"/>), by the sampled case's id.</summary>
    public async Task<Dictionary<long, string>> ShownKeysAsync(ClaimsPrincipal user, CaseAudit audit, IReadOnlyCollection<SampledCase> cases, CancellationToken ct)
    {
        var access = Access(user);
        var visible = new HashSet<string>(StringComparer.Ordinal);
        if (access.KeysNeedCaseAccess(audit) && cases.Count > 0)
        {
            var keys = cases.Select(c => c.CaseKey).ToList();
            visible.UnionWith(await db.Cases.Where(Tilsyn.Web.Complaints.CaseQueries.Access(user).Visible).Where(c => keys.Contains(c.Number)).Select(c => c.Number).ToListAsync(ct));
        }
        return cases.ToDictionary(c => c.Id, c => access.ShownKey(audit, c, visible.Contains(c.CaseKey)));
    }

    public async Task<CaseAudit?> FindAsync(ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var audit = await db.Set<CaseAudit>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (audit is null) return null;
        if (Access(user).MaySee(audit)) return audit;
        if (user.Identity?.IsAuthenticated == true) await accessLog.RefusedAsync($"sagsaudit {audit.Id}", ct: ct);
        return null;
    }

    /// <summary>Checks the request (who, what design), draws the sample and stores the audit with its cases in one transaction.</summary>
    public async Task<CaseAudit> CreateAsync(ClaimsPrincipal user, AuditRequest request, CancellationToken ct)
    {
        var r = request;
        var ownership = Access(user).OwnershipFor(r.AdministrationId);
        CaseAudit.CheckPlan(r.Title, r.StratifyBy, r.Design, r.SampleSize, r.OpenedFrom, r.OpenedTo);
        var filter = new PopulationFilter(ownership.AdministrationId, r.UnitId, Blank(r.KleGroup), Blank(r.CaseType), r.OpenedFrom, r.OpenedTo);
        if (r.UnitId is { } unit && !await db.OrgUnits.AnyAsync(u => u.Id == unit && (filter.AdministrationId == null || u.AdministrationId == filter.AdministrationId), ct))
            throw new DomainException("Enhed: enheden findes ikke i den valgte forvaltning.");
        string? extractLabel = null;
        if (r.Source == PopulationSource.Extract)
        {
            var extract = await db.Extracts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == r.ExtractId, ct)
                ?? throw new DomainException("Dataudtræk: vælg et importeret dataudtræk.");
            extractLabel = $"{extract.Source} {extract.PeriodFrom:dd-MM-yyyy}–{extract.PeriodTo:dd-MM-yyyy}";
        }
        var seed = r.Seed ?? Random.Shared.NextInt64(1, 1_000_000_000);
        var sample = await DrawAsync(r.Source, r.ExtractId, filter, r.StratifyBy, r.Design, r.SampleSize, seed, ct);

        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var audit = new CaseAudit(r.Title, ownership, r.Source, r.ExtractId, extractLabel, filter, r.StratifyBy, r.Design, seed,
            sample.PopulationSize, sample.Strata, sample.Cases.Count, clock.GetUtcNow(), user.DisplayName());
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(audit);
        await db.SaveChangesAsync(ct);
        foreach (var (stratum, c) in sample.Cases)
            db.Add(new SampledCase(audit.Id, stratum, c, units.GetValueOrDefault(c.UnitId, "–")));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return audit;
    }

    /// <summary>Draws the sample in one pass over the population; memory is strata × sample size.</summary>
    public async Task<DrawnSample> DrawAsync(PopulationSource source, int? extractId, PopulationFilter filter, StratifyBy by, SampleDesign design, int n, long seed, CancellationToken ct)
    {
        var unitNames = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var sampler = source == PopulationSource.Extract
            ? await ScanExtractAsync(extractId, filter, by, n, seed, ct)
            : await ScanComplaintsAsync(filter, by, n, seed, ct);
        string Label(string key) => by switch
        {
            StratifyBy.Unit => unitNames.GetValueOrDefault(int.Parse(key, System.Globalization.CultureInfo.InvariantCulture), "Ukendt enhed"),
            StratifyBy.CaseType => key,
            _ => "Alle sager",
        };
        var sizes = sampler.Sizes;
        var total = sizes.Values.Sum();
        CaseAudit.CheckSample(n, total);
        var allocation = Allocation.Allocate(sizes, n, design);
        var strata = sizes.OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new AuditStratum(s.Key, Label(s.Key), s.Value, allocation.GetValueOrDefault(s.Key))).ToList();
        var cases = sampler.Take(allocation).Select(x => (x.Stratum, x.Item)).ToList();
        return new DrawnSample(total, strata, cases);
    }

    /// <summary>
    /// An extract's kept cases, chunk by chunk: one reader streams the chunks from the database and the
    /// cores scan them in parallel, each into its own sampler; the samplers are merged at the end.
    /// </summary>
    private async Task<PrioritySampler<PopulationCase>> ScanExtractAsync(int? extractId, PopulationFilter filter, StratifyBy by, int n, long seed, CancellationToken ct)
    {
        var workers = Math.Clamp(Environment.ProcessorCount, 1, 4);
        var channel = System.Threading.Channels.Channel.CreateBounded<byte[]>(workers * 2);
        var parts = Enumerable.Range(0, workers).Select(_ => new PrioritySampler<PopulationCase>(seed, n)).ToArray();
        var tasks = parts.Select(part => Task.Run(async () =>
        {
            var unitKeys = new Dictionary<int, string>();
            await foreach (var payload in channel.Reader.ReadAllAsync(ct)) CaseChunkCodec.Scan(payload, filter, by, part, unitKeys);
        }, ct)).ToArray();
        try
        {
            await foreach (var payload in db.Set<ExtractCaseChunk>().AsNoTracking().Where(c => c.ExtractId == extractId).OrderBy(c => c.ChunkNo)
                .Select(c => c.Payload).AsAsyncEnumerable().WithCancellation(ct))
                await channel.Writer.WriteAsync(payload, ct);
        }
        finally
        {
            channel.Writer.Complete();
            await Task.WhenAll(tasks);
        }
        for (var i = 1; i < parts.Length; i++) parts[0].Merge(parts[i]);
        return parts[0];
    }

    private async Task<PrioritySampler<PopulationCase>> ScanComplaintsAsync(PopulationFilter filter, StratifyBy by, int n, long seed, CancellationToken ct)
    {
        var sampler = new PrioritySampler<PopulationCase>(seed, n);
        await foreach (var c in ComplaintPopulationAsync(ct))
            if (filter.Matches(c)) sampler.Offer(StratumOf(c, by), c.Key, c);
        return sampler;
    }

    public static string StratumOf(in PopulationCase c, StratifyBy by) => by switch
    {
        StratifyBy.Unit => c.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        StratifyBy.CaseType => c.CaseType,
        _ => "",
    };

    /// <summary>Tilsyn's own complaint cases as an audit population (an extract's cases are scanned in <see cref="ScanExtractAsync"/>).</summary>
    private async IAsyncEnumerable<PopulationCase> ComplaintPopulationAsync([EnumeratorCancellation] CancellationToken ct)
    {
        // Requests about Tilsyn's own records (aktindsigt, data-subject requests) are no supervision and are never sampled.
        var rows = db.Cases.AsNoTracking().Supervision().Where(c => c.AdministrationId != null)
            .Select(c => new { c.Number, c.AdministrationId, c.UnitId, c.KleCode, c.Type, c.ReceivedAt, c.ConcludedAt, c.ClosedAt });
        await foreach (var c in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            string? kle = c.KleCode is not null && KleCode.TryParse(c.KleCode, out var k) ? (k.Value.Group ?? k.Value.MainGroup).Value : null;
            yield return new PopulationCase(c.Number, c.AdministrationId!.Value, c.UnitId ?? 0, kle, Tilsyn.Complaints.CaseTexts.Name(c.Type),
                Tilsyn.Calendar.DanishTime.LocalDate(c.ReceivedAt), c.ConcludedAt is { } d ? Tilsyn.Calendar.DanishTime.LocalDate(d) : null,
                c.ClosedAt is { } x ? Tilsyn.Calendar.DanishTime.LocalDate(x) : null);
        }
    }

    /// <summary>Records the answers for one sampled case (the rules are <see cref="CaseAudit.Record"/>'s) and saves.</summary>
    public async Task RecordAsync(ClaimsPrincipal user, CaseAudit audit, SampledCase c, IReadOnlyDictionary<string, AuditCell> answers, CancellationToken ct)
    {
        audit.Record(c, answers, Access(user), clock.GetUtcNow(), user.DisplayName());
        await db.SaveChangesAsync(ct);
    }

    public async Task<AuditResult> ResultAsync(CaseAudit audit, CancellationToken ct)
    {
        var cases = await db.Set<SampledCase>().AsNoTracking().Where(c => c.AuditId == audit.Id).ToListAsync(ct);
        return AuditResults.Compute(audit.Checklist,
            audit.Strata.ToDictionary(s => s.Key, s => s.PopulationSize, StringComparer.Ordinal), audit.Design,
            cases.Select(c => new AuditedCase(c.Stratum, c.UnitName, c.Answers.ToDictionary(kv => kv.Key, kv => kv.Value.Answer))));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
