using Tilsyn.Web.AccessLogging;

namespace Tilsyn.Web.Pages.Adgangslog;

/// <summary>AdvisorLead searches the access log (read-only).</summary>
[Authorize(Policy = Policies.AdvisorLead)]
public sealed class IndexModel(TilsynDbContext db) : PageModel
{
    public const int Max = 1000;

    [BindProperty(SupportsGet = true, Name = "user")] public string? UserQuery { get; set; }
    [BindProperty(SupportsGet = true)] public string? CaseNumber { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    /// <summary>Only lines of this kind (e.g. failed logins or refusals).</summary>
    [BindProperty(SupportsGet = true, Name = "kind")] public AccessAction? Kind { get; set; }
    public List<AccessLogEntry> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = db.AccessLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(UserQuery)) q = q.Where(a => a.UserName.Contains(UserQuery.Trim()));
        if (!string.IsNullOrWhiteSpace(CaseNumber)) q = q.Where(a => a.CaseNumber == CaseNumber.Trim());
        if (Kind is { } kind) q = q.Where(a => a.Action == kind);
        if (From is { } f) { var start = Tilsyn.Calendar.DanishTime.StartOf(f); q = q.Where(a => a.At >= start); }
        if (To is { } t) { var end = Tilsyn.Calendar.DanishTime.StartOf(t.AddDays(1)); q = q.Where(a => a.At < end); }
        Rows = await q.OrderByDescending(a => a.Id).Take(Max).ToListAsync(ct);
    }
}
