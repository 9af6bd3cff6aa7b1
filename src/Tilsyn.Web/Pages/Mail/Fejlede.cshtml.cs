namespace Tilsyn.Web.Pages.Mail;

/// <summary>
/// Failed mail (<i>fejlede mails</i>) for the head of office: mails given up after 24 hours of retries
/// or interrupted mid-send. Shows the case, a masked recipient and the error (no addresses in it);
/// "prøv igen" puts a mail back in the outbox with a new 24-hour window.
/// </summary>
[Authorize(Policy = Policies.AdvisorLead)]
public sealed class FejledeModel(TilsynDbContext db, TimeProvider clock) : PageModel
{
    public sealed record FailedMail(long Id, string? CaseNumber, string Recipient, DateTimeOffset CreatedAt, DateTimeOffset FailedAt, int Attempts, string? LastError);

    public List<FailedMail> Mails { get; private set; } = [];

    /// <summary>A Digital Post message given up after 24 hours of retries (no recipient shown: it is a CPR number).</summary>
    public sealed record FailedDigitalPost(long Id, string CaseNumber, int DocumentSequence, Guid MessageUuid, DateTimeOffset CreatedAt, DateTimeOffset FailedAt, int Attempts, string? LastError);

    public List<FailedDigitalPost> DigitalPost { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.OutgoingMail.AsNoTracking().Where(m => m.FailedAt != null && m.SentAt == null)
            .OrderByDescending(m => m.FailedAt).Take(500)
            .Select(m => new { m.Id, m.CaseNumber, m.To, m.CreatedAt, FailedAt = m.FailedAt!.Value, m.Attempts, m.LastError })
            .ToListAsync(ct);
        Mails = rows.Select(r => new FailedMail(r.Id, r.CaseNumber, Mask(r.To), r.CreatedAt, r.FailedAt, r.Attempts, r.LastError)).ToList();
        DigitalPost = await db.OutgoingDigitalPost.AsNoTracking().Where(m => m.FailedAt != null && m.SentAt == null)
            .OrderByDescending(m => m.FailedAt).Take(500)
            .Select(m => new FailedDigitalPost(m.Id, m.CaseNumber, m.DocumentSequence, m.MessageUuid, m.CreatedAt, m.FailedAt!.Value, m.Attempts, m.LastError))
            .ToListAsync(ct);
    }

    /// <summary>Puts a failed mail back in the outbox with a new 24-hour window.</summary>
    public Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct) =>
        RequeueAsync(db.OutgoingMail, id, "Mailen er lagt i kø igen og sendes om lidt.", ct);

    /// <summary>
    /// Puts a failed Digital Post message back in the outbox with a new 24-hour window. The message keeps
    /// its UUID, so a receiver that in fact got it before does not deliver it twice.
    /// </summary>
    public Task<IActionResult> OnPostRetryDigitalPostAsync(long id, CancellationToken ct) =>
        RequeueAsync(db.OutgoingDigitalPost, id, "Digital Post-meddelelsen er lagt i kø igen og afleveres om lidt.", ct);

    /// <summary>
    /// The one retry of both outboxes: a row given up and not sent is due now, with no lease and a new
    /// retry window, in one conditional statement (a row sent or retried meanwhile is left alone); anything else is 404.
    /// </summary>
    private async Task<IActionResult> RequeueAsync<T>(DbSet<T> outbox, long id, string message, CancellationToken ct) where T : class, Tilsyn.Web.Mail.IOutboxRow
    {
        var now = clock.GetUtcNow();
        var changed = await outbox.Where(m => m.Id == id && m.FailedAt != null && m.SentAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.FailedAt, (DateTimeOffset?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.FirstAttemptAt, (DateTimeOffset?)null)
                .SetProperty(m => m.NextAttemptAt, now), ct);
        if (changed == 0) return NotFound();
        TempData["Message"] = message;
        return RedirectToPage();
    }

    /// <summary>"anna@borger.example" → "a•••@borger.example": enough to recognise, not to read the address.</summary>
    public static string Mask(string address)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0) return "•••";
        return $"{address[0]}•••{address[at..]}";
    }
}
