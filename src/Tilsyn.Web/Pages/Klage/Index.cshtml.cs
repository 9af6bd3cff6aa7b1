using Microsoft.AspNetCore.Authentication;
using Tilsyn.Complaints;
using Tilsyn.Organisation;
using Tilsyn.Web.Citizens;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Security;
using Tilsyn.Web.Uploads;

namespace Tilsyn.Web.Pages.Klage;

/// <summary>The public complaint form (no login). Thin: the rules are in <see cref="CaseRegistration"/>.</summary>
[UploadLimits]
public sealed class IndexModel(TilsynDbContext db, CaseRegistration registration, ILogger<IndexModel> log) : PageModel
{
    /// <summary>The hidden field people never see or reach (<i>honningkrukke</i>): only a robot fills it in.</summary>
    public const string HoneypotField = "website";

    [BindProperty] public IntakeForm Form { get; set; } = new();
    [BindProperty(Name = HoneypotField)] public string? Honeypot { get; set; }
    public List<Administration> Administrations { get; private set; } = [];
    public List<string> Errors { get; } = [];

    /// <summary>The fields the errors concern (the form's ids: Name, Email, Files …), so the summary links to them.</summary>
    private readonly List<RegistrationFieldError> fieldErrors = [];

    /// <summary>The error summary: each error with the id of the field it concerns, or null for the form as a whole.</summary>
    public IEnumerable<(string Message, string? Field)> Summary =>
        Errors.Select(e => (e, fieldErrors.FirstOrDefault(f => f.Message == e)?.Field));

    /// <summary>Whether a field (by its id) has an error: it is marked <c>aria-invalid</c>.</summary>
    public bool HasError(string field) => fieldErrors.Any(f => f.Field == field);

    /// <summary>The registration failed on our side; the form is shown again with what the citizen wrote.</summary>
    public bool FailedOnOurSide { get; private set; }

    /// <summary>The CPR number of a citizen signed in with MitID (ten digits), or null: then the form is the public one.</summary>
    public string? SignedInCpr { get; private set; }

    /// <summary>The signed-in citizen's CPR number as shown in the form, <c>ddMMyy-xxxx</c>.</summary>
    public string? SignedInCprMasked => SignedInCpr is { } cpr ? $"{cpr[..6]}-xxxx" : null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // A citizen signed in with MitID: name and CPR number come from the session (the name may be changed).
        if (SignedInCpr is not null && string.IsNullOrEmpty(Form.Name)) Form.Name = signedInName ?? "";
    }

    private string? signedInName;

    private async Task LoadAsync(CancellationToken ct)
    {
        // The form is public; the citizen's own session (a separate cookie scheme) is read here only to pre-fill it.
        var citizen = (await HttpContext.AuthenticateAsync(CitizenAuth.Scheme)).Principal;
        if (citizen is not null && CitizenCases.CprOf(citizen) is { } cpr)
        {
            SignedInCpr = cpr;
            signedInName = citizen.Identity?.Name;
        }
        Administrations = await db.Administrations.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
    }

    /// <summary>
    /// A signed-in citizen registers with the session's CPR number, never a posted one: a posted number that
    /// differs is refused (it would put someone else's CPR number on the case and the case in their "Mine sager").
    /// </summary>
    private void UseSessionCpr()
    {
        if (SignedInCpr is not { } cpr) return;
        var posted = (Form.Cpr ?? "").Trim().Replace("-", "", StringComparison.Ordinal);
        if (posted.Length > 0 && posted != cpr)
        {
            Errors.Add("CPR-nummeret skal være dit eget, det du er logget ind med MitID med. Log ud, hvis du vil skrive for en anden.");
            fieldErrors.Add(new("Cpr", Errors[^1]));
        }
        Form.Cpr = cpr;
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile> files, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Honeypot))
        {
            // Nothing stored, nothing mailed; the answer looks like any other so a robot learns nothing.
            log.LogInformation("A complaint with the hidden robot field filled in was discarded");
            TempData[KvitteringModel.DiscardedKey] = true;
            return RedirectToPage("/Klage/Kvittering");
        }
        // The form offers only complaint or inquiry through the web channel, whatever is posted.
        Form.Channel = Channel.WebForm;
        if (Form.Type != CaseType.Inquiry) Form.Type = CaseType.Complaint;
        try
        {
            await LoadAsync(ct);
            UseSessionCpr();
            var incoming = Errors.Count > 0 ? [] : await UploadReader.ReadAsync(files, Errors, ct);
            fieldErrors.AddRange(Errors.Where(e => fieldErrors.All(f => f.Message != e)).Select(e => new RegistrationFieldError("Files", e)));
            if (Errors.Count == 0)
            {
                var result = await registration.RegisterAsync(Form, incoming, Actor.Citizen, ct);
                if (result.Succeeded)
                {
                    TempData["CaseNumber"] = result.Case!.Number;
                    TempData["StatusToken"] = result.StatusToken;
                    // No outgoing letter on a case with an address: the day's receipts to it were used up (ReceiptCap).
                    if (!string.IsNullOrWhiteSpace(Form.Email) && !result.Case.Documents.Any(d => d.Kind == DocumentKind.Outgoing))
                        TempData[KvitteringModel.NoReceiptKey] = true;
                    return RedirectToPage("/Klage/Kvittering");
                }
                Errors.AddRange(result.Errors);
                fieldErrors.AddRange(result.FieldErrors);
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The registration's transaction has rolled back: nothing of it is stored. What the citizen
            // wrote is still bound to the form and is shown again; the log gets no word of it.
            return await FailedAsync(e, ct);
        }
        return Page();
    }

    private async Task<IActionResult> FailedAsync(Exception e, CancellationToken ct)
    {
        var transient = ExceptionSummary.IsTransient(e);
        log.LogError("Registering a complaint from the form failed; the form was shown again. {Failure}", ExceptionSummary.Of(e));
        FailedOnOurSide = true;
        Errors.Clear();
        fieldErrors.Clear();
        db.ChangeTracker.Clear();
        try
        {
            await LoadAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            Administrations = []; // the database may be down; the page shows the chosen administration anyway
        }
        if (transient) Response.Headers.RetryAfter = "60";
        var page = Page();
        page.StatusCode = transient ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        return page;
    }
}
