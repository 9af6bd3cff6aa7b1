using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tilsyn.Complaints;
using Tilsyn.Letters;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Data;
using Tilsyn.Web.Mail;

namespace Tilsyn.Web.Letters;

/// <summary>An editable letter template (<i>brevskabelon</i>); when none is stored the built-in default is used.</summary>
public sealed class StoredLetterTemplate
{
    public LetterKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

internal sealed class StoredLetterTemplateConfiguration : IEntityTypeConfiguration<StoredLetterTemplate>
{
    public void Configure(EntityTypeBuilder<StoredLetterTemplate> e)
    {
        e.ToTable("letter_templates");
        e.HasKey(x => x.Kind);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
    }
}

/// <summary>
/// Writes the case's letters: merges the template with the case, renders the PDF, journalises it on
/// the case as an outgoing document and queues it by e-mail. Runs inside the caller's transaction.
/// </summary>
public sealed class CaseLetters(TilsynDbContext db, MailOutbox outbox, TimeProvider clock, IHttpContextAccessor http, IConfiguration config)
{
    private static readonly CultureInfo Danish = new("da-DK");

    public async Task<(string Title, string Body)> TemplateAsync(LetterKind kind, CancellationToken ct)
    {
        var stored = await db.Set<StoredLetterTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Kind == kind, ct);
        if (stored is not null) return (stored.Title, stored.Body);
        var d = DefaultLetterTemplates.For(kind);
        return (d.Title, d.Body);
    }

    public Task SendReceiptAsync(ComplaintCase c, string statusToken, CancellationToken ct) =>
        SendAsync(c, LetterKind.Receipt, c.Citizen?.Email, new() { ["statuslink"] = StatusUrl(statusToken) }, ct);

    public async Task SendStatementRequestAsync(ComplaintCase c, StatementRequest request, CancellationToken ct)
    {
        var contacts = await db.Users.Where(u => u.AdministrationId == request.AdministrationId && u.Email != null).Select(u => u.Email!).ToListAsync(ct);
        var extra = new Dictionary<string, string>
        {
            ["frist"] = request.DueDate.ToString("d. MMMM yyyy", Danish),
            ["spørgsmål"] = request.Question,
        };
        await SendAsync(c, LetterKind.StatementRequest, null, extra, ct, contacts);
    }

    public Task SendConclusionAsync(ComplaintCase c, CancellationToken ct) =>
        SendAsync(c, LetterKind.Conclusion, c.Citizen?.Email, [], ct);

    private async Task SendAsync(ComplaintCase c, LetterKind kind, string? citizenEmail, Dictionary<string, string> extra, CancellationToken ct, IReadOnlyList<string>? otherRecipients = null)
    {
        var (titleTemplate, bodyTemplate) = await TemplateAsync(kind, ct);
        var fields = await FieldsAsync(c, ct);
        foreach (var (k, v) in extra) fields[k] = v;
        var title = Merge(titleTemplate, fields, kind);
        var body = Merge(bodyTemplate, fields, kind);
        var toCitizen = kind != LetterKind.StatementRequest;
        var pdf = LetterPdf.Render(new LetterDocument(
            SenderLines: ["Borgerrådgiveren", .. (config.GetSection("Letters:SenderAddress").Get<string[]>() ?? ["Rådhuset", "1599 København V"])],
            RecipientName: toCitizen ? c.Citizen?.Name ?? "" : fields["forvaltning.navn"],
            RecipientAddressLines: toCitizen && c.Citizen?.Address is { } addr ? addr.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [],
            Date: clock.Today(),
            CaseNumber: c.Number,
            Title: title,
            Body: body));
        var now = clock.GetUtcNow();
        var doc = c.AddDocument(DocumentKind.Outgoing, title, now, Actor.System, body, $"{title}.pdf", "application/pdf", pdf);
        var docNumber = CaseNumber.FormatDocument(c.Number, doc.Sequence);
        var mailBody = $"{body}\n\nBrevet er vedhæftet som PDF (dokument {docNumber}).";
        if (toCitizen && !string.IsNullOrWhiteSpace(citizenEmail))
            outbox.Enqueue(citizenEmail, $"{title} – sag {c.Number}", mailBody, c.Number, $"{docNumber}.pdf", pdf, "application/pdf");
        foreach (var to in otherRecipients ?? [])
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
            ["dato"] = clock.Today().ToString("d. MMMM yyyy", Danish),
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

    private string StatusUrl(string token)
    {
        var baseUrl = config["PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrl) && http.HttpContext?.Request is { } r) baseUrl = $"{r.Scheme}://{r.Host}";
        return $"{baseUrl?.TrimEnd('/')}/status/{token}";
    }
}
