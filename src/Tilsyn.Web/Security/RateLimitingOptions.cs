namespace Tilsyn.Web.Security;

/// <summary>
/// The front door's limits, section <c>RateLimiting</c> (environment: <c>RateLimiting__ComplaintsPerTenMinutes</c> …).
/// Per client address: the address after <see cref="ForwardedHeadersSetup"/> (a trusted proxy's
/// <c>X-Forwarded-For</c>), IPv6 clients by their /64 (one household or host owns a whole /64).
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary><c>POST /klage</c> per address in any ten minutes (every post counts, also one refused for a missing field).</summary>
    public int ComplaintsPerTenMinutes { get; set; } = 5;

    /// <summary>Login attempts (<c>POST /Account/Login</c>) per address per minute: stops password spraying across accounts.</summary>
    public int LoginsPerMinute { get; set; } = 10;

    /// <summary>Requests served at once, all clients together (static files not counted): guards the database pool and memory.</summary>
    public int MaxConcurrentRequests { get; set; } = 100;

    /// <summary>Requests that wait (first in, first out) when <see cref="MaxConcurrentRequests"/> are being served; beyond that, 429.</summary>
    public int ConcurrencyQueueLimit { get; set; } = 500;

    /// <summary>Receipt mails per e-mail address per Copenhagen day from the complaint form; later complaints are stored without a receipt mail.</summary>
    public int ReceiptsPerAddressPerDay { get; set; } = 3;
}
