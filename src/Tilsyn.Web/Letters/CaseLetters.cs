using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Letters;
using Tilsyn.Web.Mail;

namespace Tilsyn.Web.Letters;

/// <summary>
/// Writes the case's letters: merges the template with the case, renders the PDF, journalises it on
/// the case as an outgoing document and queues it by e-mail. Runs inside the caller's transaction.
/// </summary>
public sealed class CaseLetters(TilsynDbContext db, MailOutbox outbox, TimeProvider clock, Complaints.StatusLinks statusLinks, IConfiguration config)
{
    public async Task<(string Title, string Body)> TemplateAsync(LetterKind kind, CancellationToken ct)
    {
        var stored = await db.Set<StoredLetterTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Kind == kind, ct);
        if (stored is not null) return (stored.Title, stored.Body);
        var d = DefaultLetterTemplates.For(kind);
        return (d.Title, d.Body);
    }

    /// <summary>
    /// The receipt (<i>kvittering</i>). The journalised letter says the link was mailed; the mail's stored
    /// body keeps <see cref="Complaints.StatusLinks.Placeholder"/>, and the link is merged in only when it is sent.
    /// </summary>
    public Task SendReceiptAsync(ComplaintCase c, string statusToken, CancellationToken ct) =>
        SendAsync(c, LetterKind.Receipt, c.Citizen?.Email, new() { ["statuslink"] = Complaints.StatusLinks.InDocument(c) }, ct,
            protectedStatusToken: statusLinks.Protect(statusToken));

    public async Task SendStatementRequestAsync(ComplaintCase c, StatementRequest request, CancellationToken ct)
    {
        var contacts = await db.Users.Where(u => u.AdministrationId == request.AdministrationId && u.Email != null).Select(u => u.Email!).ToListAsync(ct);
        var extra = new Dictionary<string, string>
        {
            ["frist"] = request.DueDate.ToString("d. MMMM yyyy", DanishTime.Culture),
            ["spørgsmål"] = request.Question,
        };
        await SendAsync(c, LetterKind.StatementRequest, null, extra, ct, contacts);
    }

    public Task SendConclusionAsync(ComplaintCase c, CancellationToken ct) =>
        SendAsync(c, LetterKind.Conclusion, c.Citizen?.Email, [], ct);

    /// <summary>The reasoned refusal of an erasure request (GDPR art. 17(3)(b); OFL §§ 13 and 15), with the caseworker's own reasons.</summary>
    public Task SendErasureRefusalAsync(ComplaintCase c, string reason, CancellationToken ct) =>
        SendAsync(c, LetterKind.ErasureRefusal, c.Citizen?.Email, new() { ["begrundelse"] = CaseTextFields.Conclusion.Required(reason) }, ct);

    /// <summary>
    /// A letter the caseworker writes to the citizen (not from a template). The caseworker says
    /// whether it answers the citizen, which decides whether it meets the first-answer deadline.
    /// </summary>
    public async Task SendToCitizenAsync(ComplaintCase c, string title, string body, bool answersCitizen, Actor by, CancellationToken ct)
    {
        if (c.Citizen is null) throw new Tilsyn.Common.DomainException("Sagen har ingen borger at skrive til.");
        await DeliverAsync(c, CaseTextFields.LetterTitle.Required(title), CaseTextFields.LetterBody.Required(body), toCitizen: true, answersCitizen, by,
            c.Citizen.Name, c.Citizen.Email, [], ct);
    }

    private async Task SendAsync(ComplaintCase c, LetterKind kind, string? citizenEmail, Dictionary<string, string> extra, CancellationToken ct,
        IReadOnlyList<string>? otherRecipients = null, string? protectedStatusToken = null)
    {
        var (titleTemplate, bodyTemplate) = await TemplateAsync(kind, ct);
        var fields = await FieldsAsync(c, ct);
        foreach (var (k, v) in extra) fields[k] = v;
        var title = Merge(titleTemplate, fields, kind);
        var body = Merge(bodyTemplate, fields, kind);
        var citizenMail = protectedStatusToken is null ? null
            : Merge(bodyTemplate, new Dictionary<string, string>(fields) { ["statuslink"] = Complaints.StatusLinks.Placeholder }, kind);
        var toCitizen = kind != LetterKind.StatementRequest;
        await DeliverAsync(c, title, body, toCitizen, kind.AnswersCitizen(), Actor.System,
            toCitizen ? c.Citizen?.Name ?? "" : fields["forvaltning.navn"], citizenEmail, otherRecipients ?? [], ct, citizenMail, protectedStatusToken);
    }

    /// <summary>Renders the PDF, journalises it as an outgoing document and queues the mails.</summary>
    private async Task DeliverAsync(ComplaintCase c, string title, string body, bool toCitizen, bool answersCitizen, Actor by,
        string recipientName, string? citizenEmail, IReadOnlyList<string> otherRecipients, CancellationToken ct,
        string? citizenMailText = null, string? protectedStatusToken = null)
    {
        var pdf = LetterPdf.Render(new LetterDocument(
            SenderLines: ["Borgerrådgiveren", .. (config.GetSection("Letters:SenderAddress").Get<string[]>() ?? ["Rådhuset", "1599 København V"])],
            RecipientName: recipientName,
            RecipientAddressLines: toCitizen && c.Citizen?.Address is { } addr ? addr.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [],
            Date: clock.Today(),
            CaseNumber: c.Number,
            Title: title,
            Body: body));
        var now = clock.GetUtcNow();
        var doc = c.AddDocument(DocumentKind.Outgoing, title, now, by, body, $"{title}.pdf", "application/pdf", pdf, answersCitizen: answersCitizen);
        var docNumber = CaseNumber.FormatDocument(c.Number, doc.Sequence);
        var mailBody = $"{body}\n\nBrevet er vedhæftet som PDF (dokument {docNumber}).";
        if (toCitizen && !string.IsNullOrWhiteSpace(citizenEmail))
            outbox.Enqueue(citizenEmail, $"{title} – sag {c.Number}", citizenMailText is null ? mailBody : $"{citizenMailText}\n\nBrevet er vedhæftet som PDF (dokument {docNumber}).",
                c.Number, $"{docNumber}.pdf", pdf, "application/pdf", protectedStatusToken);
        foreach (var to in otherRecipients)
            outbox.Enqueue(to, $"{title} – sag {c.Number}", mailBody, c.Number, $"{docNumber}.pdf", pdf, "application/pdf");
        await db.SaveChangesAsync(ct);
    }

    private static string Merge(string template, IReadOnlyDictionary<string, string> fields, LetterKind kind)
    {
        var result = LetterTemplate.Merge(template, fields);
        if (result.Errors.Count > 0)
            throw new Tilsyn.Common.DomainException($"Brevskabelonen '{kind}' kan ikke flettes: {string.Join(" ", result.Errors)}");
        return result.Text!;
    }

    private async Task<Dictionary<string, string>> FieldsAsync(ComplaintCase c, CancellationToken ct)
    {
        var admin = c.AdministrationId is { } a ? await db.Administrations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == a, ct) : null;
        var worker = c.CaseworkerId is { } w ? await db.Users.Where(u => u.Id == w).Select(u => u.FullName).FirstOrDefaultAsync(ct) : null;
        var fields = new Dictionary<string, string>
        {
            ["borger.navn"] = c.Citizen?.Name ?? "",
            ["sag.nummer"] = c.Number,
            ["sag.emne"] = c.Subject,
            ["dato"] = clock.Today().ToString("d. MMMM yyyy", DanishTime.Culture),
            ["frist"] = "",
            ["forvaltning.navn"] = admin?.Name ?? "",
            ["konklusion"] = c.ConclusionText ?? "",
            ["henstilling"] = c.RecommendationText ?? "",
            ["udfald"] = c.Outcome is { } o ? CaseTexts.Name(o) : "",
            ["sagsbehandler.navn"] = worker ?? "Borgerrådgiveren",
            ["statuslink"] = "",
            ["spørgsmål"] = "",
        };
        foreach (var (name, _) in DefaultLetterTemplates.KnownFields)
            fields.TryAdd(name, "");
        return fields;
    }
}
