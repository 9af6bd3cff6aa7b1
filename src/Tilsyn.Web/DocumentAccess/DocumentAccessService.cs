using System.Security.Claims;
using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.DocumentAccess;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Letters;
using Tilsyn.Web.Mail;

namespace Tilsyn.Web.DocumentAccess;

/// <summary>
/// <i>Aktindsigt</i> on an advisor case: loads the request and the named cases' documents, calls
/// <see cref="DocumentAccessRequest"/>, saves. The decision journalises the released documents as
/// one PDF and the decision letter on the request case, queues both to the citizen, and logs the
/// release in the access log, in one transaction. Advisor staff only (the page checks).
/// </summary>
public sealed class DocumentAccessService(TilsynDbContext db, AccessLog accessLog, CaseLetters letters, MailOutbox outbox, TimeProvider clock, CaseSearch search)
{
    public Task<DocumentAccessRequest?> FindAsync(int caseId, CancellationToken ct) =>
        db.Set<DocumentAccessRequest>().FirstOrDefaultAsync(r => r.CaseId == caseId, ct);

    /// <summary>The named cases with their documents (staff see every case).</summary>
    public async Task<List<ComplaintCase>> ConcernedCasesAsync(DocumentAccessRequest? request, CancellationToken ct)
    {
        if (request is null || request.Cases.Count == 0) return [];
        var numbers = request.Cases.ToList();
        var found = await db.Cases.AsNoTracking().Where(CaseRegisters.AdvisorsOwn).Include(c => c.Documents).AsSplitQuery().Where(c => numbers.Contains(c.Number)).ToListAsync(ct);
        return [.. found.OrderBy(c => numbers.IndexOf(c.Number))];
    }

