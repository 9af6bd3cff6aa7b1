using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tilsyn.Audits;
using Tilsyn.Common;
using Tilsyn.Identity;
using Tilsyn.Organisation;
using Tilsyn.Web.Data;
using Tilsyn.Web.Extracts;
using Tilsyn.Web.Identity;
using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.CaseAudits;

public sealed record AuditRequest(string Title, PopulationSource Source, int? ExtractId, int? AdministrationId, int? UnitId, string? KleGroup,
    string? CaseType, DateOnly? OpenedFrom, DateOnly? OpenedTo, StratifyBy StratifyBy, SampleDesign Design, int SampleSize, long? Seed);

/// <summary>A drawn sample: the population's strata and the chosen cases.</summary>
public sealed record DrawnSample(long PopulationSize, IReadOnlyList<AuditStratum> Strata, IReadOnlyList<(string Stratum, PopulationCase Case)> Cases);

/// <summary>
/// Creates audits (who may audit what), draws their samples from a kept extract or from Tilsyn's
/// own complaint cases, and records the auditors' answers. The sampling rule itself is
/// <see cref="PrioritySampler{T}"/>; the allocation is <see cref="Allocation"/>.
/// </summary>
public sealed class CaseAuditService(TilsynDbContext db, TimeProvider clock)
{
    public const int MaxSampleSize = 2000;

    /// <summary>Advisor staff see every audit; a contact those of its own administration; Leadership only results (see <see cref="MaySeeCases"/>).</summary>
    public static bool MaySee(ClaimsPrincipal user, CaseAudit audit) =>
        user.IsAdvisorStaff() || user.IsInRole(Roles.Leadership)
        || (user.Scope().AdministrationId is { } own && audit.AdministrationId == own);

    public static bool MaySeeCases(ClaimsPrincipal user, CaseAudit audit) =>
        user.IsAdvisorStaff() || (user.Scope().AdministrationId is { } own && audit.AdministrationId == own);

    /// <summary>The owner records answers: the advisor's staff, or the contacts of the administration that runs its own audit.</summary>
    public static bool MayAnswer(ClaimsPrincipal user, CaseAudit audit) =>
        user.IsAdvisorStaff() || (audit.OwnerAdministrationId is { } owner && user.Scope().AdministrationId == owner && user.IsInRole(Roles.AdministrationContact));

    public IQueryable<CaseAudit> Visible(ClaimsPrincipal user)
    {
        if (user.IsAdvisorStaff() || user.IsInRole(Roles.Leadership)) return db.Set<CaseAudit>();
        if (user.Scope().AdministrationId is { } own) return db.Set<CaseAudit>().Where(a => a.AdministrationId == own);
        return db.Set<CaseAudit>().Where(_ => false);
    }

    public async Task<CaseAudit?> FindAsync(ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var audit = await db.Set<CaseAudit>().FirstOrDefaultAsync(a => a.Id == id, ct);
        return audit is not null && MaySee(user, audit) ? audit : null;
    }

