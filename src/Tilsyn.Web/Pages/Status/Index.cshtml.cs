using Tilsyn.Complaints;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.Pages.Status;

/// <summary>The citizen's status page behind the private link; a wrong or expired token is simply "not found".</summary>
public sealed class IndexModel(TilsynDbContext db, TimeProvider clock, AccessLog accessLog) : PageModel
{
    public ComplaintCase Case { get; private set; } = null!;
    public List<CaseDocument> Documents { get; private set; } = [];
    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var found = await FindAsync(db, clock, token, ct);
        if (found is null) return NotFound();
        Case = found;
        Token = token;
        Documents = Case.Documents.Where(d => d.VisibleToCitizen).OrderBy(d => d.Sequence).ToList();
        await accessLog.WriteAsync(AccessAction.View, Case.Number, "Borgerens statusside", ct);
        return Page();
    }

    internal static async Task<ComplaintCase?> FindAsync(TilsynDbContext db, TimeProvider clock, string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = StatusToken.Hash(token);
        var c = await db.Cases.AsNoTracking().Include(x => x.Documents).FirstOrDefaultAsync(x => x.StatusTokenHash == hash, ct);
        return c is not null && c.StatusLinkValid(clock.GetUtcNow()) ? c : null;
    }
}
