using Tilsyn.Complaints;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.Pages.Status;

/// <summary>
/// The citizen's status page behind the private link. A wrong, replaced, revoked or expired link gets
/// the same Danish "this link does not work" page (404), which confirms nothing about any case.
/// </summary>
public sealed class IndexModel(TilsynDbContext db, TimeProvider clock, AccessLog accessLog, Microsoft.Extensions.Options.IOptions<Tilsyn.Web.Mail.MailOptions> mail) : PageModel
{
    public ComplaintCase? Case { get; private set; }
    public List<CaseDocument> Documents { get; private set; } = [];
    public string Token { get; private set; } = "";

    /// <summary>Where the citizen can write to the advisor for a new link.</summary>
    public string AdvisorEmail => mail.Value.From;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        // The page is the citizen's own: no shared cache keeps it, and the token in the address goes nowhere else.
        Response.Headers.CacheControl = "no-store";
        var found = await FindAsync(db, clock, token, ct);
        if (found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Case = found;
        Token = token;
        Documents = [.. CitizenView.Documents(found)];
        await accessLog.WriteAsync(AccessAction.View, found.Number, WhoOpened(User, "Borgerens statusside"), ct);
        return Page();
    }

    /// <summary>
    /// The access-log detail: a logged-in user opening the citizen's page is logged as that user
    /// (<see cref="AccessLog"/> takes the login) and named as staff here, never as "the citizen".
    /// </summary>
    internal static string WhoOpened(System.Security.Claims.ClaimsPrincipal user, string what) =>
        user.Identity?.IsAuthenticated == true ? $"{what} åbnet af en medarbejder (ikke borgeren)" : what;

    internal static async Task<ComplaintCase?> FindAsync(TilsynDbContext db, TimeProvider clock, string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = StatusToken.Hash(token);
        var c = await db.Cases.AsNoTracking().Include(x => x.Documents).FirstOrDefaultAsync(x => x.StatusTokenHash == hash, ct);
        return c is not null && c.StatusLinkValid(clock.GetUtcNow()) ? c : null;
    }
}
