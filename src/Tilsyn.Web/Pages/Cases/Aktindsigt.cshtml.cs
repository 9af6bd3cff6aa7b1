using Tilsyn.Complaints;
using Tilsyn.DocumentAccess;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.DocumentAccess;

namespace Tilsyn.Web.Pages.Cases;

/// <summary>
/// The caseworker's work on a request for access to documents (<i>aktindsigt</i>, OFL): name the
/// cases, choose and withhold documents, mark redactions, preview the release PDF and decide.
/// Advisor staff only: anyone else gets 404 (as for a case outside one's access), and only on a
/// case of type <see cref="CaseType.DocumentAccessRequest"/>. The rules are <see cref="DocumentAccessRequest"/>'s.
/// </summary>
public sealed class AktindsigtModel(CaseQueries cases, DocumentAccessService service, AccessLog accessLog) : PageModel, IDomainErrorPage
{
    public ComplaintCase Case { get; private set; } = null!;
    public DocumentAccessRequest? AccessRequest { get; private set; }
    public List<ComplaintCase> Concerned { get; private set; } = [];
    public string? Error { get; set; }

    [BindProperty(Name = AggregateVersion.FormField)] public int? ShownVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        if (!await LoadAsync(number, ct)) return NotFound();
        await accessLog.WriteAsync(AccessAction.View, Case.Number, "Aktindsigt: sagen er åbnet", ct);
        return Page();
    }

    /// <summary>The release PDF as it stands (before the decision: a draft to check the redactions in).</summary>
    public async Task<IActionResult> OnGetPdfAsync(string number, CancellationToken ct)
    {
        if (!await LoadAsync(number, ct) || AccessRequest is null) return NotFound();
        // After the decision the released PDF is the journalised document, not a new rendering.
        if (AccessRequest.ReleaseDocumentSequence is { } seq) return Redirect($"/Cases/{Case.Number}/dokument/{seq}");
        var pdf = await service.PreviewAsync(AccessRequest, ct);
        return File(pdf, "application/pdf", $"Aktindsigt {Case.Number} (udkast).pdf");
    }

    public Task<IActionResult> OnPostAddCaseAsync(string number, string? caseNumber, CancellationToken ct) =>
        Change(number, "sag tilføjet", async r =>
        {
            await service.EnsureCaseExistsAsync(caseNumber ?? "", ct);
            r.Concern(caseNumber ?? "");
        }, ct);

    public Task<IActionResult> OnPostRemoveCaseAsync(string number, string caseNumber, CancellationToken ct) =>
        Change(number, "sag fjernet", r => { r.Unconcern(caseNumber); return Task.CompletedTask; }, ct);

    public Task<IActionResult> OnPostChooseAsync(string number, string caseNumber, int sequence, CancellationToken ct) =>
        Change(number, "dokument valgt", async r => r.Choose(caseNumber, sequence, DocumentAccessService.FormOf(await service.DocumentAsync(caseNumber, sequence, ct))), ct);

    public Task<IActionResult> OnPostWithholdAsync(string number, string caseNumber, int sequence, ExemptionGround? ground, CancellationToken ct) =>
        Change(number, "dokument undtaget", async r =>
            r.Withhold(caseNumber, sequence, DocumentAccessService.FormOf(await service.DocumentAsync(caseNumber, sequence, ct)), ground ?? Missing()), ct);

    public Task<IActionResult> OnPostUnchooseAsync(string number, string caseNumber, int sequence, CancellationToken ct) =>
        Change(number, "dokument fravalgt", r => { r.Unchoose(caseNumber, sequence); return Task.CompletedTask; }, ct);

    public Task<IActionResult> OnPostClearAsync(string number, string caseNumber, int sequence, CancellationToken ct) =>
        Change(number, "overstregninger fjernet", r => { r.ClearRedactions(caseNumber, sequence); return Task.CompletedTask; }, ct);

    /// <summary>Passages typed verbatim (one per line; removed from title and text wherever they occur) and character ranges of the text.</summary>
    public Task<IActionResult> OnPostRedactAsync(string number, string? document, ExemptionGround? ground, string? passages, string? ranges, CancellationToken ct) =>
        Change(number, "overstregning markeret", async r =>
        {
            var (caseNumber, sequence) = ParseDocument(document);
            var d = await service.DocumentAsync(caseNumber, sequence, ct);
            var typed = (passages ?? "").Replace("\r\n", "\n").Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
            var text = d.Text ?? (d.Content is null ? "" : null); // null: a file, which has no text to redact
            var titleSpans = new List<RedactionSpan>();
            var textSpans = new List<RedactionSpan>();
            for (var i = 0; i < typed.Count; i++)
            {
                var inTitle = d.Title.Contains(typed[i], StringComparison.Ordinal);
                var inText = text?.Contains(typed[i], StringComparison.Ordinal) == true;
                // Named by its number only: the passage's words may be exactly what must not be repeated.
                if (!inTitle && !inText) throw new DomainException($"Tekst nr. {i + 1} findes ikke ordret i dokumentet; kontrollér stavning, store og små bogstaver.");
                if (inTitle) titleSpans.AddRange(Redactions.FindPassages(d.Title, [typed[i]]));
                if (inText) textSpans.AddRange(Redactions.FindPassages(text!, [typed[i]]));
            }
            textSpans.AddRange(Redactions.ParseRanges(ranges));
            r.Redact(caseNumber, sequence, ground ?? Missing(), d.Title.Length, titleSpans, text?.Length, textSpans);
        }, ct);

    public async Task<IActionResult> OnPostDecideAsync(string number, AccessDecision? decision, List<ExemptionGround> grounds, CancellationToken ct)
    {
        if (!await LoadAsync(number, ct)) return NotFound();
        if (decision is null) throw new DomainException("Vælg en afgørelse.");
        await service.DecideAsync(Case, ShownVersion, decision.Value, grounds, User, ct);
        TempData["Message"] = $"Afgørelsen ({decision.Value.Name().ToLowerInvariant()}) er journaliseret og sendt til borgeren.";
        return Redirect($"/Cases/{Case.Number}/aktindsigt");
    }

    public Task<bool> ReloadAsync(CancellationToken ct) => LoadAsync(RouteData.Values["number"] as string ?? "", ct);

    private async Task<IActionResult> Change(string number, string what, Func<DocumentAccessRequest, Task> change, CancellationToken ct)
    {
        if (!await LoadAsync(number, ct)) return NotFound();
        await service.ChangeAsync(Case, ShownVersion, what, change, ct);
        TempData["Message"] = $"Aktindsigt: {what}.";
        return Redirect($"/Cases/{Case.Number}/aktindsigt");
    }

    private static ExemptionGround Missing() => throw new DomainException("Vælg den regel i offentlighedsloven, undtagelsen bygger på.");

    private static (string CaseNumber, int Sequence) ParseDocument(string? value)
    {
        var parts = (value ?? "").Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seq))
            throw new DomainException("Vælg det dokument, der skal overstreges.");
        return (parts[0], seq);
    }

    /// <summary>Staff only, and only an <i>aktindsigt</i> case; otherwise the page does not exist for the user (404).</summary>
    private async Task<bool> LoadAsync(string number, CancellationToken ct)
    {
        if (!User.IsAdvisorStaff())
        {
            if (User.Identity?.IsAuthenticated == true)
                await accessLog.WriteAsync(AccessAction.Refused, null, "Adgang nægtet: aktindsigt er kun for Borgerrådgiverens medarbejdere", ct);
            return false;
        }
        var c = await cases.LoadAsync(User, number, ct);
        if (c is null || c.Type != CaseType.DocumentAccessRequest) return false;
        Case = c;
        AccessRequest = await service.FindAsync(c.Id, ct);
        Concerned = await service.ConcernedCasesAsync(AccessRequest, ct);
        return true;
    }

    /// <summary>A document's text as it will be released (redactions applied), for the page.</summary>
    public static string Shown(string text, IReadOnlyList<RedactionSpan> spans) => Redactions.Of(text.Length, spans).Apply(text);
}
