using System.Security.Claims;
using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.DataSubjects;
using Tilsyn.Web.Letters;
using Tilsyn.Web.Mail;

namespace Tilsyn.Web.Citizens;

/// <summary>One line of "Mine sager": what the citizen needs to recognise the case and its first-answer deadline.</summary>
public sealed record CitizenCaseRow(string Number, string Subject, CaseType Type, CaseStatus Status, DateTimeOffset ReceivedAt,
    DateOnly FirstAnswerDue, DateTimeOffset? FirstAnsweredAt, bool FirstAnswerExtended);

/// <summary>
/// The signed-in citizen's own cases ("Mine sager"): every case whose party has the session's CPR
/// number, found through the keyed lookup hash (<see cref="CprLookup"/>), never by decrypting CPR
/// numbers. A deleted case (stub) has no citizen and so is never found. What the citizen sees of a
/// case is <see cref="CitizenView"/>; a reply is <see cref="ComplaintCase.ReceiveFromCitizen"/>.
/// </summary>
public sealed class CitizenCases(TilsynDbContext db, CprLookup lookup, CaseSearch search, AccessLog accessLog, MailOutbox outbox, TimeProvider clock)
{
    /// <summary>The name a citizen's access is logged under: never their name or CPR number.</summary>
    public const string AccessLogName = "Borger (MitID)";

    /// <summary>The session's CPR number if it is ten digits; anything else finds no case.</summary>
    public static string? CprOf(ClaimsPrincipal citizen) =>
        citizen.Cpr() is { Length: 10 } cpr && cpr.All(char.IsAsciiDigit) ? cpr : null;

    private IQueryable<ComplaintCase> Own(ClaimsPrincipal citizen)
    {
        if (CprOf(citizen) is not { } cpr) return db.Cases.Where(_ => false);
        var hash = lookup.Hash(cpr);
        return db.Cases.Where(CaseRegisters.AdvisorsOwn).Where(c => c.Citizen!.CprLookup == hash && c.PersonalDataDeletedAt == null);
    }

    /// <summary>The citizen's cases, newest first.</summary>
    public async Task<List<CitizenCaseRow>> ListAsync(ClaimsPrincipal citizen, CancellationToken ct)
    {
        var rows = await Own(citizen).AsNoTracking()
            .Select(c => new CitizenCaseRow(c.Number, c.Subject, c.Type, c.Status, c.ReceivedAt, c.FirstAnswerDue, c.FirstAnsweredAt, c.FirstAnswerExtendedAt != null))
            .ToListAsync(ct);
        // Sorted here: SQLite cannot order by a DateTimeOffset, and one person has few cases.
        return [.. rows.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Number, StringComparer.Ordinal)];
    }

    /// <summary>The citizen's case with that number, or null (another person's case and a number that does not exist are the same answer).</summary>
    public Task<ComplaintCase?> FindAsync(ClaimsPrincipal citizen, string number, CancellationToken ct) =>
        Own(citizen).AsNoTracking().AsSplitQuery().Include(c => c.Documents).Include(c => c.StatementRequests)
            .FirstOrDefaultAsync(c => c.Number == number, ct);

    /// <summary>
    /// Logs a refused opening (a number that is not the citizen's, or does not exist) as a refusal. The case
    /// number is kept only when it looks like one, so nothing the citizen typed lands in the log as it is.
    /// </summary>
    public Task RefusedAsync(string number, CancellationToken ct) =>
        accessLog.RefusedAsync("sag i Mine sager", CaseNumber.TryParse(number, out _, out _) ? number : null, ct);

    /// <summary>
    /// Journalises the citizen's message and files on their open case as incoming, in one transaction under
    /// the case's write lock (document numbers stay distinct); the history line, the access-log line, the
    /// search index and a mail to the caseworker (no personal data in it) go with it, or none of them.
    /// Append only: no version is expected. Null when the case is not the citizen's.
    /// </summary>
    public async Task<IReadOnlyList<CaseDocument>?> ReplyAsync(ClaimsPrincipal citizen, string number, string? text, IReadOnlyList<CitizenFile> files, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var id = await Own(citizen).Where(c => c.Number == number).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (id is null) return null;
        await CaseWriteLock.TakeAsync(db, id.Value, ct);
        var c = await db.Cases.AsSplitQuery().Include(x => x.Documents).Include(x => x.Events).Include(x => x.StatementRequests).FirstAsync(x => x.Id == id, ct);
        var added = c.ReceiveFromCitizen(text is null ? null : Tilsyn.Complaints.Intake.FreeText.Normalise(text), files, clock.GetUtcNow());
        var numbers = string.Join(", ", added.Select(d => CaseNumber.FormatDocument(c.Number, d.Sequence)));
        accessLog.Add(AccessAction.Change, c.Number, $"Borgeren sendte dokument {numbers} via Mine sager");
        if (c.CaseworkerId is { } worker && await db.Users.Where(u => u.Id == worker && u.Email != null).Select(u => u.Email).FirstOrDefaultAsync(ct) is { } email)
            outbox.Enqueue(email, $"Nyt fra borgeren på sag {c.Number}",
                $"Borgeren har sendt noget på sag {c.Number} via Mine sager (dokument {numbers}). Se sagen i Tilsyn.", c.Number);
        await db.SaveChangesAsync(ct);
        await search.IndexAsync(c, ct);
        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>
    /// A document as the citizen downloads it: a file as it was journalised (a letter is its PDF); a text
    /// without a file (their own message, a letter written as text) as a PDF with its title, date and text.
    /// </summary>
    public static FileContentResult FileOf(ComplaintCase c, CaseDocument doc)
    {
        var number = CaseNumber.FormatDocument(c.Number, doc.Sequence);
        if (doc.Content is { } bytes)
            return new FileContentResult(bytes, doc.ContentType ?? "application/octet-stream") { FileDownloadName = $"{number} {doc.FileName ?? doc.Title}" };
        var from = doc.Kind == DocumentKind.Outgoing ? "Borgerrådgiveren" : c.Citizen?.Name ?? "Borgeren";
        var pdf = LetterPdf.Render(new LetterDocument([from], "", [], DanishTime.LocalDate(doc.CreatedAt), c.Number, doc.Title, doc.Text ?? ""));
        return new FileContentResult(pdf, "application/pdf") { FileDownloadName = $"{number}.pdf" };
    }
}
