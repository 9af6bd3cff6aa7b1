using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Organisation;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Uploads;

namespace Tilsyn.Web.Pages.Cases;

/// <summary>
/// One case: everything on it, and every step of the workflow as a small form. The page only
/// loads, calls the case's own method, logs and saves; the rules are in <see cref="ComplaintCase"/>.
/// </summary>
[UploadLimits]
public sealed class DetailsModel(
    TilsynDbContext db, CaseQueries cases, CaseSearch search, AccessLog accessLog, TimeProvider clock,
    WorkingDayCalendar calendar, DeadlinePolicy deadlines, IDataProtectionProvider protection, Tilsyn.Web.Letters.CaseLetters letters,
    LinkedEntries linkedEntries) : PageModel, IDomainErrorPage
{

    public ComplaintCase Case { get; private set; } = null!;
    public string? AdministrationName { get; private set; }
    public string? UnitName { get; private set; }
    public string? CaseworkerName { get; private set; }
    public List<Administration> Administrations { get; private set; } = [];
    public List<OrgUnit> Units { get; private set; } = [];
    public List<CaseQueries.Caseworker> Caseworkers { get; private set; } = [];
    public List<CaseDocument> Documents { get; private set; } = [];
    public string? RevealedCpr { get; private set; }

    /// <summary>The Digital Post messages of the case's letters, by message UUID: delivered, waiting or failed.</summary>
    public Dictionary<Guid, Tilsyn.Web.DigitalPost.DigitalPostState> DigitalPost { get; private set; } = [];
    public string? Error { get; set; }

    /// <summary>The case's version the form was loaded with (<see cref="AggregateVersion"/>); a step based on an older one is refused.</summary>
    [BindProperty(Name = AggregateVersion.FormField)] public int? ShownVersion { get; set; }
    public DateOnly DefaultStatementDue { get; private set; }
    public DateOnly Today => clock.Today();
    /// <summary>The case's open deadlines (<see cref="CaseDeadlines.Open(ComplaintCase)"/>): none on a finished case.</summary>
    public IReadOnlyList<OpenDeadline> Deadlines => CaseDeadlines.Open(Case);
    public OpenDeadline? StatementDeadline(StatementRequest request) => CaseDeadlines.Open(Case, request);
    public bool IsStaff => User.IsAdvisorStaff();

    /// <summary>Whether the user works this case (<see cref="CaseAccess.MayHandle"/>): the advisor's staff on the advisor's cases, the administration's users on its own register's cases.</summary>
    public bool MayHandle => Access.MayHandle(Case);

    /// <summary>The advisor's staff working an advisor's case: the steps that belong to the advisor alone (statement requests, targeted effort, sharing, assignment, status link, legal hold).</summary>
    public bool AdvisorHandles => IsStaff && MayHandle;

    /// <summary>The owning administration's name on a case of its own register; null on an advisor's case.</summary>
    public string? OwnerName { get; private set; }

    /// <summary>What the user may see on the case (<see cref="CaseAccess"/>): a contact sees shared documents, never the CPR number.</summary>
    public CaseAccess Access => CaseQueries.Access(User);

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        if (!await LoadAsync(number, ct)) return NotFound();
        await accessLog.WriteAsync(AccessAction.View, Case.Number, "Sagen er åbnet", ct);
        return Page();
    }

    public Task<IActionResult> OnPostClassifyAsync(string number, CaseType type, int? administrationId, int? unitId, string? kleCode, List<ComplaintCategory> categories, CancellationToken ct) =>
        HandlerAct(number, "Klassificering", async c =>
        {
            if (unitId is { } u && !await db.OrgUnits.AnyAsync(x => x.Id == u && x.AdministrationId == administrationId, ct))
                throw new DomainException("Enheden hører ikke til den valgte forvaltning.");
            if (administrationId is { } a && !await db.Administrations.AnyAsync(x => x.Id == a, ct))
                throw new DomainException("Forvaltningen findes ikke.");
            if (!string.IsNullOrWhiteSpace(kleCode) && !await db.KleSubjects.AnyAsync(k => k.Code == kleCode.Trim(), ct))
                throw new DomainException($"KLE-emnet '{kleCode.Trim()}' findes ikke i registret.");
            c.Classify(type, administrationId, unitId, kleCode, categories, Now, Me);
        }, ct);

    public Task<IActionResult> OnPostAssignAsync(string number, string? caseworkerId, CancellationToken ct) =>
        AdvisorAct(number, "Sagsbehandler", async c =>
        {
            string? name = null;
            if (!string.IsNullOrEmpty(caseworkerId))
                name = (await cases.AssignableCaseworkerAsync(caseworkerId, ct))?.Name
                    ?? throw new DomainException("Sagen kan kun gives til en aktiv medarbejder hos Borgerrådgiveren.");
            c.AssignCaseworker(string.IsNullOrEmpty(caseworkerId) ? null : caseworkerId, name, Now, Me);
        }, ct);

    public Task<IActionResult> OnPostReviewAsync(string number, string? reason, CancellationToken ct) =>
        HandlerAct(number, "Under behandling", c => { c.StartReview(Now, Me, reason); return Task.CompletedTask; }, ct);

    public Task<IActionResult> OnPostTargetedAsync(string number, string note, CancellationToken ct) =>
        AdvisorAct(number, "Målrettet indsats", c => { c.StartTargetedEffort(Now, Me, note); return Task.CompletedTask; }, ct);

    public Task<IActionResult> OnPostRequestStatementAsync(string number, string question, int? workingDays, CancellationToken ct) =>
        AdvisorAct(number, "Udtalelse anmodet", async c =>
        {
            var request = c.RequestStatement(question, deadlines.StatementDue(calendar, clock.Today(), workingDays), Now, Me);
            await db.SaveChangesAsync(ct);
            await letters.SendStatementRequestAsync(c, request, ct);
            // The request letter is the administration's own: it was mailed to its contacts.
            var letter = c.Documents.MaxBy(d => d.Sequence)!;
            c.ShareDocument(letter.Sequence, Now, Me);
            accessLog.Add(AccessAction.Share, c.Number, $"Dokument {CaseNumber.FormatDocument(c.Number, letter.Sequence)} delt med forvaltningen (anmodning om udtalelse)");
        }, ct);

    /// <summary>"Del med forvaltningen": the administration's contacts see the case from now on (logged); the citizen's contact details only when ticked.</summary>
    public Task<IActionResult> OnPostShareAsync(string number, bool contactDetails, CancellationToken ct) =>
        AdvisorAct(number, "Delt med forvaltningen", c =>
        {
            c.ShareWithAdministration(contactDetails, Now, Me);
            accessLog.Add(AccessAction.Share, c.Number, contactDetails ? "Sagen delt med forvaltningen med borgerens kontaktoplysninger" : "Sagen delt med forvaltningen uden borgerens kontaktoplysninger");
            return Task.CompletedTask;
        }, ct);

    /// <summary>Shares one document with the administration (logged); internal notes are refused by the case.</summary>
    public Task<IActionResult> OnPostShareDocumentAsync(string number, int sequence, CancellationToken ct) =>
        AdvisorAct(number, "Dokument delt med forvaltningen", c =>
        {
            c.ShareDocument(sequence, Now, Me);
            accessLog.Add(AccessAction.Share, c.Number, $"Dokument {CaseNumber.FormatDocument(c.Number, sequence)} delt med forvaltningen");
            return Task.CompletedTask;
        }, ct);

    public Task<IActionResult> OnPostExtendAsync(string number, int requestId, DateOnly newDue, string reason, CancellationToken ct) =>
        AdvisorAct(number, "Frist forlænget", c =>
        {
            var r = c.StatementRequests.FirstOrDefault(x => x.Id == requestId) ?? throw new DomainException("Anmodningen findes ikke på sagen.");
            c.ExtendStatementDeadline(r, newDue, reason, Now, Me);
            return Task.CompletedTask;
        }, ct);

    /// <summary>The administration's answer: by its own contact, or registered by the advisor when it came by mail.</summary>
    public async Task<IActionResult> OnPostAnswerAsync(string number, int requestId, string text, List<IFormFile> files, [FromServices] Tilsyn.Web.Notifications.Notifier notifier, CancellationToken ct)
    {
        if (!await LoadAsync(number, ct)) return NotFound();
        var r = Case.StatementRequests.FirstOrDefault(x => x.Id == requestId);
        if (r is null) return NotFound();
        var contactOfIt = User.IsInRole(Roles.AdministrationContact) && User.Scope().Covers(r.AdministrationId);
        if (!contactOfIt && !IsStaff) return Forbid();
        var errors = new List<string>();
        var accepted = await UploadReader.ReadAcceptedAsync(files, errors, ct);
        return await Act("Udtalelse afgivet", async c =>
        {
            if (errors.Count > 0) throw new DomainException(string.Join(" ", errors));
            if (Tilsyn.Complaints.Intake.FreeText.Check(CaseTextFields.Statement, text, required: true) is { } bad) throw new DomainException(bad);
            var request = c.StatementRequests.First(x => x.Id == requestId);
            c.ReceiveStatement(request, Tilsyn.Complaints.Intake.FreeText.Normalise(text), Now, Me);
            foreach (var f in accepted)
                c.AddDocument(DocumentKind.Attachment, $"Bilag til udtalelse: {f.FileName}", Now, Me, null, f.FileName, f.ContentType, f.Content, request.Id);
            await notifier.StatementAnsweredAsync(c, request, ct); // saved by Act, in its transaction
        }, ct, append: true);
    }

    public Task<IActionResult> OnPostNoteAsync(string number, string text, int? corrects, CancellationToken ct) =>
        HandlerAct(number, "Notat", c =>
        {
            if (Tilsyn.Complaints.Intake.FreeText.Check(CaseTextFields.Note, text, required: true) is { } bad) throw new DomainException(bad);
            c.AddNote(Tilsyn.Complaints.Intake.FreeText.Normalise(text), Now, Me, corrects);
            return Task.CompletedTask;
        }, ct, append: true);

    /// <summary>
    /// A letter the caseworker writes to the citizen. The caseworker must say whether it answers
    /// the citizen (it then meets the first-answer deadline) or only informs; the title never decides it.
    /// </summary>
    public Task<IActionResult> OnPostLetterAsync(string number, string? title, string? text, bool? answersCitizen, CancellationToken ct) =>
        HandlerAct(number, "Brev til borgeren", async c =>
        {
            if (answersCitizen is null) throw new DomainException("Angiv, om brevet er et svar til borgeren.");
            foreach (var (field, value) in new[] { (CaseTextFields.LetterTitle, title), (CaseTextFields.LetterBody, text) })
                if (Tilsyn.Complaints.Intake.FreeText.Check(field, value, required: true) is { } bad) throw new DomainException(bad);
            await letters.SendToCitizenAsync(c, Tilsyn.Complaints.Intake.FreeText.Normalise(title), Tilsyn.Complaints.Intake.FreeText.Normalise(text), answersCitizen.Value, Me, ct);
        }, ct, append: true);

    public Task<IActionResult> OnPostFirstAnswerAsync(string number, CancellationToken ct) =>
        HandlerAct(number, "Første svar givet", c => { c.RecordFirstAnswer(Now, Me); return Task.CompletedTask; }, ct);

    public Task<IActionResult> OnPostConcludeAsync(string number, Outcome outcome, List<ComplaintCategory> breached, string conclusion, string? recommendation, string summary,
        [FromServices] Tilsyn.Web.Notifications.Notifier notifier, CancellationToken ct) =>
        HandlerAct(number, "Afsluttet", async c =>
        {
            foreach (var (field, value) in new[] { (CaseTextFields.Conclusion, conclusion), (CaseTextFields.Recommendation, recommendation), (CaseTextFields.Summary, summary) })
                if (Tilsyn.Complaints.Intake.FreeText.Check(field, value, required: false) is { } bad) throw new DomainException(bad);
            c.Conclude(outcome, breached, conclusion, recommendation, summary, Now, Me);
            // On the administration's own case the administration writes its own letter; the advisor's conclusion letter and recommendation register are the advisor's.
            if (c.OwnerAdministrationId is not null) return;
            // A recommendation to the administration goes into the register, to be followed up within three months.
            Tilsyn.Recommendations.Recommendation? created = null;
            if (c.RecommendationText is { } rec && c.AdministrationId is { } adminId)
                db.Recommendations.Add(created = new Tilsyn.Recommendations.Recommendation(Tilsyn.Recommendations.RecommendationSource.ComplaintCase, c.Number, adminId, c.UnitId,
                    rec, clock.Today().AddMonths(3), Now, User.DisplayName()));
            await db.SaveChangesAsync(ct);
            if (created is not null) await notifier.RecommendationCreatedAsync(created, ct); // saved by Act, in its transaction
            await letters.SendConclusionAsync(c, ct);
        }, ct);

    public Task<IActionResult> OnPostRejectAsync(string number, string reason, CancellationToken ct) =>
        HandlerAct(number, "Afvist", c => { c.Reject(reason, Now, Me); return Task.CompletedTask; }, ct);

    public Task<IActionResult> OnPostForwardAsync(string number, string recipient, CancellationToken ct) =>
        HandlerAct(number, "Videresendt", c => { c.Forward(recipient, Now, Me); return Task.CompletedTask; }, ct);

    /// <summary>Closes the case; the citizen's survey link (issue 16) is created and queued in the same transaction.</summary>
    public Task<IActionResult> OnPostCloseAsync(string number, [FromServices] Tilsyn.Web.Feedback.FeedbackSurveys feedback, CancellationToken ct) =>
        HandlerAct(number, "Lukket", async c => { c.Close(Now, Me); await feedback.OnClosedAsync(c, ct); }, ct);

    /// <summary>Marks the citizen exempt from Digital Post (<i>fritaget for Digital Post</i>), or no longer exempt; in the history and the access log.</summary>
    public Task<IActionResult> OnPostDigitalPostExemptionAsync(string number, bool exempt, CancellationToken ct) =>
        HandlerAct(number, exempt ? "Borgeren fritaget for Digital Post" : "Borgerens fritagelse for Digital Post ophævet", c =>
        {
            c.SetDigitalPostExemption(exempt, Now, Me);
            return Task.CompletedTask;
        }, ct);

    /// <summary>The administration shares a case of its own register with the advisor, who may then read it (logged).</summary>
    public Task<IActionResult> OnPostShareWithAdvisorAsync(string number, CancellationToken ct) =>
        HandlerAct(number, "Delt med Borgerrådgiveren", c =>
        {
            c.ShareWithAdvisor(Now, Me);
            accessLog.Add(AccessAction.Share, c.Number, "Sagen i forvaltningens klageregister delt med Borgerrådgiveren");
            return Task.CompletedTask;
        }, ct);

    /// <summary>Shows the full CPR number once, and logs that it was shown.</summary>
    public async Task<IActionResult> OnPostRevealCprAsync(string number, CancellationToken ct)
    {
        if (!User.Scope().MaySeeCaseData) return Forbid();
        if (!await LoadAsync(number, ct)) return NotFound();
        if (!Access.MaySeeCprOf(Case)) return Forbid();
        if (Case.Citizen?.ProtectedCpr is { } p)
        {
            RevealedCpr = protection.CreateProtector(CaseRegistration.CprPurpose).Unprotect(p);
            RevealedCpr = $"{RevealedCpr[..6]}-{RevealedCpr[6..]}";
            await accessLog.WriteAsync(AccessAction.View, Case.Number, "CPR-nummer vist", ct);
        }
        return Page();
    }

    private DateTimeOffset Now => clock.GetUtcNow();
    private Actor Me => new(User.FindFirstValue(ClaimTypes.NameIdentifier), User.DisplayName());

    /// <summary>A step of the case's workflow, for whoever works the case (<see cref="MayHandle"/>); anyone else who sees the case is refused (403), anyone who does not gets 404.</summary>
    private async Task<IActionResult> HandlerAct(string number, string what, Func<ComplaintCase, Task> action, CancellationToken ct, bool append = false)
    {
        if (!User.Scope().MaySeeCaseData) return Forbid();
        if (!await LoadAsync(number, ct)) return NotFound();
        if (!MayHandle) return Forbid();
        return await Act(what, action, ct, append);
    }

    /// <summary>A step that belongs to the advisor alone: only the advisor's staff on an advisor's case.</summary>
    private async Task<IActionResult> AdvisorAct(string number, string what, Func<ComplaintCase, Task> action, CancellationToken ct, bool append = false)
    {
        if (!IsStaff) return Forbid();
        if (!await LoadAsync(number, ct)) return NotFound();
        if (!AdvisorHandles) return Forbid();
        return await Act(what, action, ct, append);
    }

    /// <summary>
    /// Runs one step in a transaction: the change, its audit line, the search index and any letter, or
    /// none of them. The step holds the case's write lock (<see cref="CaseWriteLock"/>) and works on
    /// the case as stored now, so concurrent documents get distinct numbers. A step that changes the
    /// case is refused (409) when the form showed an older version; an <paramref name="append"/> (a
    /// note, a letter, a statement) only adds a document and is not refused for that.
    /// </summary>
    private async Task<IActionResult> Act(string what, Func<ComplaintCase, Task> action, CancellationToken ct, bool append = false)
    {
        // A refused step (DomainException, a stale version) leaves this block: the transaction is rolled
        // back by its disposal, and DomainErrorPageFilter shows the page again with the message.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await CaseWriteLock.TakeAsync(db, Case.Id, ct);
        if (await db.Cases.Where(c => c.Id == Case.Id).Select(c => c.Version).FirstAsync(ct) != Case.Version)
        {
            // Someone saved the case between this request's load and the lock: take the stored case.
            db.ChangeTracker.Clear();
            if (!await LoadAsync(Case.Number, ct)) return NotFound();
        }
        if (!append) db.ExpectVersion(Case, ShownVersion);
        await action(Case);
        // An advisor's complaint about an administration is also an entry in that administration's register, kept in step in the same transaction.
        await linkedEntries.SyncAsync(Case, ct);
        accessLog.Add(AccessAction.Change, Case.Number, what);
        await db.SaveChangesAsync(ct);
        await search.IndexAsync(Case, ct);
        await tx.CommitAsync(ct);
        TempData["Message"] = $"{what}: gemt.";
        return Redirect($"/Cases/{Case.Number}");
    }

    public Task<bool> ReloadAsync(CancellationToken ct) => LoadAsync(RouteData.Values["number"] as string ?? Case.Number, ct);

    private async Task<bool> LoadAsync(string number, CancellationToken ct)
    {
        var c = await cases.LoadAsync(User, number, ct);
        if (c is null) return false;
        Case = c;
        Documents = c.Documents.Where(d => Access.MaySee(c, d)).OrderBy(d => d.Sequence).ToList();
        OwnerName = c.OwnerAdministrationId is { } owner ? await db.Administrations.Where(x => x.Id == owner).Select(x => x.Code + " – " + x.Name).FirstOrDefaultAsync(ct) : null;
        AdministrationName = c.AdministrationId is { } a ? await db.Administrations.Where(x => x.Id == a).Select(x => x.Code + " – " + x.Name).FirstOrDefaultAsync(ct) : null;
        UnitName = c.UnitId is { } u ? await db.OrgUnits.Where(x => x.Id == u).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        CaseworkerName = c.CaseworkerId is { } w ? await db.Users.Where(x => x.Id == w).Select(x => x.FullName).FirstOrDefaultAsync(ct) : null;
        DefaultStatementDue = deadlines.StatementDue(calendar, clock.Today());
        if (!IsStaff && c.OwnerAdministrationId is { } own && Access.MayHandle(c))
        {
            // The administration classifies its own case within itself.
            Administrations = await db.Administrations.AsNoTracking().Where(x => x.Id == own).ToListAsync(ct);
            Units = await db.OrgUnits.AsNoTracking().Where(x => x.AdministrationId == own && x.Kind == OrgUnitKind.Unit && !x.IsClosed).OrderBy(x => x.Name).ToListAsync(ct);
        }
        if (IsStaff && c.OwnerAdministrationId is null)
        {
            DigitalPost = await Tilsyn.Web.DigitalPost.DigitalPostState.ForCaseAsync(db, c.Number, ct);
            Administrations = await db.Administrations.AsNoTracking().OrderBy(x => x.Code).ToListAsync(ct);
            Units = await db.OrgUnits.AsNoTracking().Where(x => x.Kind == OrgUnitKind.Unit && !x.IsClosed).OrderBy(x => x.Name).ToListAsync(ct);
            Caseworkers = await cases.CaseworkersAsync(ct);
        }
        return true;
    }
}
