namespace Tilsyn.Web.Security;

/// <summary>
/// Headers on every response (pages, static files, errors, 429): set when the response starts, so
/// a response the exception handler clears and rewrites still gets them.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The UI runs no script at all. Styles come only from <c>/css/site.css</c> (no inline style or
    /// <c>style</c> attribute anywhere, the inline SVG charts included); images from the site or
    /// <c>data:</c> (the annual report's charts are inline PNGs). Forms post only to the site, no
    /// page may be framed, no plug-ins, no <c>&lt;base&gt;</c>.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The policy of this installation: with single sign-on the login and logout buttons post forms
    /// whose answer redirects to the identity provider, and <c>form-action</c> covers that redirect, so
    /// the providers' origins (of <c>Authentication:Oidc:Authority</c> and <c>Authentication:Citizen:Authority</c>) are allowed too.
    /// </summary>
    public static string PolicyFor(IConfiguration? config)
    {
        var origins = new[] { config?["Authentication:Oidc:Authority"], config?["Authentication:Citizen:Authority"] }
            .Select(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.GetLeftPart(UriPartial.Authority) : null)
            .OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return origins.Count == 0 ? ContentSecurityPolicy
            : ContentSecurityPolicy.Replace("form-action 'self'", "form-action 'self' " + string.Join(' ', origins), StringComparison.Ordinal);
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = PolicyFor(app.ApplicationServices.GetService<IConfiguration>());
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var (response, policy) = ((HttpResponse, string))state;
                var headers = response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer"; // the status link's token never leaves in a Referer
                headers.XFrameOptions = "DENY"; // frame-ancestors for browsers that predate it
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers.Remove("Server");
                return Task.CompletedTask;
            }, (context.Response, policy));
            return next(context);
        });
    }
}
