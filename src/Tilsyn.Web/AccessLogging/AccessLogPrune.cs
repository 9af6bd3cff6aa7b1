namespace Tilsyn.Web.AccessLogging;

/// <summary>
/// One pruning of the access log (<see cref="AccessLogRetention"/>): the lines older than their retention
/// were deleted from the start of the hash chain, through line <see cref="ThroughSequence"/>. Its
/// <see cref="ThroughHash"/> is the anchor the verifier starts from: the first kept line must chain to it.
/// </summary>
public sealed class AccessLogPrune
{
    public long Id { get; init; }

    /// <summary>When the lines were deleted.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The retention cut: lines written before this moment were due.</summary>
    public DateTimeOffset Before { get; init; }

    /// <summary>The last deleted line's place in the chain; null when only lines from before the chain were deleted.</summary>
    public long? ThroughSequence { get; init; }

    /// <summary>The last deleted line's hash: the "previous hash" of the first kept line.</summary>
    public string? ThroughHash { get; init; }

    /// <summary>How many lines were deleted.</summary>
    public int Deleted { get; init; }
}
