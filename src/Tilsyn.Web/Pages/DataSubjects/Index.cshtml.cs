using Microsoft.AspNetCore.DataProtection;
using Tilsyn.Calendar;
using Tilsyn.DataSubjects;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.DataSubjects;

namespace Tilsyn.Web.Pages.DataSubjects;

/// <summary>
/// "Registreret person" (GDPR art. 15–17): the advisor's staff find everything Tilsyn holds about a
/// person by CPR, name, e-mail or phone, and download the access export. The key is posted, never put
/// in the URL; every search and export is logged. Anyone else gets 404 (the page's existence is staff business).
/// </summary>
public sealed class IndexModel(PersonSearch search, AccessExport export, AccessLog accessLog, TimeProvider clock, IDataProtectionProvider protection) : PageModel, IDomainErrorPage
{
    private const string SealPurpose = "Tilsyn.DataSubjects.SearchKey";

    [BindProperty] public PersonKeyKind Kind { get; set; } = PersonKeyKind.Cpr;
    /// <summary>The search key as typed; a CPR number is never shown back on the page.</summary>
    [BindProperty] public string? Value { get; set; }
    /// <summary>The request case the export answers (optional), named in the summary and the log.</summary>
    [BindProperty] public string? RequestNumber { get; set; }
    /// <summary>The searched key, encrypted for the export form (valid for an hour), so the page never holds a CPR number in clear.</summary>
    [BindProperty] public string? Sealed { get; set; }

    public PersonKey? Key { get; private set; }
    public PersonFindings? Found { get; private set; }
    public string? Error { get; set; }

    public IActionResult OnGet() => User.IsAdvisorStaff() ? Page() : NotFound();

    public async Task<IActionResult> OnPostSearchAsync(CancellationToken ct)
    {
        if (!User.IsAdvisorStaff()) return NotFound();
        Key = PersonKey.Create(Kind, Value, clock.Today());
        Found = await search.FindAsync(Key, ct);
        Sealed = Protector.Protect(Value!, TimeSpan.FromHours(1));
        await accessLog.WriteAsync(AccessAction.Search, null, $"Registreret person: søgning på {Key}: {Found.Count} fund i {Found.CaseNumbers.Count} sager", ct);
        return Page();
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        if (!User.IsAdvisorStaff()) return NotFound();
        if (!string.IsNullOrEmpty(Sealed))
        {
            try { Value = Protector.Unprotect(Sealed); }
            catch (System.Security.Cryptography.CryptographicException) { throw new DomainException("Søgningen er udløbet; søg igen, og hent udtrækket derefter."); }
        }
        Key = PersonKey.Create(Kind, Value, clock.Today());
        var request = string.IsNullOrWhiteSpace(RequestNumber) ? null : RequestNumber.Trim();
        if (request is not null && !Tilsyn.Complaints.CaseNumber.TryParse(request, out _, out _))
            throw new DomainException("Anmodningens sagsnummer er ikke gyldigt.");
        var found = await search.FindAsync(Key, ct);
        var zip = await export.BuildAsync(Key, found, request, ct);
        await accessLog.WriteAsync(AccessAction.Download, request,
            $"Indsigtsudtræk (art. 15) for {Key}: {zip.Cases} sager, {zip.Documents} dokumenter, {found.Mails.Count} mails", ct);
        return File(zip.Zip, "application/zip", zip.FileName);
    }

    private ITimeLimitedDataProtector Protector => protection.CreateProtector(SealPurpose).ToTimeLimitedDataProtector();

    public Task<bool> ReloadAsync(CancellationToken ct) => Task.FromResult(User.IsAdvisorStaff());
}
