using Tilsyn.Letters;
using Tilsyn.Web.Letters;

namespace Tilsyn.Web.Pages.Letters;

/// <summary>AdvisorLead edits the letter templates; a template that does not merge is refused with the unknown field named.</summary>
[Authorize(Policy = Policies.AdvisorLead)]
public sealed class IndexModel(TilsynDbContext db, CaseLetters letters, TimeProvider clock) : PageModel
{
    public sealed record Row(LetterKind Kind, string Title, string Body, bool Stored);

    public List<Row> Templates { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public static string KindName(LetterKind kind) => kind switch
    {
        LetterKind.Receipt => "Kvittering til borgeren",
        LetterKind.StatementRequest => "Anmodning om udtalelse til forvaltningen",
        LetterKind.Conclusion => "Konklusion til borgeren",
        _ => kind.ToString(),
    };

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(LetterKind kind, string title, string body, bool reset, CancellationToken ct)
    {
        var stored = await db.Set<StoredLetterTemplate>().FirstOrDefaultAsync(t => t.Kind == kind, ct);
        if (reset)
        {
            if (stored is not null) db.Remove(stored);
            await db.SaveChangesAsync(ct);
            TempData["Message"] = $"{KindName(kind)}: standardteksten er gendannet.";
            return RedirectToPage();
        }
        var sample = DefaultLetterTemplates.KnownFields.ToDictionary(f => f.Name, f => "x");
        foreach (var part in new[] { title, body })
            Errors.AddRange(LetterTemplate.Merge(part ?? "", sample).Errors);
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(body)) Errors.Add("Titel og tekst skal udfyldes.");
        else foreach (var problem in new[] { LetterTemplate.Title.Problem(title, true), LetterTemplate.Body.Problem(body, true) })
            if (problem is not null) Errors.Add(problem);
        if (Errors.Count > 0)
        {
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (stored is null) db.Add(stored = new StoredLetterTemplate { Kind = kind });
        stored.Title = title.Trim();
        stored.Body = body.Replace("\r\n", "\n");
        stored.UpdatedAt = clock.GetUtcNow();
        stored.UpdatedBy = User.DisplayName();
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"{KindName(kind)} er gemt.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var stored = await db.Set<StoredLetterTemplate>().AsNoTracking().Select(t => t.Kind).ToListAsync(ct);
        Templates = [];
        foreach (var kind in Enum.GetValues<LetterKind>())
        {
            var (title, body) = await letters.TemplateAsync(kind, ct);
            Templates.Add(new Row(kind, title, body, stored.Contains(kind)));
        }
    }
}
