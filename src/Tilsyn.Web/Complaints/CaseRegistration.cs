using Microsoft.AspNetCore.DataProtection;
using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Complaints.Intake;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Uploads;

namespace Tilsyn.Web.Complaints;

/// <summary>What a citizen or a caseworker fills in to register a case.</summary>
public sealed class IntakeForm
{
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? Cpr { get; set; }
    /// <summary>The administration if the citizen knows it; null for "ved ikke".</summary>
    public int? AdministrationId { get; set; }
    public string Subject { get; set; } = "";
    public string Description { get; set; } = "";
    public CaseType Type { get; set; } = CaseType.Complaint;
    public Channel Channel { get; set; } = Channel.WebForm;
}

public sealed record IncomingFile(string FileName, byte[] Content);

public sealed record RegistrationResult(ComplaintCase? Case, string? StatusToken, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Case is not null;

    /// <summary>The same errors, each with the <see cref="IntakeForm"/> property it concerns.</summary>
    public IReadOnlyList<RegistrationFieldError> FieldErrors { get; init; } = [];
}

/// <summary>A refused field: the <see cref="IntakeForm"/> property's name and the Danish message.</summary>
public sealed record RegistrationFieldError(string Field, string Message);

/// <summary>
/// Registers a case (<i>journalisering</i>): validates everything first, then in one transaction
/// allocates the case number, journalises the citizen's text and attachments, issues the private
/// status link and queues the receipt. Either all of it is stored or nothing is.
/// </summary>
public sealed class CaseRegistration(
    TilsynDbContext db, CaseNumberAllocator numbers, WorkingDayCalendar calendar, DeadlinePolicy deadlines,
    TimeProvider clock, IDataProtectionProvider protection, CaseSearch search, Letters.CaseLetters letters, AccessLogging.AccessLog accessLog,
    Security.ReceiptCap receiptCap, DataSubjects.CprLookup cprLookup, LinkedEntries linkedEntries)
{
    /// <param name="inTransaction">Work saved in the registration's own transaction (the integration API's idempotency record).</param>
    public async Task<RegistrationResult> RegisterAsync(IntakeForm form, IReadOnlyList<IncomingFile> files, Actor by, CancellationToken ct, Action<ComplaintCase>? inTransaction = null)
    {
        var errors = new List<string>();
        var today = clock.Today();
        // Each error is also tagged with the form's field (nameof), so the integration API can name it.
        var fields = new List<RegistrationFieldError>();
        Check(errors, fields, nameof(IntakeForm.Name), FreeText.Check(CaseTextFields.CitizenName, form.Name, required: form.Type != CaseType.OwnInitiative));
        Check(errors, fields, nameof(IntakeForm.Subject), FreeText.Check(CaseTextFields.Subject, form.Subject, required: true));
        Check(errors, fields, nameof(IntakeForm.Description), FreeText.Check(CaseTextFields.Description, form.Description, required: true));
        Check(errors, fields, nameof(IntakeForm.Address), FreeText.Check(CaseTextFields.CitizenAddress, form.Address, required: false));
        Check(errors, fields, nameof(IntakeForm.Phone), FreeText.Check(CaseTextFields.CitizenPhone, form.Phone, required: false));
        Check(errors, fields, nameof(IntakeForm.Email), CaseTextFields.CitizenEmail.Problem(form.Email, required: false));
        if (!string.IsNullOrWhiteSpace(form.Email) && !System.Net.Mail.MailAddress.TryCreate(form.Email.Trim(), out _))
            Check(errors, fields, nameof(IntakeForm.Email), "Feltet 'E-mail' er ikke en gyldig e-mailadresse.");
        if (form.Channel == Channel.WebForm && string.IsNullOrWhiteSpace(form.Email) && string.IsNullOrWhiteSpace(form.Address))
            Check(errors, fields, nameof(IntakeForm.Email), "Udfyld e-mail eller adresse, så vi kan svare dig.");
        CprNumber? cpr = null;
        if (!string.IsNullOrWhiteSpace(form.Cpr))
        {
            if (CprNumber.TryParse(form.Cpr, today, out var parsed, out var cprError)) cpr = parsed;
            else Check(errors, fields, nameof(IntakeForm.Cpr), cprError ?? "CPR-nummeret er ikke gyldigt.");
        }
        if (form.AdministrationId is { } a && !await db.Administrations.AnyAsync(x => x.Id == a, ct))
            Check(errors, fields, nameof(IntakeForm.AdministrationId), "Den valgte forvaltning findes ikke.");
        var before = errors.Count;
        var attachments = UploadReader.Inspect(files, errors);
        fields.AddRange(errors.Skip(before).Select(e => new RegistrationFieldError("Files", e)));
        if (errors.Count > 0) return new(null, null, errors) { FieldErrors = fields };

        var now = clock.GetUtcNow();
        var citizen = form.Type == CaseType.OwnInitiative && string.IsNullOrWhiteSpace(form.Name) ? null
            : new Citizen(FreeText.Normalise(form.Name), form.Email, form.Phone, FreeText.Normalise(form.Address),
                cpr is { } c ? protection.CreateProtector(CprPurpose).Protect(c.Digits) : null, cpr?.Masked, cpr is { } l ? cprLookup.Hash(l.Digits) : null);
        var token = StatusToken.New();

        for (var attempt = 1; ; attempt++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var year = Tilsyn.Calendar.DanishTime.LocalDate(now).Year;
                var seq = await numbers.NextAsync(year, ct);
                var theCase = new ComplaintCase(year, seq, form.Type, form.Channel, citizen, FreeText.Normalise(form.Subject), FreeText.Normalise(form.Description),
                    now, deadlines.FirstAnswerDue(calendar, Tilsyn.Calendar.DanishTime.LocalDate(now), form.Type), by, form.AdministrationId);
                theCase.SetStatusToken(StatusToken.Hash(token), now);
                theCase.AddDocument(DocumentKind.Incoming, form.Type == CaseType.Complaint ? "Klage fra borger" : "Henvendelse fra borger", now, by, theCase.Description, null, null, null);
                foreach (var f in attachments)
                    theCase.AddDocument(DocumentKind.Attachment, $"Bilag: {f.FileName}", now, by, null, f.FileName, f.ContentType, f.Content);
                db.Cases.Add(theCase);
                await db.SaveChangesAsync(ct);
                accessLog.Add(AccessAction.Create, theCase.Number, $"Sagen er registreret ({CaseTexts.Name(form.Channel)})");
                if (citizen is not null && await receiptCap.AllowsReceiptAsync(theCase, ct)) await letters.SendReceiptAsync(theCase, token, ct);
                await search.IndexAsync(theCase, ct);
                // A complaint about a known administration shows up in that administration's own register at once.
                await linkedEntries.SyncAsync(theCase, ct);
                inTransaction?.Invoke(theCase);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return new(theCase, token, []);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // The numbering lock keeps numbers apart; this is the last guard should the unique index still refuse one.
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Registers a complaint in an administration's own register (<i>forvaltningens klageregister</i>,
    /// <see cref="ComplaintCase.ForAdministration"/>): a manual registration by the administration's user of a
    /// complaint that came by letter, e-mail, phone or in person, received on <paramref name="received"/> (today
    /// or earlier, at most two years back). Same validation, numbering and first-answer deadline in working days
    /// as the advisor's cases; no receipt and no status link (those are the advisor's), the incoming complaint is
    /// journalised as the case's first document.
    /// </summary>
    public async Task<RegistrationResult> RegisterForAdministrationAsync(int administrationId, IntakeForm form, DateOnly received, Actor by, CancellationToken ct)
    {
        var errors = new List<string>();
        var fields = new List<RegistrationFieldError>();
        var today = clock.Today();
        Check(errors, fields, nameof(IntakeForm.Name), FreeText.Check(CaseTextFields.CitizenName, form.Name, required: true));
        Check(errors, fields, nameof(IntakeForm.Subject), FreeText.Check(CaseTextFields.Subject, form.Subject, required: true));
        Check(errors, fields, nameof(IntakeForm.Description), FreeText.Check(CaseTextFields.Description, form.Description, required: true));
        Check(errors, fields, nameof(IntakeForm.Address), FreeText.Check(CaseTextFields.CitizenAddress, form.Address, required: false));
        Check(errors, fields, nameof(IntakeForm.Phone), FreeText.Check(CaseTextFields.CitizenPhone, form.Phone, required: false));
        Check(errors, fields, nameof(IntakeForm.Email), CaseTextFields.CitizenEmail.Problem(form.Email, required: false));
        if (!string.IsNullOrWhiteSpace(form.Email) && !System.Net.Mail.MailAddress.TryCreate(form.Email.Trim(), out _))
            Check(errors, fields, nameof(IntakeForm.Email), "Feltet 'E-mail' er ikke en gyldig e-mailadresse.");
        if (form.Type is not (CaseType.Complaint or CaseType.Inquiry))
            Check(errors, fields, nameof(IntakeForm.Type), "Forvaltningens klageregister rummer klager og henvendelser.");
        if (!Enum.IsDefined(form.Channel))
            Check(errors, fields, nameof(IntakeForm.Channel), "Vælg hvordan klagen er modtaget.");
        if (received > today)
            Check(errors, fields, "Received", "Modtagelsesdatoen kan ikke ligge efter i dag.");
        if (received < today.AddYears(-2))
            Check(errors, fields, "Received", "Modtagelsesdatoen kan højst ligge to år tilbage.");
        CprNumber? cpr = null;
        if (!string.IsNullOrWhiteSpace(form.Cpr))
        {
            if (CprNumber.TryParse(form.Cpr, today, out var parsed, out var cprError)) cpr = parsed;
            else Check(errors, fields, nameof(IntakeForm.Cpr), cprError ?? "CPR-nummeret er ikke gyldigt.");
        }
        if (!await db.Administrations.AnyAsync(x => x.Id == administrationId, ct))
            Check(errors, fields, nameof(IntakeForm.AdministrationId), "Forvaltningen findes ikke.");
        if (errors.Count > 0) return new(null, null, errors) { FieldErrors = fields };

        var now = clock.GetUtcNow();
        var receivedAt = received == today ? now : Tilsyn.Calendar.DanishTime.At(received, new TimeOnly(12, 0));
        var citizen = new Citizen(FreeText.Normalise(form.Name), string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim(), FreeText.Normalise(form.Phone), FreeText.Normalise(form.Address),
            cpr is { } c ? protection.CreateProtector(CprPurpose).Protect(c.Digits) : null, cpr?.Masked, cpr is { } l ? cprLookup.Hash(l.Digits) : null);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var year = Tilsyn.Calendar.DanishTime.LocalDate(now).Year;
        var theCase = ComplaintCase.ForAdministration(administrationId, year, await numbers.NextAsync(year, ct), form.Type, form.Channel, citizen,
            FreeText.Normalise(form.Subject), FreeText.Normalise(form.Description), receivedAt, deadlines.FirstAnswerDue(calendar, received, form.Type), by);
        theCase.AddDocument(DocumentKind.Incoming, form.Type == CaseType.Complaint ? "Klage fra borger" : "Henvendelse fra borger", now, by, theCase.Description, null, null, null);
        db.Cases.Add(theCase);
        await db.SaveChangesAsync(ct);
        accessLog.Add(AccessAction.Create, theCase.Number, $"Sagen er registreret i forvaltningens klageregister ({CaseTexts.Name(form.Channel)})");
        await search.IndexAsync(theCase, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(theCase, null, []);
    }

    public const string CprPurpose = "Tilsyn.Citizen.Cpr";

    private static void Check(List<string> errors, List<RegistrationFieldError> fields, string field, string? error)
    {
        if (error is null) return;
        errors.Add(error);
        fields.Add(new(field, error));
    }
}