    public async Task<CaseAudit> CreateAsync(ClaimsPrincipal user, AuditRequest request, CancellationToken ct)
    {
        var scope = user.Scope();
        int? owner = null;
        var r = request;
        if (!user.IsAdvisorStaff())
        {
            if (!user.IsInRole(Roles.AdministrationContact) || scope.AdministrationId is not { } own)
                throw new DomainException("Du kan ikke oprette sagsaudits.");
            if (r.AdministrationId is { } asked && asked != own)
                throw new DomainException("Forvaltning: du kan kun auditere din egen forvaltnings sager.");
            owner = own;
            r = r with { AdministrationId = own };
        }
        if (string.IsNullOrWhiteSpace(r.Title)) throw new DomainException("Titel: skriv en titel for auditten.");
        if (r.SampleSize is < 1 or > MaxSampleSize) throw new DomainException($"Stikprøvestørrelse: skal være mellem 1 og {MaxSampleSize}.");
        if ((r.StratifyBy == StratifyBy.None) != (r.Design == SampleDesign.SimpleRandom))
            throw new DomainException("Design: vælg simpel tilfældig udvælgelse uden opdeling, eller opdel efter enhed eller sagstype med proportional eller lige fordeling.");
        if (r.OpenedFrom is { } f && r.OpenedTo is { } t && t < f) throw new DomainException("Periode: slutdatoen ligger før startdatoen.");
        if (r.UnitId is { } unit && !await db.OrgUnits.AnyAsync(u => u.Id == unit && (r.AdministrationId == null || u.AdministrationId == r.AdministrationId), ct))
            throw new DomainException("Enhed: enheden findes ikke i den valgte forvaltning.");
        string? extractLabel = null;
        if (r.Source == PopulationSource.Extract)
        {
            var extract = await db.Extracts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == r.ExtractId, ct)
                ?? throw new DomainException("Dataudtræk: vælg et importeret dataudtræk.");
            extractLabel = $"{extract.Source} {extract.PeriodFrom:dd-MM-yyyy}–{extract.PeriodTo:dd-MM-yyyy}";
        }
        var seed = r.Seed ?? Random.Shared.NextInt64(1, 1_000_000_000);
        var sample = await DrawAsync(r.Source, r.ExtractId, new PopulationFilter(r.AdministrationId, r.UnitId, Blank(r.KleGroup), Blank(r.CaseType), r.OpenedFrom, r.OpenedTo),
            r.StratifyBy, r.Design, r.SampleSize, seed, ct);

        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var audit = new CaseAudit
        {
            Title = r.Title.Trim(), OwnerAdministrationId = owner, Source = r.Source, ExtractId = r.Source == PopulationSource.Extract ? r.ExtractId : null, ExtractLabel = extractLabel,
            AdministrationId = r.AdministrationId, UnitId = r.UnitId, KleGroup = Blank(r.KleGroup), CaseType = Blank(r.CaseType), OpenedFrom = r.OpenedFrom, OpenedTo = r.OpenedTo,
            StratifyBy = r.StratifyBy, Design = r.Design, SampleSize = sample.Cases.Count, Seed = seed, ChecklistVersion = AuditChecklist.Current.Version,
            PopulationSize = sample.PopulationSize, Strata = [.. sample.Strata], CreatedAt = clock.GetUtcNow(), CreatedBy = user.DisplayName(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(audit);
        await db.SaveChangesAsync(ct);
        foreach (var (stratum, c) in sample.Cases)
            db.Add(new SampledCase
            {
                AuditId = audit.Id, CaseKey = c.Key, Stratum = stratum, AdministrationId = c.AdministrationId, UnitId = c.UnitId,
                UnitName = units.GetValueOrDefault(c.UnitId, "–"), CaseType = c.CaseType, KleGroup = c.KleGroup, Opened = c.Opened, Decided = c.Decided,
            });
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
        if (total == 0) throw new DomainException("Population: ingen sager matcher udvælgelsen.");
        if (n > total) throw new DomainException($"Stikprøvestørrelse: populationen har kun {total:N0} sager.".Replace(",", "."));
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
        var rows = db.Cases.AsNoTracking().Where(c => c.AdministrationId != null)
            .Select(c => new { c.Number, c.AdministrationId, c.UnitId, c.KleCode, c.Type, c.ReceivedAt, c.ConcludedAt, c.ClosedAt });
        await foreach (var c in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            string? kle = c.KleCode is not null && KleCode.TryParse(c.KleCode, out var k) ? (k.Value.Group ?? k.Value.MainGroup).Value : null;
            yield return new PopulationCase(c.Number, c.AdministrationId!.Value, c.UnitId ?? 0, kle, Tilsyn.Complaints.CaseTexts.Name(c.Type),
                Tilsyn.Calendar.DanishTime.LocalDate(c.ReceivedAt), c.ConcludedAt is { } d ? Tilsyn.Calendar.DanishTime.LocalDate(d) : null,
                c.ClosedAt is { } x ? Tilsyn.Calendar.DanishTime.LocalDate(x) : null);
        }
    }

    /// <summary>Records the answers for one sampled case; only the checklist's questions and its three answers are accepted.</summary>
    public async Task RecordAsync(ClaimsPrincipal user, CaseAudit audit, SampledCase c, IReadOnlyDictionary<string, AuditCell> answers, CancellationToken ct)
    {
        if (!MayAnswer(user, audit)) throw new DomainException("Du kan ikke registrere svar i denne audit.");
        var checklist = AuditChecklist.ByVersion(audit.ChecklistVersion) ?? AuditChecklist.Current;
        foreach (var key in answers.Keys)
            if (checklist.Questions.All(q => q.Key != key)) throw new DomainException($"Ukendt spørgsmål: {key}.");
        c.Answers = answers.ToDictionary(kv => kv.Key, kv => kv.Value with { Comment = string.IsNullOrWhiteSpace(kv.Value.Comment) ? null : kv.Value.Comment.Trim() });
        c.AnsweredAt = clock.GetUtcNow();
        c.AnsweredBy = user.DisplayName();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>How the register refers to the audit (a finding's recommendation starts with it).</summary>
    public static string Reference(CaseAudit audit) => $"Sagsaudit #{audit.Id}";

    public async Task<AuditResult> ResultAsync(CaseAudit audit, CancellationToken ct)
    {
        var cases = await db.Set<SampledCase>().AsNoTracking().Where(c => c.AuditId == audit.Id).ToListAsync(ct);
        return AuditResults.Compute(AuditChecklist.ByVersion(audit.ChecklistVersion) ?? AuditChecklist.Current,
            audit.Strata.ToDictionary(s => s.Key, s => s.PopulationSize, StringComparer.Ordinal), audit.Design,
            cases.Select(c => new AuditedCase(c.Stratum, c.UnitName, c.Answers.ToDictionary(kv => kv.Key, kv => kv.Value.Answer))));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
