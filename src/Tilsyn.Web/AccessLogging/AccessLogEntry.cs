namespace Tilsyn.Web.AccessLogging;

/// <summary>
/// One line of the access log (<i>logning af adgang til personoplysninger</i>, GDPR art. 32):
/// who looked at or changed which case, when and from where.
/// </summary>
public sealed class AccessLogEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public string? UserId { get; init; }
    public string UserName { get; init; } = "";
    public AccessAction Action { get; init; }
    public string? CaseNumber { get; init; }
    public string Detail { get; init; } = "";
    public string? RemoteAddress { get; init; }
}
