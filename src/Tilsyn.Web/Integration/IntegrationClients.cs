using Tilsyn.Integration;
using Tilsyn.Web.AccessLogging;

namespace Tilsyn.Web.Integration;

/// <summary>
/// The registry of integration API clients (<i>integrationsklienter</i>) as the head of office keeps it: loads,
/// calls the client's own rules, saves with an access-log line in the same save. A new API key is returned to
/// be shown once; only its hash is stored.
/// </summary>
public sealed class IntegrationClients(TilsynDbContext db, AccessLog accessLog, TimeProvider clock)
{
    public Task<List<IntegrationClient>> ListAsync(CancellationToken ct) =>
        db.Set<IntegrationClient>().AsNoTracking().OrderBy(c => c.RevokedAt != null).ThenBy(c => c.Name).ToListAsync(ct);

    /// <summary>Registers a client; with <paramref name="withKey"/> it gets an API key, returned here once.</summary>
    public async Task<(IntegrationClient Client, string? Key)> CreateAsync(string name, string? oauthClientId, IEnumerable<string> scopes, bool withKey, string createdBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var client = new IntegrationClient(name, oauthClientId, scopes, now, createdBy);
        await EnsureUniqueAsync(client, ct);
        if (client.OAuthClientId is null && !withKey)
            throw new DomainException("Angiv klientens klient-id fra identitetsudbyderen, eller vælg at lave en API-nøgle; ellers kan klienten ikke logge ind.");
        var key = withKey ? client.IssueKey(now) : null;
        db.Add(client);
        accessLog.Add(AccessAction.ApiClientCreated, null, $"API-klient oprettet: {client.Name} (rettigheder: {Describe(client)}{(key is null ? "" : "; API-nøgle lavet")})");
        await db.SaveChangesAsync(ct);
        return (client, key);
    }

    public async Task ChangeAsync(int id, int? version, string name, string? oauthClientId, IEnumerable<string> scopes, CancellationToken ct)
    {
        var client = await LoadAsync(id, version, ct);
        client.Change(name, oauthClientId, scopes);
        await EnsureUniqueAsync(client, ct);
        accessLog.Add(AccessAction.ApiClientChanged, null, $"API-klient ændret: {client.Name} (rettigheder: {Describe(client)})");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A new key (the old one stops working at once), returned to be shown once.</summary>
    public async Task<string> IssueKeyAsync(int id, int? version, CancellationToken ct)
    {
        var client = await LoadAsync(id, version, ct);
        var key = client.IssueKey(clock.GetUtcNow());
        accessLog.Add(AccessAction.ApiClientChanged, null, $"Ny API-nøgle til API-klienten {client.Name} (den gamle virker ikke mere)");
        await db.SaveChangesAsync(ct);
        return key;
    }

    public async Task RemoveKeyAsync(int id, int? version, CancellationToken ct)
    {
        var client = await LoadAsync(id, version, ct);
        client.RemoveKey();
        if (client.OAuthClientId is null)
            throw new DomainException("Klienten har intet klient-id fra identitetsudbyderen; uden nøgle kan den ikke logge ind. Tilbagekald den i stedet.");
        accessLog.Add(AccessAction.ApiClientChanged, null, $"API-nøglen til API-klienten {client.Name} er fjernet");
        await db.SaveChangesAsync(ct);
    }

    public async Task RevokeAsync(int id, int? version, CancellationToken ct)
    {
        var client = await LoadAsync(id, version, ct);
        client.Revoke(clock.GetUtcNow());
        accessLog.Add(AccessAction.ApiClientRevoked, null, $"API-klient tilbagekaldt: {client.Name}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records a call's time, at most once a minute, without touching the row's version (the admin form's check).</summary>
    public async Task RecordUseAsync(int id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now - IntegrationClient.UseRecordingInterval;
        await db.Set<IntegrationClient>().Where(c => c.Id == id && (c.LastUsedAt == null || c.LastUsedAt < since))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.LastUsedAt, now), ct);
    }

    private async Task<IntegrationClient> LoadAsync(int id, int? version, CancellationToken ct)
    {
        var client = await db.Set<IntegrationClient>().FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new DomainException("Klienten findes ikke.");
        db.ExpectVersion(client, version);
        return client;
    }

    private async Task EnsureUniqueAsync(IntegrationClient client, CancellationToken ct)
    {
        if (await db.Set<IntegrationClient>().AnyAsync(c => c.Id != client.Id && c.Name == client.Name, ct))
            throw new DomainException($"Der er allerede en klient med navnet '{client.Name}'.");
        if (client.OAuthClientId is { } oauth && await db.Set<IntegrationClient>().AnyAsync(c => c.Id != client.Id && c.OAuthClientId == oauth, ct))
            throw new DomainException($"Klient-id'et '{oauth}' er allerede registreret for en anden klient.");
    }

    private static string Describe(IntegrationClient c) => c.Scopes.Count == 0 ? "ingen" : string.Join(", ", c.Scopes);
}
