using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Tilsyn.Complaints;

namespace Tilsyn.Web.Complaints;

/// <summary>
/// The citizen's status link (<i>link til at følge sagen</i>) outside the database: builds its address,
/// and carries its token to the mail dispatcher. The link is only ever in the mail to the citizen (and
/// on the receipt page in the citizen's own browser): the journalised receipt, the search index and the
/// outbox's stored body hold <see cref="Placeholder"/> or a sentence instead, so staff cannot open a
/// citizen's page as the citizen.
/// </summary>
/// <remarks>
/// Only the token's SHA-256 is on the case, so the dispatcher needs the raw token from somewhere when it
/// sends. It travels on the outbox row, encrypted with ASP.NET Data Protection under its own purpose
/// (the same key ring as login cookies and CPR numbers, never readable from the database alone), and is
/// erased when the mail is sent. Generating the token at send time instead would break the receipt page,
/// which shows the link right after submission, and would let an outage of the mail server leave a case
/// without any working link.
/// </remarks>
public sealed class StatusLinks(IDataProtectionProvider protection, IConfiguration config, IServiceProvider services)
{
    /// <summary>Stands for the link in a stored mail body; replaced only while sending.</summary>
    public const string Placeholder = "{{statuslink}}";

    private const string Purpose = "Tilsyn.Mail.StatusLinkToken";
    private readonly IDataProtector protector = protection.CreateProtector(Purpose);

    /// <summary>What the journalised letter says where the template has <c>{{statuslink}}</c>.</summary>
    public static string InDocument(ComplaintCase c) =>
        !string.IsNullOrWhiteSpace(c.Citizen?.Email) ? "Link til at følge sagen er sendt til borgerens e-mail."
        : c.Channel == Channel.WebForm ? "Link til at følge sagen blev vist på kvitteringssiden, da henvendelsen blev sendt."
        : "Kontakt Borgerrådgiveren, hvis du vil have et link til at følge sagen.";

    /// <summary>What a mail says instead of a link that was revoked or replaced before the mail went out.</summary>
    public const string NoLongerValid = "(Linket er ikke længere gyldigt. Kontakt Borgerrådgiveren, hvis du vil have et nyt link til at følge sagen.)";

    public string Protect(string token) => protector.Protect(token);

    /// <summary>The token, or null when it cannot be read (keys lost or rotated out).</summary>
    public string? Unprotect(string protectedToken)
    {
        try { return protector.Unprotect(protectedToken); }
        catch (CryptographicException) { return null; }
    }

    public string Path(string token) => $"/status/{token}";

    public string Url(string token) => BaseUrl() + Path(token);

    /// <summary>
    /// <c>PublicBaseUrl</c>, never the request's Host header (a forged Host would send citizens'
    /// links to another site). Without it (development and the demo; production refuses to start):
    /// the first address the server listens on, a wildcard host read as <c>localhost</c>.
    /// </summary>
    public string BaseUrl()
    {
        var configured = config["PublicBaseUrl"];
        if (!string.IsNullOrWhiteSpace(configured)) return configured.Trim().TrimEnd('/');
        var first = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (first is null || !Uri.TryCreate(first.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var uri))
            return "http://localhost";
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return $"{uri.Scheme}://{host}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}";
    }

    /// <summary>The mail that carries a new link after staff reissued it; its body holds <see cref="Placeholder"/>.</summary>
    public static (string Subject, string Body) ReissueMail(ComplaintCase c) => (
        $"Nyt link til din sag {c.Number}",
        $"""
        Kære {c.Citizen?.Name}

        Borgerrådgiveren har lavet et nyt personligt link til din sag {c.Number} om "{c.Subject}". Det tidligere link virker ikke længere.

        Du kan følge sagen og læse vores breve her:

        {Placeholder}

        Linket giver adgang til din sag, så del det ikke med andre.

        Med venlig hilsen
        Borgerrådgiveren
        """);
}
