using Microsoft.AspNetCore.DataProtection;
using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.DataSubjects;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Retention;

namespace Tilsyn.Web.DataSubjects;

/// <summary>
/// Handles a data subject's request registered as a case (GDPR art. 15–17): finds the person's other
/// cases, extends the deadline (art. 12(3)), grants an erasure through <see cref="ICaseErasure"/> or
/// refuses it with the reasoned letter, rectifies the citizen's data on a case, and concludes. Each
/// step loads, calls the case's own method, logs and saves; the rules are on <see cref="ComplaintCase"/>.
/// </summary>
public sealed class DataSubjectRequests(
    TilsynDbContext db, PersonSearch search, CaseSearch caseSearch, Letters.CaseLetters letters, AccessLog accessLog,
    TimeProvider clock, IDataProtectionProvider protection, IServiceProvider services)
{
    /// <summary>The request case with its history and documents, or null when there is no data-subject request with that number.</summary>
    public async Task<ComplaintCase?> LoadAsync(string number, CancellationToken ct) =>
        await db.Cases.Include(c => c.Events).Include(c => c.Documents).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Number == number && CaseTypes.DataSubjectRequests.Contains(c.Type), ct);

    /// <summary>
    /// How the request's citizen is searched: by CPR when the request has one (exact), else by e-mail,
    /// else by name.
    /// </summary>
    public PersonKey KeyOf(ComplaintCase request)
    {
        var citizen = request.Citizen ?? throw new DomainException("Anmodningen har ingen borger.");
        var today = clock.Today();
        if (citizen.ProtectedCpr is { } cpr)
            return PersonKey.Create(PersonKeyKind.Cpr, protection.CreateProtector(CaseRegistration.CprPurpose).Unprotect(cpr), today);
        if (citizen.Email is { } email) return PersonKey.Create(PersonKeyKind.Email, email, today);
        return PersonKey.Create(PersonKeyKind.Name, citizen.Name, today);
    }

    /// <summary>The person's cases other than the request itself; <paramref name="erasable"/> leaves out other requests (they document how the person's rights were handled).</summary>
    public async Task<List<PersonCase>> PersonCasesAsync(ComplaintCase request, bool erasable, CancellationToken ct)
    {
        var found = await search.FindAsync(KeyOf(request), ct);
        return found.Cases.Where(c => c.Id != request.Id && (!erasable || CaseTypes.IsSupervision(c.Type))).ToList();
    }

    public async Task ExtendAsync(ComplaintCase request, int months, string reason, Actor by, CancellationToken ct)
    {
        request.ExtendRequestDeadline(months, reason, clock.GetUtcNow(), by);
        accessLog.Add(AccessAction.Change, request.Number, $"Fristen for anmodningen er forlænget med {months} måned(er)");
        await SaveAsync(request, ct);
    }

    /// <summary>
    /// Grants the erasure for the chosen cases of the person: the deletion itself is the retention
    /// feature's (<see cref="ICaseErasure"/>: cases on legal hold are left alone, <i>bevar</i> cases are
    /// archived first); what was erased and what was held is recorded on the request, which is concluded.
    /// </summary>
    public async Task<ErasureOutcome> GrantErasureAsync(ComplaintCase request, IReadOnlyCollection<int> caseIds, Actor by, CancellationToken ct)
    {
        if (request.Type != CaseType.ErasureRequest) throw new DomainException("Sagen er ikke en anmodning om sletning.");
        if (!request.IsOpen) throw new DomainException("Anmodningen er allerede afsluttet.");
        if (caseIds.Count == 0) throw new DomainException("Vælg de sager, der skal slettes.");
        var candidates = await PersonCasesAsync(request, erasable: true, ct);
        if (caseIds.Any(id => candidates.All(c => c.Id != id)))
            throw new DomainException("Kun borgerens egne klage- og henvendelsessager kan slettes efter anmodningen.");
        var erasure = services.GetService<ICaseErasure>() ?? throw new DomainException("Sletning er ikke sat op i denne installation.");
        var outcome = await erasure.EraseAsync(caseIds, $"Sletteanmodning {request.Number} imødekommet (databeskyttelsesforordningens art. 17)", ct);
        var numbers = candidates.ToDictionary(c => c.Id, c => c.Number);
        string List(IEnumerable<int> ids) => string.Join(", ", ids.Select(id => numbers.GetValueOrDefault(id, $"#{id}")));
        var text = $"Sletning efter databeskyttelsesforordningens art. 17. Slettet: {(outcome.Erased.Count == 0 ? "ingen" : List(outcome.Erased))}."
            + (outcome.OnHold.Count > 0 ? $" Ikke slettet på grund af slettestop: {List(outcome.OnHold)}." : "");
        db.ChangeTracker.Clear();
        request = await LoadAsync(request.Number, ct) ?? throw new DomainException("Anmodningen findes ikke længere.");
        request.ConcludeRequest(outcome.Erased.Count > 0, text, clock.GetUtcNow(), by);
        accessLog.Add(AccessAction.Change, request.Number, $"Sletteanmodning imødekommet: {outcome.Erased.Count} sager slettet, {outcome.OnHold.Count} med slettestop");
        await SaveAsync(request, ct);
        return outcome;
    }

    /// <summary>
    /// Refuses the erasure with the reasoned letter (template <i>Afslag på anmodning om sletning</i>:
    /// GDPR art. 17(3)(b), OFL §§ 13 and 15), journalised and mailed, and concludes the request.
    /// </summary>
    public async Task RefuseErasureAsync(ComplaintCase request, string reason, Actor by, CancellationToken ct)
    {
        if (request.Type != CaseType.ErasureRequest) throw new DomainException("Sagen er ikke en anmodning om sletning.");
        if (!request.IsOpen) throw new DomainException("Anmodningen er allerede afsluttet.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await CaseWriteLock.TakeAsync(db, request.Id, ct);
        await letters.SendErasureRefusalAsync(request, reason, ct);
        request.ConcludeRequest(false, $"Afslået efter databeskyttelsesforordningens art. 17, stk. 3, litra b (notat- og journaliseringspligt, offentlighedslovens §§ 13 og 15): {reason.Trim()}", clock.GetUtcNow(), by);
        accessLog.Add(AccessAction.Change, request.Number, "Sletteanmodning afslået med begrundet brev");
        await SaveAsync(request, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Rectifies the citizen's name and contact details on one of the person's cases (GDPR art. 16).
    /// The case's journalised documents stay as they are; a note on that case says which fields were
    /// corrected, and a note on the request case records the old and new values.
    /// </summary>
    public async Task<IReadOnlyList<CitizenCorrection>> RectifyAsync(ComplaintCase request, string caseNumber,
        string name, string? email, string? phone, string? address, Actor by, CancellationToken ct)
    {
        if (request.Type != CaseType.RectificationRequest) throw new DomainException("Sagen er ikke en anmodning om berigtigelse.");
        if (!request.IsOpen) throw new DomainException("Anmodningen er allerede afsluttet.");
        if (!string.IsNullOrWhiteSpace(email) && !System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _))
            throw new DomainException("Feltet 'E-mail' er ikke en gyldig e-mailadresse.");
        var candidates = await PersonCasesAsync(request, erasable: false, ct);
        var targetId = candidates.FirstOrDefault(c => c.Number == caseNumber)?.Id
            ?? throw new DomainException("Vælg en af borgerens sager.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await CaseWriteLock.TakeAsync(db, targetId, ct);
        await CaseWriteLock.TakeAsync(db, request.Id, ct);
        var target = await db.Cases.Include(c => c.Events).Include(c => c.Documents).AsSplitQuery().FirstAsync(c => c.Id == targetId, ct);
        var now = clock.GetUtcNow();
        var changes = target.CorrectCitizen(name, email, phone, address, request.Number, now, by);
        var fields = string.Join(", ", changes.Select(c => c.Field.ToLowerInvariant()));
        target.AddNote($"Borgerens oplysninger på sagen er berigtiget efter anmodning {request.Number} (databeskyttelsesforordningens art. 16): {fields}. Sagens journaliserede dokumenter er ikke ændret; de hidtidige oplysninger fremgår af sag {request.Number}.", now, by);
        request.AddNote($"Berigtigelse af borgerens oplysninger på sag {target.Number}:\n"
            + string.Join("\n", changes.Select(c => $"- {c.Field}: \"{c.Old ?? ""}\" → \"{c.New ?? ""}\"")), now, by);
        accessLog.Add(AccessAction.Change, target.Number, $"Borgerens oplysninger berigtiget efter anmodning {request.Number}: {fields}");
        accessLog.Add(AccessAction.Change, request.Number, $"Berigtigelse af sag {target.Number}: {fields}");
        await db.SaveChangesAsync(ct);
        await caseSearch.IndexAsync(target, ct);
        await caseSearch.IndexAsync(request, ct);
        await tx.CommitAsync(ct);
        return changes;
    }

    /// <summary>Concludes an access or rectification request (granted or refused) with what was done.</summary>
    public async Task ConcludeAsync(ComplaintCase request, bool granted, string conclusion, Actor by, CancellationToken ct)
    {
        if (request.Type == CaseType.ErasureRequest)
            throw new DomainException("En sletteanmodning afsluttes ved at slette borgerens sager eller med et begrundet afslag.");
        request.ConcludeRequest(granted, conclusion, clock.GetUtcNow(), by);
        accessLog.Add(AccessAction.Change, request.Number, granted ? "Anmodningen er imødekommet" : "Anmodningen er afslået");
        await SaveAsync(request, ct);
    }

    private async Task SaveAsync(ComplaintCase request, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await caseSearch.IndexAsync(request, ct);
    }
}
