using System.Globalization;

namespace Tilsyn.Web.PublicSite;

/// <summary>
/// The settings behind the accessibility statement (<i>tilgængelighedserklæring</i>, webtilgængelighedsloven § 3):
/// where to report a problem (<c>PublicSite:ContactEmail</c>, <c>PublicSite:ContactPhone</c>) and the date the
/// statement was made or last reviewed (<c>PublicSite:AccessibilityStatementDate</c>, yyyy-MM-dd): a decision
/// somebody took, so a setting, never the day the page is shown.
/// </summary>
public sealed record AccessibilityStatement(string ContactEmail, string? ContactPhone, DateOnly? Date, string? SiteAddress)
{
    public const string DefaultContactEmail = "borgerraadgiveren@tilsyn.example";

    public static AccessibilityStatement From(IConfiguration config)
    {
        var email = config["PublicSite:ContactEmail"];
        var phone = config["PublicSite:ContactPhone"];
        DateOnly? date = DateOnly.TryParseExact(config["PublicSite:AccessibilityStatementDate"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var site = Uri.TryCreate(config["PublicBaseUrl"], UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
        return new(string.IsNullOrWhiteSpace(email) ? DefaultContactEmail : email.Trim(), string.IsNullOrWhiteSpace(phone) ? null : phone.Trim(), date, site);
    }
}
