using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Filters;
using Tilsyn.Complaints.Intake;

namespace Tilsyn.Web.Uploads;

/// <summary>
/// The one request limit for a page that accepts files. <c>[UploadLimits]</c> is the attachment limit:
/// the policy's total (<see cref="AttachmentPolicy.MaxTotalBytes"/>) plus <see cref="FormOverheadBytes"/>
/// for the form's text and multipart headers; <c>[UploadLimits(bytes)]</c> is for a page that takes
/// another kind of file (an extract, a KLE file). A request over the limit is read no further and
/// answered 413 with a Danish page saying how much may be sent; nothing is stored.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class UploadLimitsAttribute(long maxFileBytes)
    : Attribute, IAsyncAuthorizationFilter, IOrderedFilter, IRequestSizePolicy, IRequestFormLimitsPolicy, IRequestSizeLimitMetadata
{
    /// <summary>Room for the form's text fields (a 50,000-character statement is at most 200 kB) and the part headers.</summary>
    public const long FormOverheadBytes = AttachmentPolicy.MiB;

    /// <summary>The key under which a refused request's limit (<see cref="MaxFileBytes"/>) is left for the error page.</summary>
    public const string RefusedLimitKey = "Tilsyn.Uploads.RefusedLimit";

    /// <summary>The attachment limit, from <see cref="UploadReader.Policy"/>.</summary>
    public UploadLimitsAttribute() : this(UploadReader.Policy.MaxTotalBytes) { }

    /// <summary>How many bytes of files the page takes in all; this is the limit the user is told.</summary>
    public long MaxFileBytes { get; } = maxFileBytes;

    /// <summary>The whole request: the files and the form around them.</summary>
    public long MaxRequestBytes => MaxFileBytes + FormOverheadBytes;

    long? IRequestSizeLimitMetadata.MaxRequestBodySize => MaxRequestBytes;

    /// <summary>Before the antiforgery check (1000), which is the first to read the form; as <see cref="RequestFormLimitsAttribute"/>.</summary>
    public int Order => 900;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!http.Request.HasFormContentType) return;
        if (http.Request.ContentLength > MaxRequestBytes)
        {
            Refuse(context);
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = MaxRequestBytes;
        if (http.Features.Get<IFormFeature>()?.Form is null)
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = MaxRequestBytes }));
        try
        {
            // Read here, so that a body without a declared length that grows past the limit is refused
            // with the same page, rather than as a failed antiforgery check.
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            Refuse(context);
        }
    }

    private void Refuse(AuthorizationFilterContext context)
    {
        // An empty form, so that nothing after this (the error page) reads the body again.
        context.HttpContext.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        context.HttpContext.Items[RefusedLimitKey] = MaxFileBytes;
        context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>A limit as the user reads it: "25 MB", "4 GB".</summary>
    public static string Describe(long bytes) =>
        bytes >= 1024 * AttachmentPolicy.MiB ? $"{bytes / (1024 * AttachmentPolicy.MiB)} GB" : $"{bytes / AttachmentPolicy.MiB} MB";
}
