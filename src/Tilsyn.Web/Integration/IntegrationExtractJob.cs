namespace Tilsyn.Web.Integration;

public enum ExtractJobState
{
    Running = 1,
    Completed = 2,
    Failed = 3,
}

/// <summary>
/// An extract import started through the integration API, kept in the database so that any instance behind the
/// load balancer answers the client's poll (the import itself runs on the instance that received the file, in
/// <see cref="Extracts.ExtractJobs"/>). Only the client that started it may read it.
/// </summary>
public sealed class IntegrationExtractJob
{
    public Guid Id { get; init; }
    public int ClientId { get; init; }
    public string FileName { get; init; } = "";
    public string Source { get; init; } = "";
    public DateTimeOffset StartedAt { get; init; }
    public ExtractJobState State { get; set; } = ExtractJobState.Running;
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The import's report as JSON (<see cref="ExtractJobReport"/>), once completed.</summary>
    public string? Report { get; set; }
    public string? Failure { get; set; }
}

/// <summary>What the poll shows of an import's report (counts, errors by kind, the first errors with line and column).</summary>
public sealed record ExtractJobReport(bool Imported, string Message, long RowsRead, long RowsValid, long RowsInvalid,
    IReadOnlyDictionary<string, long> ErrorsByKind, IReadOnlyList<string> FirstErrors, int? ExtractId);
