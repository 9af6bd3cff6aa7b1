using System.Threading.RateLimiting;
using Tilsyn.Web.AccessLogging;

namespace Tilsyn.Web.Integration;

/// <summary>Endpoint metadata: the scope (<see cref="Tilsyn.Integration.IntegrationScopes"/>) a call needs.</summary>
public sealed record RequiredScope(string Scope);

/// <summary>
/// Runs around every integration call, after authentication: refuses an unknown or revoked client and a missing
/// scope (403, with an access-log line naming the client), limits each client's rate (429), records the client's
/// last use, and makes sure every call leaves exactly one access-log line: an endpoint that writes its own
/// (a registration's <c>Create</c>, a status read's <c>View</c>) says so with <see cref="MarkLogged"/>; any other
/// call is logged here as <see cref="AccessAction.ApiCall"/> with its route and status.
/// </summary>
public sealed class IntegrationCallFilter : IEndpointFilter
{
    private const string LoggedItem = "Tilsyn.Integration.Logged";

    public static void MarkLogged(HttpContext http) => http.Items[LoggedItem] = true;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        IntegrationProblems.NoStatusPage(http);
        var services = http.RequestServices;
        var accessLog = services.GetRequiredService<AccessLog>();
        var route = $"{http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value}";
        var ct = http.RequestAborted;

        if (IntegrationClaims.Client(http.User) is not { } clientId)
        {
            await accessLog.WriteAsync(AccessAction.Refused, null, $"API-kald afvist: klienten er ikke registreret i Tilsyn eller er tilbagekaldt ({route})", ct);
            return TypedResults.Problem(statusCode: 403, title: "Klienten har ikke adgang",
                detail: "Klienten er ikke registreret i Tilsyn eller er tilbagekaldt. Kontakt kontorchefen.");
        }
        if (!services.GetRequiredService<IntegrationRateLimiter>().TryAcquire(clientId, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: 429, title: "For mange kald", detail: "Klienten har brugt sin kvote af kald; prøv igen senere.");
        }
        if (http.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>() is { } required && !IntegrationClaims.HasScope(http.User, required.Scope))
        {
            await accessLog.WriteAsync(AccessAction.Refused, null, $"API-kald afvist: mangler rettigheden {required.Scope} ({route})", ct);
            return TypedResults.Problem(statusCode: 403, title: "Manglende rettighed",
                detail: $"Kaldet kræver rettigheden (scope) '{required.Scope}', både i adgangstokenet og i Tilsyns registrering af klienten.");
        }
        await services.GetRequiredService<IntegrationClients>().RecordUseAsync(clientId, ct);

        var result = await next(context);
        if (!http.Items.ContainsKey(LoggedItem))
        {
            var status = (result as IStatusCodeHttpResult)?.StatusCode ?? http.Response.StatusCode;
            await accessLog.WriteAsync(AccessAction.ApiCall, null, $"API-kald: {route} → {status}", ct);
        }
        return result;
    }
}

/// <summary>Calls per minute per client (<c>Authentication:Api:RequestsPerMinute</c>), per instance.</summary>
public sealed class IntegrationRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<int>? limiter;

    public IntegrationRateLimiter(ApiAuthOptions options)
    {
        if (options.RequestsPerMinute <= 0) return;
        limiter = PartitionedRateLimiter.Create<int, int>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.RequestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
    }

    public bool TryAcquire(int client, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (limiter is null) return true;
        using var lease = limiter.AttemptAcquire(client);
        if (lease.IsAcquired) return true;
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        return false;
    }

    public void Dispose() => limiter?.Dispose();
}
