using Microsoft.Net.Http.Headers;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.PublicSite;

/// <summary>
/// Serves a published report's stored file: the exact bytes, its content type, a download name, and
/// caching headers that say what is true of a publication: it never changes. The entity tag is the
/// publication time, so a client's conditional request is answered 304 before the file is read.
/// </summary>
public static class PublishedFile
{
    /// <summary>A year's file is cached for a year by browsers and proxies; a publication is never changed or withdrawn.</summary>
    public const string CacheControl = "public, max-age=31536000, immutable";

    /// <summary>The format named by a URL's extension (<c>pdf</c>, <c>docx</c>), or null for any other.</summary>
    public static ReportFormat? Format(string? extension) => extension switch
    {
        "pdf" => ReportFormat.Pdf,
        "docx" => ReportFormat.Docx,
        _ => null,
    };

    public static EntityTagHeaderValue Tag(string kind, int year, ReportFormat format, DateTimeOffset publishedAt) =>
        new($"\"{kind}-{year}-{format.ToString().ToLowerInvariant()}-{publishedAt.UtcTicks}\"");

    /// <summary>
    /// 304 when the request's <c>If-None-Match</c> names the publication (the file is not read), else the
    /// bytes <paramref name="read"/> returns (404 if none).
    /// </summary>
    public static async Task<IActionResult> ServeAsync(HttpContext http, string kind, int year, ReportFormat format, DateTimeOffset? publishedAt,
        Func<Task<byte[]?>> read, string fileName)
    {
        if (publishedAt is not { } at) return new NotFoundResult();
        var tag = Tag(kind, year, format, at);
        var headers = http.Response.GetTypedHeaders();
        http.Response.Headers.CacheControl = CacheControl;
        headers.ETag = tag;
        headers.LastModified = at;
        var match = http.Request.GetTypedHeaders().IfNoneMatch;
        if (match.Any(m => m.Equals(EntityTagHeaderValue.Any) || m.Compare(tag, useStrongComparison: false)))
            return new StatusCodeResult(StatusCodes.Status304NotModified);
        if (await read() is not { Length: > 0 } bytes) return new NotFoundResult();
        var result = format.Download(bytes, fileName);
        result.EntityTag = tag;
        result.LastModified = at;
        return result;
    }
}
