using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Citizens;

namespace Tilsyn.Web.Pages.Borger.Sager;

/// <summary>"Mine sager": the signed-in citizen's own cases, newest first (<see cref="CitizenCases"/>).</summary>
[Authorize(Policy = CitizenAuth.Policy)]
public sealed class IndexModel(CitizenCases cases, AccessLog accessLog) : PageModel
{
    public List<CitizenCaseRow> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Cases = await cases.ListAsync(User, ct);
        await accessLog.WriteAsync(AccessAction.View, null, $"Mine sager åbnet ({Cases.Count} sager vist)", ct);
    }
}
