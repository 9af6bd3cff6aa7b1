using QRCoder;

namespace Tilsyn.Web.Identity;

/// <summary>
/// What an authenticator app needs to enrol: the shared key (base32, shown in groups of four for
/// typing), the <c>otpauth://</c> address with issuer "Tilsyn" (RFC 6238: HMAC-SHA1, 30 seconds, six
/// digits, as Identity's authenticator provider checks them) and that address as a QR code (a PNG
/// data URI: the page's content security policy allows <c>data:</c> images, and it needs no script).
/// </summary>
public sealed record AuthenticatorEnrolment(string Key, string Uri, string QrCodeDataUri)
{
    public const string Issuer = "Tilsyn";

    public string KeyForTyping => string.Join(' ', Key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));

    public static AuthenticatorEnrolment For(string userName, string key)
    {
        var label = System.Uri.EscapeDataString(Issuer) + ":" + System.Uri.EscapeDataString(userName);
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new AuthenticatorEnrolment(key, uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }
}
