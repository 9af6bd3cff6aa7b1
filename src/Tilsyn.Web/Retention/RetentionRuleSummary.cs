using Tilsyn.Retention;
using Tilsyn.Web.Processing;

namespace Tilsyn.Web.Retention;

/// <summary>
/// The retention rules kept on /Retention as lines for the record of processing (art. 30), most specific first and
/// the default rule last: "Klage · KLE 27: 10 år efter sagens afslutning (P10Y), bevar (sagen afleveres til arkivet og slettes derefter)".
/// </summary>
public sealed class RetentionRuleSummary(RetentionQueries queries) : IRetentionRuleSummary
{
    public async Task<IReadOnlyList<string>> LinesAsync(CancellationToken ct)
    {
        var rules = await queries.RulesAsync(ct);
        return rules.Rules
            .OrderByDescending(r => r.Specificity).ThenBy(r => r.Scope, StringComparer.Ordinal)
            .Select(r => $"{r.Scope}: {r.ParsedPeriod.Describe()} efter sagens afslutning ({r.Period}), " +
                         $"{RetentionDispositions.Name(r.Disposition).ToLowerInvariant()} ({RetentionDispositions.Explain(r.Disposition)})")
            .ToList();
    }
}
