using System.Security.Claims;
using Microsoft.Extensions.Options;
using Tilsyn.Feedback;
using Tilsyn.Statistics;
using Tilsyn.Web.Statistics;

namespace Tilsyn.Web.Feedback;

/// <summary>
/// The survey's results as people see them: per administration × half-year, groups below the minimum
/// suppressed (<see cref="FeedbackResults"/>). Scores per administration are management information:
/// every role that sees the statistics page sees them for every administration, as the other
/// administration-level figures. Approved comments (never pending or withheld ones) are shown only in
/// groups that pass the minimum, to the advisor's staff and leadership for all administrations and to
/// a contact only for its own (like the per-unit figures, <see cref="StatisticsAccess"/>).
/// </summary>
public sealed class FeedbackQueries(TilsynDbContext db, IOptions<FeedbackOptions> options)
{
    public int Minimum => options.Value.Minimum;

    public sealed record Result(IReadOnlyList<FeedbackGroup> Groups, IReadOnlyDictionary<int, string> AdministrationNames,
        IReadOnlyDictionary<(int? AdministrationId, int HalfYearKey), IReadOnlyList<string>> Comments, int Minimum)
    {
        public string Name(int? administrationId) =>
            administrationId is { } a && AdministrationNames.TryGetValue(a, out var n) ? n : "Forvaltning ikke angivet";

        public IReadOnlyList<string> CommentsOf(FeedbackGroup g) =>
            g.Suppressed ? [] : Comments.GetValueOrDefault((g.AdministrationId, g.HalfYear.Key), []);
    }

    /// <summary>The results of the half-years from <paramref name="fromKey"/> to <paramref name="toKey"/> (inclusive), for this user.</summary>
    public async Task<Result> ResultsAsync(ClaimsPrincipal user, int fromKey, int toKey, CancellationToken ct) =>
        await ResultsAsync(StatisticsQueries.Access(user), fromKey, toKey, ct);

    /// <summary>The results for a reader who may see every administration's comments (the annual report).</summary>
    public Task<Result> ResultsForReportAsync(int year, CancellationToken ct) =>
        ResultsAsync(StatisticsAccess.For([Tilsyn.Identity.Roles.Leadership], null), year * 10 + 1, year * 10 + 2, ct);

    private async Task<Result> ResultsAsync(StatisticsAccess access, int fromKey, int toKey, CancellationToken ct)
    {
        var scores = await db.Set<FeedbackAnswer>().AsNoTracking()
            .Where(a => a.HalfYearKey >= fromKey && a.HalfYearKey <= toKey)
            .Select(a => new FeedbackScores(a.AdministrationId, a.HalfYearKey, a.EasyToComplain, a.ClearHandling, a.QuickEnough, a.TreatedWell, a.Overall))
            .ToListAsync(ct);
        var groups = FeedbackResults.Groups(scores, Minimum);
        var shown = groups.Where(g => !g.Suppressed).Select(g => (g.AdministrationId, g.HalfYear.Key)).ToHashSet();
        var approved = await db.Set<FeedbackAnswer>().AsNoTracking()
            .Where(a => a.HalfYearKey >= fromKey && a.HalfYearKey <= toKey && a.CommentState == CommentState.Approved && a.ApprovedComment != null)
            .Select(a => new { a.AdministrationId, a.HalfYearKey, a.ApprovedComment })
            .ToListAsync(ct);
        var comments = approved
            .Where(a => shown.Contains((a.AdministrationId, a.HalfYearKey)))
            .Where(a => access.SeesAllUnits || (a.AdministrationId is { } id && access.MaySeeUnitsOf(id)))
            .GroupBy(a => (a.AdministrationId, a.HalfYearKey))
            // Sorted by text, not by storage order: nothing about when each was written.
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(a => a.ApprovedComment!).Order(StringComparer.Ordinal).ToList());
        var names = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return new Result(groups, names, comments, Minimum);
    }
}
