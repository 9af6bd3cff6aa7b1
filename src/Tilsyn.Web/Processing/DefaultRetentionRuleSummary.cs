namespace Tilsyn.Web.Processing;

/// <summary>The default rule alone, for as long as no retention rules are kept: five years after closure, then deletion.</summary>
public sealed class DefaultRetentionRuleSummary : IRetentionRuleSummary
{
    public const string DefaultRule = "Alle sager (standardregel): 5 år efter sagens afslutning, kassation";

    public Task<IReadOnlyList<string>> LinesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([DefaultRule]);
}