    /// <summary>How a document can be released: a text (redactable), a PDF or image (whole), or another file (withheld only).</summary>
    public static DocumentForm FormOf(CaseDocument d)
    {
        if (d.Text is not null || d.Content is not { Length: > 0 } bytes) return DocumentForm.Text;
        ReadOnlySpan<byte> b = bytes;
        if (b.StartsWith("%PDF-"u8)) return DocumentForm.PdfFile;
        if (b.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }) || b.StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' })) return DocumentForm.ImageFile;
        return DocumentForm.OtherFile;
    }

    /// <summary>
    /// Runs one change on the request of <paramref name="requestCase"/> under the case's write lock,
    /// refusing a form based on an older version, and saves it with a line in the access log.
    /// </summary>
    public async Task ChangeAsync(ComplaintCase requestCase, int? shownVersion, string what, Func<DocumentAccessRequest, Task> change, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await CaseWriteLock.TakeAsync(db, requestCase.Id, ct);
        var request = await FindAsync(requestCase.Id, ct);
        if (request is null)
        {
            request = new DocumentAccessRequest(requestCase);
            db.Add(request);
        }
        else db.ExpectVersion(request, shownVersion);
        await change(request);
        accessLog.Add(AccessAction.Change, requestCase.Number, $"Aktindsigt: {what}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Checks that a case to name exists (a number that does not is refused, not stored).</summary>
    public async Task EnsureCaseExistsAsync(string number, CancellationToken ct)
    {
        var n = (number ?? "").Trim();
        if (!await db.Cases.Where(CaseRegisters.AdvisorsOwn).AnyAsync(c => c.Number == n, ct)) throw new DomainException($"Der findes ingen sag med nummeret {n}.");
    }

    /// <summary>The chosen document of a named case, as stored.</summary>
    public async Task<CaseDocument> DocumentAsync(string caseNumber, int sequence, CancellationToken ct) =>
        await db.CaseDocuments.AsNoTracking().Where(d => d.Sequence == sequence && db.Cases.Any(c => c.Id == d.CaseId && c.Number == caseNumber && c.OwnerAdministrationId == null)).FirstOrDefaultAsync(ct)
            ?? throw new DomainException($"Sag {caseNumber} har intet dokument {sequence}.");

    /// <summary>Every chosen document as released: redactions applied to title and text, files whole, withheld ones listed only.</summary>
    public async Task<List<ReleasedDocument>> ReleasedAsync(DocumentAccessRequest request, CancellationToken ct)
    {
        var cases = (await ConcernedCasesAsync(request, ct)).ToDictionary(c => c.Number);
        var result = new List<ReleasedDocument>();
        foreach (var item in request.Items.OrderBy(i => request.Cases.ToList().IndexOf(i.CaseNumber)).ThenBy(i => i.Sequence))
        {
            var d = cases.GetValueOrDefault(item.CaseNumber)?.Documents.FirstOrDefault(x => x.Sequence == item.Sequence)
                ?? throw new DomainException($"Sag {item.CaseNumber} har intet dokument {item.Sequence}.");
            if (item.Withheld)
            {
                result.Add(new ReleasedDocument(item.CaseNumber, item.Sequence, d.Kind, d.CreatedAt, item.Form, true, false, item.Ground, "", null, null));
                continue;
            }
            var title = Redactions.Of(d.Title.Length, item.TitleSpans).Apply(d.Title);
            var text = item.Form == DocumentForm.Text ? Redactions.Of((d.Text ?? "").Length, item.TextSpans).Apply(d.Text ?? "") : null;
            result.Add(new ReleasedDocument(item.CaseNumber, item.Sequence, d.Kind, d.CreatedAt, item.Form, false, item.IsRedacted, item.Ground, title, text,
                item.Form == DocumentForm.Text ? null : d.Content));
        }
        return result;
    }

    /// <summary>The release PDF as it stands (a preview before the decision), logged as a download from each named case.</summary>
    public async Task<byte[]> PreviewAsync(DocumentAccessRequest request, CancellationToken ct)
    {
        var pdf = ReleasePdf.Render(request.RequestCaseNumber, clock.Today(), await ReleasedAsync(request, ct));
        foreach (var number in request.Cases)
            accessLog.Add(AccessAction.Download, number, $"Dokumenter gennemset til aktindsigt i sag {request.RequestCaseNumber} (udkast til udlevering)");
        await db.SaveChangesAsync(ct);
        return pdf;
    }

    /// <summary>
    /// The decision: the request decides (its rules), the released documents become one PDF journalised
    /// on the request case, the decision letter goes through the letters feature (it answers the citizen,
    /// meeting the OFL § 36 deadline), the PDF is mailed with it, and each named case's release is logged.
    /// </summary>
    public async Task DecideAsync(ComplaintCase requestCase, int? shownVersion, AccessDecision decision, IEnumerable<ExemptionGround> grounds, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await CaseWriteLock.TakeAsync(db, requestCase.Id, ct);
        // The case as stored now (under the lock): document numbers are counted from what is really there.
        db.ChangeTracker.Clear();
        requestCase = await db.Cases.Include(c => c.Events).Include(c => c.Documents).Include(c => c.StatementRequests).AsSplitQuery().FirstAsync(c => c.Id == requestCase.Id, ct);
        if (requestCase.Citizen is null) throw new DomainException("Sagen har ingen borger at sende afgørelsen til.");
        var request = await FindAsync(requestCase.Id, ct) ?? throw new DomainException("Angiv først, hvilken sag anmodningen angår.");
        db.ExpectVersion(request, shownVersion);
        var now = clock.GetUtcNow();
        var me = new Actor(user.FindFirstValue(ClaimTypes.NameIdentifier), user.DisplayName());
        request.Decide(decision, grounds, now, me.Name);
        var released = await ReleasedAsync(request, ct);
        byte[]? pdf = null;
        CaseDocument? releaseDoc = null;
        // The released documents go by the same channel as the decision: with it in one Digital Post message, or by e-mail, or printed.
        var channel = letters.ChannelFor(requestCase);
        if (released.Any(r => !r.Withheld))
        {
            pdf = ReleasePdf.Render(request.RequestCaseNumber, clock.Today(), released);
            var doc = releaseDoc = requestCase.AddDocument(DocumentKind.Outgoing, "Udleverede dokumenter (aktindsigt)", now, me,
                null, $"Aktindsigt {requestCase.Number}.pdf", "application/pdf", pdf);
            request.RecordRelease(doc.Sequence);
            if (channel == Tilsyn.DigitalPost.LetterChannel.Email && !string.IsNullOrWhiteSpace(requestCase.Citizen.Email))
                outbox.Enqueue(requestCase.Citizen.Email, $"Udleverede dokumenter – sag {requestCase.Number}",
                    $"Hermed de dokumenter, du har fået aktindsigt i. De er vedhæftet som én PDF-fil (dokument {CaseNumber.FormatDocument(requestCase.Number, doc.Sequence)}).",
                    requestCase.Number, $"Aktindsigt {requestCase.Number}.pdf", pdf, "application/pdf");
        }
        var (title, body) = DecisionLetter.Compose(request, requestCase.Citizen.Name);
        foreach (var number in request.Cases)
        {
            var count = released.Count(r => r.CaseNumber == number && !r.Withheld);
            accessLog.Add(AccessAction.Release, number, $"Aktindsigt i sag {request.RequestCaseNumber}: {decision.Name().ToLowerInvariant()}, {count} dokumenter udleveret");
        }
        accessLog.Add(AccessAction.Change, requestCase.Number, $"Aktindsigt: afgørelse ({decision.Name().ToLowerInvariant()})");
        var delivery = await letters.SendToCitizenAsync(requestCase, title, body, answersCitizen: true, me, ct, legalNotification: true,
            additional: pdf is null ? null : ($"Aktindsigt {requestCase.Number}.pdf", pdf));
        if (releaseDoc is not null) requestCase.RecordLetterDelivery(releaseDoc, delivery.Channel, delivery.MessageId);
        await db.SaveChangesAsync(ct);
        await search.IndexAsync(requestCase, ct);
        await tx.CommitAsync(ct);
    }
}
