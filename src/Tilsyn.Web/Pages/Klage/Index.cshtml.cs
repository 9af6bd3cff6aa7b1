using Tilsyn.Complaints;
using Tilsyn.Organisation;
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

    /// <summary>The registration failed on our side; the form is shown again with what the citizen wrote.</summary>
    public bool FailedOnOurSide { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Administrations = await db.Administrations.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);

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
            var incoming = await UploadReader.ReadAsync(files, Errors, ct);
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
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The registration's transaction has rolled back: nothing of it is stored. What the citizen
            // wrote is still bound to the form and is shown again; the log gets no word of it.
            return await FailedAsync(e, ct);
        }
        await OnGetAsync(ct);
        return Page();
    }

    private async Task<IActionResult> FailedAsync(Exception e, CancellationToken ct)
    {
        var transient = ExceptionSummary.IsTransient(e);
        log.LogError("Registering a complaint from the form failed; the form was shown again. {Failure}", ExceptionSummary.Of(e));
        FailedOnOurSide = true;
        Errors.Clear();
        db.ChangeTracker.Clear();
        try
        {
            await OnGetAsync(ct);
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
