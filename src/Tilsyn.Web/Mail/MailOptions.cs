namespace Tilsyn.Web.Mail;

public sealed class MailOptions
{
    /// <summary>SMTP host; when empty, mails stay in the outbox (visible to the head of office) and are not sent.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary><c>None</c>, <c>StartTls</c>, <c>SslOnConnect</c> or <c>Auto</c>.</summary>
    public string Security { get; set; } = "Auto";
    public string From { get; set; } = "borgerraadgiveren@kommune.example";
    public string FromName { get; set; } = "Borgerrådgiveren";
    public int PollSeconds { get; set; } = 5;
}
