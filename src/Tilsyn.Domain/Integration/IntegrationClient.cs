namespace Tilsyn.Integration;

/// <summary>
/// A machine client of the integration API (<i>integrationsklient</i>): the municipality's case system or its
/// integration platform. It is known by its OAuth client id (in the tokens of the municipality's identity
/// provider), by an API key, or both; it may do what its <see cref="Scopes"/> grant, until it is revoked.
/// </summary>
public sealed class IntegrationClient
{
    public const int NameMaxLength = 100;
    public const int OAuthClientIdMaxLength = 200;

    private IntegrationClient() { }

    public IntegrationClient(string name, string? oauthClientId, IEnumerable<string> scopes, DateTimeOffset now, string createdBy)
    {
        Name = CheckName(name);
        OAuthClientId = CheckClientId(oauthClientId);
        Scopes = IntegrationScopes.Check(scopes).ToList();
        CreatedAt = now;
        CreatedBy = createdBy;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The client id its tokens carry (<c>client_id</c>/<c>azp</c>/<c>appid</c>); null for a key-only client.</summary>
    public string? OAuthClientId { get; private set; }

    /// <summary>The granted scopes (<see cref="IntegrationScopes"/>).</summary>
    public List<string> Scopes { get; private set; } = [];

    /// <summary>The lookup id of the current API key (<see cref="ApiKey"/>); null without a key.</summary>
    public string? KeyLookupId { get; private set; }

    /// <summary>SHA-256 of the current API key; the key itself is never stored.</summary>
    public string? KeyHash { get; private set; }
    public DateTimeOffset? KeyIssuedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    /// <summary>Optimistic concurrency: the admin form carries the version it showed.</summary>
    public int Version { get; private set; }

    public bool Active => RevokedAt is null;
    public bool HasKey => KeyHash is not null;

    /// <summary>Changes the grants and the OAuth client id.</summary>
    public void Change(string name, string? oauthClientId, IEnumerable<string> scopes)
    {
        EnsureActive();
        Name = CheckName(name);
        OAuthClientId = CheckClientId(oauthClientId);
        Scopes = IntegrationScopes.Check(scopes).ToList();
    }

    /// <summary>Makes a new API key (the old one stops working at once) and returns it: it is shown this once.</summary>
    public string IssueKey(DateTimeOffset now)
    {
        EnsureActive();
        var (key, lookup, hash) = ApiKey.New();
        (KeyLookupId, KeyHash, KeyIssuedAt) = (lookup, hash, now);
        return key;
    }

    /// <summary>Removes the API key (the client may still use tokens).</summary>
    public void RemoveKey()
    {
        EnsureActive();
        (KeyLookupId, KeyHash, KeyIssuedAt) = (null, null, null);
    }

    /// <summary>Revokes the client for good: neither its tokens nor its key are accepted again.</summary>
    public void Revoke(DateTimeOffset now)
    {
        EnsureActive();
        RevokedAt = now;
        (KeyLookupId, KeyHash) = (null, null);
    }

    /// <summary>Whether a presented key is this client's current key (constant-time).</summary>
    public bool AcceptsKey(string key) => Active && KeyHash is not null && ApiKey.Matches(key, KeyHash);

    /// <summary>What a call may do: for a token, its scopes that are also granted; for a key, the grants.</summary>
    public IReadOnlySet<string> EffectiveScopes(IReadOnlySet<string>? fromToken) =>
        Active ? IntegrationScopes.Effective(fromToken, Scopes) : new HashSet<string>();

    /// <summary>Whether a call at <paramref name="now"/> should update <see cref="LastUsedAt"/>: at most once a minute, not a write per call.</summary>
    public bool UseWorthRecording(DateTimeOffset now) => LastUsedAt is not { } last || now - last >= UseRecordingInterval;

    public static readonly TimeSpan UseRecordingInterval = TimeSpan.FromMinutes(1);

    private void EnsureActive()
    {
        if (!Active) throw new DomainException($"Klienten '{Name}' er tilbagekaldt og kan ikke ændres.");
    }

    private static string CheckName(string? name)
    {
        var n = (name ?? "").Trim();
        if (n.Length == 0) throw new DomainException("Feltet 'Navn' skal udfyldes.");
        if (n.Length > NameMaxLength) throw new DomainException($"Feltet 'Navn' må højst være {NameMaxLength} tegn.");
        return n;
    }

    private static string? CheckClientId(string? id)
    {
        var v = id?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        if (v.Length > OAuthClientIdMaxLength) throw new DomainException($"Feltet 'Klient-id' må højst være {OAuthClientIdMaxLength} tegn.");
        if (v.Any(char.IsWhiteSpace)) throw new DomainException("Feltet 'Klient-id' må ikke indeholde mellemrum.");
        return v;
    }
}
