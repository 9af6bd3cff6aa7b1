using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Tilsyn.Web.Security;

namespace Tilsyn.Web.PublicFigures;

/// <summary>
/// Open data at stable URLs under <c>/offentlig/data/</c> (anonymous): each dataset of <see cref="OpenData"/> as
/// <c>{slug}.csv</c> and <c>{slug}.json</c>, and the DCAT-AP style catalog at <c>/offentlig/data/</c> (JSON-LD,
/// <c>application/ld+json</c>). Every answer carries <c>Cache-Control: public, max-age=600</c> and a strong
/// <c>ETag</c> (SHA-256 of the body), and <c>If-None-Match</c> answers 304. One client address may ask
/// <see cref="PublicSiteOptions.DataRequestsPerMinute"/> times a minute (the <see cref="Policy"/> rate limit).
/// </summary>
public static class OpenDataApi
{
    public const string Policy = "public-data";
    public const string DictionaryPath = "/offentlig/data/ordbog";

    /// <summary>The public figures' services: the service, the memory cache, the settings and the rate limit policy.</summary>
    public static IServiceCollection AddPublicFigures(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<PublicSiteOptions>(config.GetSection(PublicSiteOptions.Section));
        services.AddMemoryCache();
        services.AddScoped<PublicFiguresService>();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<PublicSiteOptions>>((o, site) =>
            o.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(RateLimits.ClientKey(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, site.Value.DataRequestsPerMinute),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })));
        return services;
    }

    public static void MapOpenData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/offentlig/data").AllowAnonymous().RequireRateLimiting(Policy).WithTags("Åbne data").ExcludeFromDescription();
        group.MapGet("/", CatalogAsync);
        foreach (var set in OpenData.DataSets(5))
        {
            var slug = set.Slug;
            group.MapGet($"/{slug}.csv", (HttpContext http, PublicFiguresService figures, CancellationToken ct) => FileAsync(http, figures, slug, csv: true, ct));
            group.MapGet($"/{slug}.json", (HttpContext http, PublicFiguresService figures, CancellationToken ct) => FileAsync(http, figures, slug, csv: false, ct));
        }
    }

    private static async Task<IResult> FileAsync(HttpContext http, PublicFiguresService figures, string slug, bool csv, CancellationToken ct)
    {
        var set = OpenData.DataSets(figures.Threshold).Single(s => s.Slug == slug);
        var rows = OpenData.Rows(slug, await figures.AllAsync(ct));
        var body = csv ? OpenData.ToCsv(set, rows) : OpenData.ToJson(set, rows, figures.Threshold, BaseUrl(http) + DictionaryPath);
        if (!csv) return Cached(http, body, "application/json; charset=utf-8", null);
        return Cached(http, body, "text/csv; charset=utf-8", $"{slug}.csv");
    }

    private static async Task<IResult> CatalogAsync(HttpContext http, PublicFiguresService figures, IOptions<PublicSiteOptions> site, IOptions<Tilsyn.Web.Processing.ProcessingOptions> processing, CancellationToken ct) =>
        Cached(http, Catalog(BaseUrl(http), await figures.YearsAsync(ct), figures.Threshold, Publisher(site.Value, processing.Value)), "application/ld+json; charset=utf-8", null);

    /// <summary>The publisher named on the pages and in the catalog.</summary>
    public static string Publisher(PublicSiteOptions site, Tilsyn.Web.Processing.ProcessingOptions processing) =>
        string.IsNullOrWhiteSpace(site.Publisher) ? $"Borgerrådgiveren, {processing.ControllerName}" : site.Publisher;

    /// <summary>Absolute addresses: <c>PublicBaseUrl</c> when set (never a forged Host header then), else the request's own.</summary>
    public static string BaseUrl(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IConfiguration>()["PublicBaseUrl"];
        return Uri.TryCreate(configured, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? configured!.TrimEnd('/')
            : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
    }

    private static IResult Cached(HttpContext http, byte[] body, string contentType, string? downloadName)
    {
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..32] + "\"";
        http.Response.Headers.CacheControl = "public, max-age=600";
        http.Response.Headers.ETag = etag;
        http.Response.Headers["X-Content-Type-Options"] = "nosniff";
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return downloadName is null ? Results.Bytes(body, contentType) : Results.File(body, contentType, downloadName);
    }

    /// <summary>The DCAT-AP style catalog (JSON-LD): the catalog, its publisher and licence, and per dataset its distributions.</summary>
    public static byte[] Catalog(string baseUrl, IReadOnlyList<(int Year, DateTimeOffset PublishedAt)> years, int threshold, string publisher)
    {
        var dictionary = baseUrl + DictionaryPath;
        var modified = years.Count == 0 ? null : years.Max(y => y.PublishedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        object? temporal = years.Count == 0 ? null : new Dictionary<string, object>
        {
            ["@type"] = "dct:PeriodOfTime",
            ["dcat:startDate"] = $"{years.Min(y => y.Year)}-01-01",
            ["dcat:endDate"] = $"{years.Max(y => y.Year)}-12-31",
        };
        var agent = new Dictionary<string, object> { ["@type"] = "foaf:Agent", ["foaf:name"] = publisher };
        var catalog = new Dictionary<string, object?>
        {
            ["@context"] = new Dictionary<string, object>
            {
                ["dcat"] = "http://www.w3.org/ns/dcat#",
                ["dct"] = "http://purl.org/dc/terms/",
                ["foaf"] = "http://xmlns.com/foaf/0.1/",
                ["dcat:downloadURL"] = new Dictionary<string, string> { ["@type"] = "@id" },
                ["dcat:accessURL"] = new Dictionary<string, string> { ["@type"] = "@id" },
                ["dct:license"] = new Dictionary<string, string> { ["@type"] = "@id" },
                ["dct:conformsTo"] = new Dictionary<string, string> { ["@type"] = "@id" },
                ["foaf:homepage"] = new Dictionary<string, string> { ["@type"] = "@id" },
            },
            ["@id"] = baseUrl + "/offentlig/data/",
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = "Borgerrådgiverens åbne data",
            ["dct:description"] = $"Borgerrådgiverens tal for hele kommunen pr. år (år med offentliggjort beretning): henvendelser og klager, udfald, sagsbehandlingstid og klager pr. 1.000 sager. Små tal (1–{threshold - 1}) er skjult.",
            ["dct:publisher"] = agent,
            ["dct:license"] = OpenData.LicenseUrl,
            ["dct:language"] = "da",
            ["dct:modified"] = modified,
            ["foaf:homepage"] = baseUrl + "/offentlig/tal",
            ["dcat:dataset"] = OpenData.DataSets(threshold).Select(set => new Dictionary<string, object?>
            {
                ["@id"] = $"{baseUrl}/offentlig/data/{set.Slug}",
                ["@type"] = "dcat:Dataset",
                ["dct:identifier"] = set.Slug,
                ["dct:title"] = set.Title,
                ["dct:description"] = set.Description,
                ["dcat:keyword"] = set.Keywords,
                ["dct:temporal"] = temporal,
                ["dct:modified"] = modified,
                ["dct:publisher"] = agent,
                ["dct:license"] = OpenData.LicenseUrl,
                ["dct:conformsTo"] = dictionary + "#" + set.Slug,
                ["dcat:distribution"] = new[] { ("csv", "text/csv", "CSV"), ("json", "application/json", "JSON") }.Select(d => new Dictionary<string, object>
                {
                    ["@type"] = "dcat:Distribution",
                    ["dct:title"] = $"{set.Title} ({d.Item3})",
                    ["dcat:downloadURL"] = $"{baseUrl}/offentlig/data/{set.Slug}.{d.Item1}",
                    ["dcat:accessURL"] = $"{baseUrl}/offentlig/data/{set.Slug}.{d.Item1}",
                    ["dcat:mediaType"] = d.Item2,
                    ["dct:format"] = d.Item3,
                    ["dct:license"] = OpenData.LicenseUrl,
                    ["dct:conformsTo"] = dictionary + "#" + set.Slug,
                }).ToList(),
            }).ToList(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(catalog, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
