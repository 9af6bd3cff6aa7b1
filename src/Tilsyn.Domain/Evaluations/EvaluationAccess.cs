using System.Linq.Expressions;
using Tilsyn.Identity;

namespace Tilsyn.Evaluations;

/// <summary>
/// Who may do what in FOKUS: an administration's contact reaches (reads and answers) only its own
/// administration's answer; the advisor's staff reach every answer and alone open rounds, reopen a
/// submitted answer, pick the meeting time and assess. Follows <see cref="DataScope"/>.
/// </summary>
public sealed class EvaluationAccess
{
    private readonly DataScope scope;
    private readonly bool staff;

    /// <param name="scope">The user's data scope (<see cref="DataScope.For"/>).</param>
    /// <param name="advisorStaff">Whether the user is one of the advisor's own staff (Advisor or AdvisorLead).</param>
    public EvaluationAccess(DataScope scope, bool advisorStaff) => (this.scope, staff) = (scope, advisorStaff);

    public static EvaluationAccess For(IEnumerable<string> roles, int? administrationId)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        return new(DataScope.For(set, administrationId), set.Contains(Roles.Advisor) || set.Contains(Roles.AdvisorLead));
    }

    /// <summary>Whether the user reaches this administration's answer (others answer 404).</summary>
    public bool MayAnswer(int administrationId) => scope.Covers(administrationId);

    /// <summary>The administration a contact's lists are limited to; null = all (staff).</summary>
    public int? OnlyAdministration => scope.AdministrationId;

    /// <summary>
    /// Whether the user sees <paramref name="administrationId"/>'s scores (the advisor's assessment) in
    /// <paramref name="round"/>: the advisor's staff always, an administration its own always, everybody
    /// else (other administrations, Leadership) only once the advisor has published the round's report.
    /// </summary>
    public bool MaySeeScores(EvaluationRound round, int administrationId) =>
        staff || round.IsReportPublished || (scope.AdministrationId is { } own && own == administrationId);

    /// <summary>Publishing a round's report: the advisor's staff only.</summary>
    public bool MayPublish => staff;

    /// <summary>Opening rounds, reopening, picking the meeting time and assessing: the advisor's staff only.</summary>
    public bool MayReview => staff;

    /// <summary>
    /// The committee status (<see cref="CommitteeStatus"/>) the user sees: a contact only its own
    /// administration's; everybody else who reaches the page every administration's.
    /// </summary>
    public Expression<Func<CommitteeStatus, bool>> VisibleCommitteeStatus
    {
        get
        {
            if (scope.AdministrationId is { } own) return s => s.AdministrationId == own;
            return s => true;
        }
    }

    /// <summary>The administration whose committee status the user writes; null = none (only a contact writes its own).</summary>
    public int? WritesCommitteeStatusFor => scope.AdministrationId;
}
