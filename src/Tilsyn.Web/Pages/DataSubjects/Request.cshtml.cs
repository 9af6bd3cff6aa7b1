using System.Security.Claims;
using Tilsyn.Complaints;
using Tilsyn.Web.DataSubjects;

namespace Tilsyn.Web.Pages.DataSubjects;

/// <summary>
/// One data subject's request (a case of type <i>indsigtsanmodning</i>, <i>sletteanmodning</i> or
/// <i>berigtigelse</i>): its deadline and extension (art. 12(3)), the person's other cases, and the
/// request's own steps: erase or refuse with a letter, rectify, conclude. Staff only; others get 404.
/// </summary>
public sealed class RequestModel(DataSubjectRequests requests, TilsynDbContext db, AccessLogging.AccessLog accessLog) : PageModel, IDomainErrorPage
{
    public ComplaintCase RequestCase { get; private set; } = null!;
    public List<PersonCase> PersonCases { get; private set; } = [];
    public string? Error { get; set; }
    [BindProperty(Name = AggregateVersion.FormField)] public int? ShownVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        if (!User.IsAdvisorStaff() || !await ReloadAsync(ct)) return NotFound();
        await accessLog.WriteAsync(AccessLogging.AccessAction.View, RequestCase.Number, "Anmodning fra registreret person åbnet", ct);
        return Page();
    }

    public Task<IActionResult> OnPostExtendAsync(int months, string reason, CancellationToken ct) =>
        Act("Fristen er forlænget", r => requests.ExtendAsync(r, months, reason, Me, ct), ct);

    public Task<IActionResult> OnPostEraseAsync(List<int> caseIds, CancellationToken ct) =>
        Act("Sletning gennemført", async r =>
        {
            var outcome = await requests.GrantErasureAsync(r, caseIds, Me, ct);
            TempData["Message"] = $"{outcome.Erased.Count} sager slettet" + (outcome.OnHold.Count > 0 ? $", {outcome.OnHold.Count} har slettestop og er ikke slettet." : ".");
        }, ct, message: false);

    public Task<IActionResult> OnPostRefuseAsync(string reason, CancellationToken ct) =>
        Act("Afslag sendt", r => requests.RefuseErasureAsync(r, reason, Me, ct), ct);

    public Task<IActionResult> OnPostRectifyAsync(string caseNumber, string name, string? email, string? phone, string? address, CancellationToken ct) =>
        Act("Berigtiget", r => requests.RectifyAsync(r, caseNumber, name, email, phone, address, Me, ct), ct, versioned: false);

    public Task<IActionResult> OnPostConcludeAsync(bool granted, string conclusion, CancellationToken ct) =>
        Act("Anmodningen er afsluttet", r => requests.ConcludeAsync(r, granted, conclusion, Me, ct), ct);

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        var number = RouteData.Values["number"] as string ?? "";
        var found = await requests.LoadAsync(number, ct);
        if (found is null) return false;
        RequestCase = found;
        PersonCases = found.Citizen is null ? [] : await requests.PersonCasesAsync(found, erasable: found.Type == CaseType.ErasureRequest, ct);
        return true;
    }

    private Actor Me => new(User.FindFirstValue(ClaimTypes.NameIdentifier), User.DisplayName());

    /// <summary>Load → the request's step → redirect; a refusal is shown by <see cref="DomainErrorPageFilter"/>. A step that changes the request checks the version the form showed.</summary>
    private async Task<IActionResult> Act(string what, Func<ComplaintCase, Task> step, CancellationToken ct, bool message = true, bool versioned = true)
    {
        if (!User.IsAdvisorStaff() || !await ReloadAsync(ct)) return NotFound();
        if (versioned) db.ExpectVersion(RequestCase, ShownVersion);
        await step(RequestCase);
        if (message) TempData["Message"] = $"{what}.";
        return Redirect($"/RegistreretPerson/Anmodning/{RequestCase.Number}");
    }
}
