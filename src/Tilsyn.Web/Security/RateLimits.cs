using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Tilsyn.Web.Security;

/// <summary>
/// The rate limits of the front door (ASP.NET Core's rate limiter): complaints and login attempts
/// per client address, and one cap on requests served at once. Over a limit the answer is 429 with
/// a <c>Retry-After</c> header and the Danish error page (<c>/Error?status=429</c>, re-executed by
/// the status code pages), so the limit looks like the rest of the site.
/// </summary>
public static class RateLimits
{
    public const string Complaints = "complaints";
    public const string Logins = "logins";

    /// <summary>The pages the two policies are attached to (by convention here, so the pages carry no attribute).</summary>
    public const string ComplaintPage = "/Klage/Index";
    public const string LoginPage = "/Account/Login";
    public static readonly string[] SecondStepPages = ["/Account/LoginMfa", "/Account/MfaEnrol"];

    /// <summary><see cref="HttpContext.Items"/> key: seconds until the client may try again (read by the error page).</summary>
    public const string RetryAfterItem = "Tilsyn.RateLimit.RetryAfterSeconds";

    public static IServiceCollection AddTilsynRateLimits(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<RateLimitingOptions>(config.GetSection(RateLimitingOptions.Section));
        // PostConfigure: Razor Pages' own setup replaces the convention collection, and it may be registered after this.
        services.PostConfigure<RazorPagesOptions>(o =>
        {
            o.Conventions.AddPageApplicationModelConvention(ComplaintPage, m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(Complaints)));
            o.Conventions.AddPageApplicationModelConvention(LoginPage, m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(Logins)));
            foreach (var page in SecondStepPages) // the code step of a login shares the login limit
                o.Conventions.AddPageApplicationModelConvention(page, m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(Logins)));
        });
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<RateLimitingOptions>, ILoggerFactory>((o, limits, logs) => Configure(o, limits.Value, logs.CreateLogger(typeof(RateLimits))));
        return services;
    }

    private static void Configure(RateLimiterOptions o, RateLimitingOptions limits, ILogger log)
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            // The error page shown for a refusal or a failure is served even when the cap is reached, and so is
            // the health probe: a load balancer must see a busy instance as alive, not take it out of service.
            context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null
                ? RateLimitPartition.GetNoLimiter("error page")
                : context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
                ? RateLimitPartition.GetNoLimiter("health")
                : RateLimitPartition.GetConcurrencyLimiter("all", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = Math.Max(1, limits.MaxConcurrentRequests),
                    QueueLimit = Math.Max(0, limits.ConcurrencyQueueLimit),
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                }));
        // A sliding window (ten one-minute segments): a sender cannot get twice the limit across a window boundary.
        o.AddPolicy(Complaints, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetSlidingWindowLimiter(ClientKey(context), _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, limits.ComplaintsPerTenMinutes),
                Window = TimeSpan.FromMinutes(10),
                SegmentsPerWindow = 10,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(""));
        o.AddPolicy(Logins, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, limits.LoginsPerMinute),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(""));
        o.OnRejected = (rejected, _) =>
        {
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(5);
            var seconds = (int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds));
            var http = rejected.HttpContext;
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            http.Items[RetryAfterItem] = seconds;
            // No client address in the log: it is personal data, and the path says which limit was met.
            log.LogWarning("Rate limit reached: {Method} {Path} refused with 429, retry after {Seconds} s", http.Request.Method, http.Request.Path.Value, seconds);
            return ValueTask.CompletedTask; // the body is the Danish status code page
        };
    }

    /// <summary>
    /// The client a limit counts: its address as the forwarded-headers middleware left it (a trusted
    /// proxy's <c>X-Forwarded-For</c>, else the connection's address). An IPv6 client counts by its /64,
    /// which one household or host owns whole and could otherwise rotate through: the same key as the
    /// login back-off (<see cref="LoginBackOff.AddressKey"/>).
    /// </summary>
    public static string ClientKey(HttpContext context) => LoginBackOff.AddressKey(context.Connection.RemoteIpAddress);
}
