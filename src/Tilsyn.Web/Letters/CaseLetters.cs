using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.DigitalPost;
using Tilsyn.Letters;
using Tilsyn.Web.DigitalPost;
using Tilsyn.Web.Mail;

namespace Tilsyn.Web.Letters;

/// <summary>
/// Writes the case's letters: merges the template with the case, renders the PDF, journalises it on
/// the case as an outgoing document and delivers it: a letter to the citizen by the channel
/// <see cref="DeliveryChannel"/> chooses (Digital Post, e-mail, or flagged for printing), recorded on the
/// document; a letter to the administration by e-mail. Runs inside the caller's transaction.
/// </summary>
public sealed class CaseLetters(TilsynDbContext db, MailOutbox outbox, DigitalPostOutbox digitalPost, TimeProvider clock, Complaints.StatusLinks statusLinks, IConfiguration config)
{
    /// <summary>How a letter to the citizen was delivered.</summary>
    public sealed record Delivery(LetterChannel Channel, Guid? MessageId);

    /// <summary>The channel the next letter to this case's citizen goes by.</summary>
    public LetterChannel ChannelFor(ComplaintCase c) => c.LetterChannelFor(digitalPost.Enabled);

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
        SendAsync(c, LetterKind.ErasureRefusal, c.Citizen?.Email, new() { ["begrundelse"] = CaseTextFields.Conclusion.Required(reason) }, ct, legalNotification: true);

    /// <summary>
    /// A letter the caseworker writes to the citizen (not from a template). The caseworker says
    /// whether it answers the citizen, which decides whether it meets the first-answer deadline.
    /// </summary>
    /// <param name="legalNotification">The letter is a decision with legal effect (<i>afgørelse</i>; MeMo <c>legalNotification</c>).</param>
    /// <param name="additional">A further document (PDF) that goes with the letter in the same Digital Post message.</param>
    public async Task<Delivery> SendToCitizenAsync(ComplaintCase c, string title, string body, bool answersCitizen, Actor by, CancellationToken ct,
        bool legalNotification = false, (string FileName, byte[] Pdf)? additional = null)
    {
        if (c.Citizen is null) throw new Tilsyn.Common.DomainException("Sagen har ingen borger at skrive til.");
        return (await DeliverAsync(c, CaseTextFields.LetterTitle.Required(title), CaseTextFields.LetterBody.Required(body), toCitizen: true, answersCitizen, by,
            c.Citizen.Name, c.Citizen.Email, [], ct, legalNotification: legalNotification, additional: additional))!;
    }

    private async Task SendAsync(ComplaintCase c, LetterKind kind, string? citizenEmail, Dictionary<string, string> extra, CancellationToken ct,
        IReadOnlyList<string>? otherRecipients = null, string? protectedStatusToken = null, bool legalNotification = false)
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
            toCitizen ? c.Citizen?.Name ?? "" : fields["forvaltning.navn"], citizenEmail, otherRecipients ?? [], ct, citizenMail, protectedStatusToken, legalNotification);
    }

    /// <summary>
    /// Renders the PDF, journalises it as an outgoing document and delivers it: to the citizen by the channel
    /// the case's rule chooses (recorded on the document), to the administration's contacts by e-mail.
    /// Returns the citizen's delivery, or null for a letter to the administration.
    /// </summary>
    private async Task<Delivery?> DeliverAsync(ComplaintCase c, string title, string body, bool toCitizen, bool answersCitizen, Actor by,
        string recipientName, string? citizenEmail, IReadOnlyList<string> otherRecipients, CancellationToken ct,
        string? citizenMailText = null, string? protectedStatusToken = null, bool legalNotification = false, (string FileName, byte[] Pdf)? additional = null)
    {
        // A letter on a case of an administration's own register is the administration's letter, not the advisor's.
        var owner = c.OwnerAdministrationId is { } o ? await db.Administrations.AsNoTracking().Where(x => x.Id == o).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var pdf = LetterPdf.Render(new LetterDocument(
            SenderLines: [owner ?? "Borgerrådgiveren", .. (config.GetSection("Letters:SenderAddress").Get<string[]>() ?? ["Rådhuset", "1599 København V"])],
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
        Delivery? delivery = null;
        if (toCitizen && c.Citizen is not null)
        {
            var channel = ChannelFor(c);
            Guid? messageId = null;
            switch (channel)
            {
                case LetterChannel.DigitalPost:
                    messageId = digitalPost.Enqueue(c, doc, title, pdf, legalNotification, additional?.FileName, additional?.Pdf);
                    // The status link is a key to the case, not part of the letter: it still goes by e-mail, never into the journal or the message.
                    if (protectedStatusToken is not null && !string.IsNullOrWhiteSpace(citizenEmail))
                        outbox.Enqueue(citizenEmail, $"Link til at følge sag {c.Number}",
                            $"Vi har sendt kvitteringen for din henvendelse til din digitale postkasse (Digital Post).\n\nHer er dit link til at følge sagen:\n{Complaints.StatusLinks.Placeholder}",
                            c.Number, protectedStatusToken: protectedStatusToken);
                    break;
                case LetterChannel.Email:
                    outbox.Enqueue(citizenEmail ?? c.Citizen.Email!, $"{title} – sag {c.Number}", citizenMailText is null ? mailBody : $"{citizenMailText}\n\nBrevet er vedhæftet som PDF (dokument {docNumber}).",
                        c.Number, $"{docNumber}.pdf", pdf, "application/pdf", protectedStatusToken);
                    break;
                case LetterChannel.Print:
                    break; // the document is flagged: it waits in the print list (/Post/Udskrift)
            }
            c.RecordLetterDelivery(doc, channel, messageId);
            delivery = new Delivery(channel, messageId);
        }
        foreach (var to in otherRecipients)
            outbox.Enqueue(to, $"{title} – sag {c.Number}", mailBody, c.Number, $"{docNumber}.pdf", pdf, "application/pdf");
        await db.SaveChangesAsync(ct);
        return delivery;
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
