using MailKit.Security;

namespace Tilsyn.Web.Mail;

public sealed class MailOptions
{
    /// <summary>SMTP host; when empty, mails stay in the outbox (visible to the head of office) and are not sent.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>
    /// <c>StartTls</c> (default: the connection must be upgraded to TLS, or nothing is sent),
    /// <c>SslOnConnect</c> (TLS from the first byte, usually port 465), or <c>None</c> (plain text:
    /// only when set explicitly, e.g. a relay on the same host or a test server). <c>Auto</c> means
    /// <c>SslOnConnect</c> on port 465 and required <c>StartTls</c> elsewhere: never a silent fall-back to plain text.
    /// </summary>
    public string Security { get; set; } = "StartTls";
    public string From { get; set; } = "borgerraadgiveren@kommune.example";
    public string FromName { get; set; } = "Borgerrådgiveren";
    public int PollSeconds { get; set; } = 5;

    public const string SecurityError = "Mail:Security skal være StartTls (standard), SslOnConnect eller None.";

    /// <summary>MailKit's setting for <see cref="Security"/>; null for an unknown value (the host refuses to start).</summary>
    public SecureSocketOptions? SocketOptions() => Security.Trim().ToLowerInvariant() switch
    {
        "starttls" => SecureSocketOptions.StartTls,
        "sslonconnect" => SecureSocketOptions.SslOnConnect,
        "none" => SecureSocketOptions.None,
        "auto" => Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls,
        _ => null,
    };
}
