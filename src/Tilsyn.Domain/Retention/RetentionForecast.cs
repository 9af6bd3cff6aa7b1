using Tilsyn.Complaints;

namespace Tilsyn.Retention;

/// <summary>
/// Per rule, how many cases fall due (<i>forfalder til sletning</i>): already due, and not yet due but due within
/// the next 30, 90 and 365 days (each count includes the shorter ones). Cases on legal hold (due or due
/// within a year) are counted apart: they will not be deleted while the hold lasts.
/// </summary>
public static class RetentionForecast
{
    /// <summary>A finished case not yet deleted, as the forecast needs it (no personal data).</summary>
    public sealed record Candidate(int CaseId, CaseType Type, string? KleCode, CaseStatus Status, DateTimeOffset? ConcludedAt, DateTimeOffset? ClosedAt, bool OnHold);

    public sealed record Row(RetentionRule Rule, int AlreadyDue, int Within30, int Within90, int Within365, int OnHold);

    public static readonly int[] Horizons = [30, 90, 365];

    public static IReadOnlyList<Row> Count(RetentionRuleSet rules, IEnumerable<Candidate> cases, DateOnly today)
    {
        var all = rules.Rules.Contains(rules.Default) ? rules.Rules : [.. rules.Rules, rules.Default];
        var counts = all.ToDictionary(r => r, _ => new int[5]);
        var periods = all.ToDictionary(r => r, r => r.ParsedPeriod);
        var horizon = today.AddDays(Horizons[^1]);
        foreach (var c in cases)
        {
            var rule = rules.For(c.Type, c.KleCode);
            if (CaseRetention.DueOn(c.Status, c.ConcludedAt, c.ClosedAt, periods[rule]) is not { } due || due > horizon) continue;
            var n = counts[rule];
            if (c.OnHold) n[4]++;
            else if (due <= today) n[0]++;
            else
            {
                if (due <= today.AddDays(Horizons[0])) n[1]++;
                if (due <= today.AddDays(Horizons[1])) n[2]++;
                n[3]++;
            }
        }
        return all.Select(r => new Row(r, counts[r][0], counts[r][1], counts[r][2], counts[r][3], counts[r][4])).ToList();
    }
}
