namespace Tilsyn.Web.Integration;

/// <summary>
/// A case registered through the integration API under a client's <c>Idempotency-Key</c>: a retry with the same
/// key answers with this case instead of registering it again. Written in the registration's own transaction.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = 100;

    /// <summary>How long a key is remembered; a retry after that is a new request.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public long Id { get; init; }
    public int ClientId { get; init; }
    public string Key { get; init; } = "";

    /// <summary>SHA-256 of the request's fields: the same key with another request is refused (422).</summary>
    public string RequestHash { get; init; } = "";
    public string CaseNumber { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}
