using Tilsyn.Integration;
using Tilsyn.Web.Integration;

namespace Tilsyn.Web.Pages.Integration;

/// <summary>
/// The registry of integration API clients (<i>API-klienter</i>) for the head of office: register a client with
/// its OAuth client id and scopes, make or renew its API key (shown once, on the answer to that POST only, never
/// stored or redirected), remove the key, revoke the client. Every change is access-logged by <see cref="IntegrationClients"/>.
/// </summary>
[Authorize(Policy = Policies.AdvisorLead)]
public sealed class KlienterModel(IntegrationClients clients, ApiAuthOptions apiOptions) : PageModel, IDomainErrorPage
{
    public List<IntegrationClient> Clients { get; private set; } = [];
    public string? Error { get; set; }
    public string? Message { get; private set; }

    /// <summary>A key just made: shown on this answer only.</summary>
    public string? NewKey { get; private set; }
    public string? NewKeyClient { get; private set; }
    public bool TokensConfigured => apiOptions.BearerEnabled;

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? OAuthClientId { get; set; }
    [BindProperty] public List<string> Scopes { get; set; } = [];
    [BindProperty] public bool WithKey { get; set; }
    [BindProperty(Name = AggregateVersion.FormField)] public int? Version { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task<bool> ReloadAsync(CancellationToken ct)
    {
        Clients = await clients.ListAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var (client, key) = await clients.CreateAsync(Name ?? "", OAuthClientId, Scopes, WithKey, User.DisplayName(), ct);
        Message = $"Klienten '{client.Name}' er registreret.";
        return await ShowKeyAsync(client.Name, key, ct);
    }

    public async Task<IActionResult> OnPostChangeAsync(int id, CancellationToken ct)
    {
        await clients.ChangeAsync(id, Version, Name ?? "", OAuthClientId, Scopes, ct);
        TempData["Message"] = "Klienten er ændret.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostIssueKeyAsync(int id, CancellationToken ct)
    {
        var key = await clients.IssueKeyAsync(id, Version, ct);
        await ReloadAsync(ct);
        Message = "Der er lavet en ny API-nøgle; den gamle virker ikke mere.";
        return await ShowKeyAsync(Clients.First(c => c.Id == id).Name, key, ct);
    }

    public async Task<IActionResult> OnPostRemoveKeyAsync(int id, CancellationToken ct)
    {
        await clients.RemoveKeyAsync(id, Version, ct);
        TempData["Message"] = "API-nøglen er fjernet.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        await clients.RevokeAsync(id, Version, ct);
        TempData["Message"] = "Klienten er tilbagekaldt; dens tokens og nøgle afvises fra nu af.";
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowKeyAsync(string clientName, string? key, CancellationToken ct)
    {
        await ReloadAsync(ct);
        (NewKey, NewKeyClient) = (key, clientName);
        (Name, OAuthClientId, Scopes, WithKey) = (null, null, [], false);
        // The key is in this answer only: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
