namespace Tilsyn.Web.AccessLogging;

/// <summary>
/// One line of the access log (<i>logning af adgang til personoplysninger</i>, GDPR art. 32):
/// who looked at or changed which case, who logged in, who changed whose access, when and from where.
/// Each line is chained to the one before it (<see cref="Sequence"/>, <see cref="Hash"/>; see <see cref="AccessLogChain"/>).
/// </summary>
public sealed class AccessLogEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; internal set; }
    public string? UserId { get; init; }
    public string UserName { get; init; } = "";
    public AccessAction Action { get; init; }
    public string? CaseNumber { get; init; }
    public string Detail { get; init; } = "";
    public string? RemoteAddress { get; init; }

    /// <summary>The line's place in the chain (1, 2, 3 …), set when it is written; null on lines written before the chain began.</summary>
    public long? Sequence { get; internal set; }

    /// <summary>SHA-256 (hex) over this line and the previous line's hash; null on lines written before the chain began.</summary>
    public string? Hash { get; internal set; }
}
