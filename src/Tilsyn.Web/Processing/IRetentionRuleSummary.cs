namespace Tilsyn.Web.Processing;

/// <summary>
/// The retention rules (<i>slettefrister</i>) as lines of text for the record of processing, e.g.
/// "Standard: 5 år efter sagens afslutning, kassation". Implemented by the retention feature, which owns the rules.
/// </summary>
public interface IRetentionRuleSummary
{
    Task<IReadOnlyList<string>> LinesAsync(CancellationToken ct);
}
