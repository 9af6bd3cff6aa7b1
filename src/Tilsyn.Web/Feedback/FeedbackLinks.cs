using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.Feedback;

/// <summary>
/// The survey link (<i>link til tilfredshedsundersøgelsen</i>) outside the database. Only the token's
/// SHA-256 is on the invitation; the mail in the outbox holds <see cref="Placeholder"/> and the token
/// encrypted with ASP.NET Data Protection under its own purpose (<see cref="Tilsyn.Web.Mail.OutgoingMail.ProtectedFeedbackToken"/>),
/// merged in by the dispatcher only while sending and erased once sent, exactly like the status link
/// (<see cref="StatusLinks"/>). The token never reaches a log, the journal or a stored mail body.
/// </summary>
public sealed class FeedbackLinks(IDataProtectionProvider protection, StatusLinks statusLinks)
{
    /// <summary>Stands for the link in a stored mail body; replaced only while sending.</summary>
    public const string Placeholder = "{{tilfredshedslink}}";

    /// <summary>What a mail says if its token can no longer be read (keys lost).</summary>
    public const string Unavailable = "(Linket kunne ikke dannes. Kontakt Borgerrådgiveren, hvis du vil svare på spørgeskemaet.)";

    private readonly IDataProtector protector = protection.CreateProtector("Tilsyn.Mail.FeedbackToken");

    public string Protect(string token) => protector.Protect(token);

    public string? Unprotect(string protectedToken)
    {
        try { return protector.Unprotect(protectedToken); }
        catch (CryptographicException) { return null; }
    }

    public static string Path(string token) => $"/offentlig/tilfredshed/{token}";

    /// <summary>Absolute, from <c>PublicBaseUrl</c> (never the request's Host header).</summary>
    public string Url(string token) => statusLinks.BaseUrl() + Path(token);

    /// <summary>The link to merge into a mail, or "" when the mail has no placeholder.</summary>
    public string For(Tilsyn.Web.Mail.OutgoingMail mail)
    {
        if (!mail.Body.Contains(Placeholder, StringComparison.Ordinal)) return "";
        return mail.ProtectedFeedbackToken is { } p && Unprotect(p) is { } token ? Url(token) : Unavailable;
    }

    /// <summary>The mail to the citizen; its body holds <see cref="Placeholder"/>, never the link.</summary>
    public static (string Subject, string Body) Mail(Tilsyn.Complaints.ComplaintCase c, DateTimeOffset expiresAt) => (
        "Hvordan oplevede du Borgerrådgiverens behandling?",
        $"""
        Kære {c.Citizen?.Name}

        Din sag {c.Number} hos Borgerrådgiveren er nu lukket. Vi vil gerne lære af, hvordan du oplevede behandlingen.

        Du kan svare på fem korte spørgsmål her (det tager et par minutter, og du skal ikke logge ind):

        {Placeholder}

        Dine svar er anonyme: de gemmes uden dit navn og uden sagen, og resultaterne vises kun samlet for mindst 5 svar.
        Linket kan bruges én gang og virker til og med {Tilsyn.Calendar.DanishTime.LocalDate(expiresAt).AddDays(-1).ToString("d. MMMM yyyy", Tilsyn.Calendar.DanishTime.Culture)}.

        Med venlig hilsen
        Borgerrådgiveren
        """);
}
