using Tilsyn.Letters;
using Tilsyn.Web.Letters;

namespace Tilsyn.Web.Pages.Letters;

/// <summary>AdvisorLead edits the letter templates; a template that does not merge is refused with the unknown field named.</summary>
[Authorize(Policy = Policies.AdvisorLead)]
public sealed class IndexModel(TilsynDbContext db, CaseLetters letters, TimeProvider clock) : PageModel, IDomainErrorPage
{
    public sealed record Row(LetterKind Kind, string Title, string Body, bool Stored);

    public List<Row> Templates { get; private set; } = [];
    public string? Error { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(LetterKind kind, string title, string body, bool reset, CancellationToken ct)
    {
        var stored = await db.Set<StoredLetterTemplate>().FirstOrDefaultAsync(t => t.Kind == kind, ct);
        if (reset)
        {
            if (stored is not null) db.Remove(stored);
            await db.SaveChangesAsync(ct);
            TempData["Message"] = $"{kind.Name()}: standardteksten er gendannet.";
            return RedirectToPage();
        }
        var (checkedTitle, checkedBody) = LetterTemplate.Check(title, body);
        if (stored is null) db.Add(stored = new StoredLetterTemplate { Kind = kind });
        stored.Title = checkedTitle;
        stored.Body = checkedBody;
        stored.UpdatedAt = clock.GetUtcNow();
        stored.UpdatedBy = User.DisplayName();
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"{kind.Name()} er gemt.";
        return RedirectToPage();
    }

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return true;
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
