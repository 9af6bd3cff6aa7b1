using System.Linq.Expressions;

namespace Tilsyn.Complaints;

/// <summary>A deadline (<i>frist</i>) that reminders and worklists follow.</summary>
public enum DeadlineKind
{
    /// <summary><i>Første svar til borgeren</i>: the advisor's own service goal on a citizen's case.</summary>
    FirstAnswer = 1,
    /// <summary><i>Udtalelse</i>: a statement an administration was asked for.</summary>
    Statement = 2,
    /// <summary><i>FOKUS-besvarelse</i>: an administration's answer to an evaluation round (not a case deadline; its reminders are stored alike).</summary>
    EvaluationAnswer = 3,
}

/// <summary>Who reads a deadline's name: the advisor's staff, or the administration's contact (who owes the statement).</summary>
public enum DeadlineAudience
{
    Advisor = 1,
    Contact = 2,
}

/// <summary>An open deadline of a case: its kind, its due date, and for a statement the administration that owes it.</summary>
public sealed record OpenDeadline(DeadlineKind Kind, DateOnly Due, int? AdministrationId = null)
{
    /// <summary>Overdue from the day after the due date (Copenhagen's today).</summary>
    public bool IsOverdue(DateOnly today) => today > Due;

    /// <summary>Due on or before <paramref name="day"/>: "due by tomorrow" is <c>IsDueBy(today.AddDays(1))</c>.</summary>
    public bool IsDueBy(DateOnly day) => Due <= day;
}

/// <summary>An open deadline as a database row (<see cref="CaseDeadlines.OpenDeadlines"/>), for lists, the worklist and reminders.</summary>
public sealed class CaseDeadline
{
    public int CaseId { get; init; }
    public DeadlineKind Kind { get; init; }
    public DateOnly Due { get; init; }
    public int? AdministrationId { get; init; }

    /// <summary>The row as the deadline it stands for.</summary>
    public OpenDeadline ToOpen() => new(Kind, Due, AdministrationId);

    /// <summary><see cref="OpenDeadline.IsDueBy"/> as an expression a database can run.</summary>
    public static Expression<Func<CaseDeadline, bool>> DueBy(DateOnly day) => d => d.Due <= day;
}

/// <summary>
/// The one rule for which deadlines of a case are open and when they are due: while the case is
/// open (<see cref="CaseWorkflow.IsOpen"/>), the first answer to the citizen until it is given (not
/// on the advisor's own-initiative cases, nor on an administration's linked entry for a complaint the
/// advisor answers), and every statement request until it is answered. The
/// same rule is given as pure code (<see cref="Open(ComplaintCase)"/>) and as expressions a database
/// can run (<see cref="OpenCase"/>, <see cref="HasDeadlineDueBy"/>, <see cref="OpenDeadlines"/>).
/// </summary>
public static class CaseDeadlines
{
    /// <summary><see cref="CaseWorkflow.IsOpen"/> as an expression, built from the same list of finished statuses.</summary>
    public static readonly Expression<Func<ComplaintCase, bool>> OpenCase = BuildOpenCase();

    /// <summary>The case waits for its first answer to the citizen.</summary>
    public static readonly Expression<Func<ComplaintCase, bool>> AwaitsFirstAnswer =
        And(OpenCase, c => c.FirstAnsweredAt == null && c.Type != CaseType.OwnInitiative && c.LinkedAdvisorCaseId == null);

    /// <summary>The danish name of a deadline kind, for the advisor or for the administration's contact.</summary>
    public static string Name(DeadlineKind kind, DeadlineAudience audience = DeadlineAudience.Advisor) => (kind, audience) switch
    {
        (DeadlineKind.FirstAnswer, _) => "Første svar til borgeren",
        (DeadlineKind.Statement, DeadlineAudience.Contact) => "Udtalelse til Borgerrådgiveren",
        (DeadlineKind.Statement, _) => "Udtalelse fra forvaltningen",
        (DeadlineKind.EvaluationAnswer, _) => "FOKUS-besvarelse",
        _ => kind.ToString(),
    };

    /// <summary>The short name for a list column.</summary>
    public static string ShortName(DeadlineKind kind) => kind switch
    {
        DeadlineKind.FirstAnswer => "Første svar",
        DeadlineKind.Statement => "Udtalelse",
        _ => Name(kind),
    };

    public static IReadOnlyList<OpenDeadline> Open(ComplaintCase c) => c.IsLinkedEntry ? [] :
        Open(c.Status, c.Type, c.FirstAnswerDue, c.FirstAnsweredAt, c.StatementRequests.Where(r => !r.IsAnswered).Select(r => (r.DueDate, r.AdministrationId)));

    /// <summary>The open deadline of one statement request of the case, or null when it is answered or the case is finished.</summary>
    public static OpenDeadline? Open(ComplaintCase c, StatementRequest request) =>
        request.IsAnswered ? null
            : Open(c.Status, c.Type, c.FirstAnswerDue, c.FirstAnsweredAt, [(request.DueDate, request.AdministrationId)]).FirstOrDefault(d => d.Kind == DeadlineKind.Statement);

    /// <summary>The open first-answer deadline of the case, or null.</summary>
    public static OpenDeadline? FirstAnswer(IEnumerable<OpenDeadline> open) => open.FirstOrDefault(d => d.Kind == DeadlineKind.FirstAnswer);

    /// <summary>The rule itself, over the facts it needs, first answer first, then statements by due date.</summary>
    public static IReadOnlyList<OpenDeadline> Open(CaseStatus status, CaseType type, DateOnly firstAnswerDue, DateTimeOffset? firstAnsweredAt,
        IEnumerable<(DateOnly Due, int AdministrationId)> unansweredStatements)
    {
        if (!CaseWorkflow.IsOpen(status)) return [];
        var open = new List<OpenDeadline>();
        if (firstAnsweredAt is null && type != CaseType.OwnInitiative) open.Add(new(DeadlineKind.FirstAnswer, firstAnswerDue));
        open.AddRange(unansweredStatements.OrderBy(s => s.Due).Select(s => new OpenDeadline(DeadlineKind.Statement, s.Due, s.AdministrationId)));
        return open;
    }

    /// <summary>The deadline due first (the first answer on a tie), or null.</summary>
    public static OpenDeadline? Next(IEnumerable<OpenDeadline> open) => open.OrderBy(d => d.Due).ThenBy(d => d.Kind).FirstOrDefault();

    /// <summary>The case has an open deadline due on or before <paramref name="day"/> (overdue: the day before today).</summary>
    public static Expression<Func<ComplaintCase, bool>> HasDeadlineDueBy(DateOnly day) =>
        And(OpenCase, c => (c.FirstAnsweredAt == null && c.Type != CaseType.OwnInitiative && c.LinkedAdvisorCaseId == null && c.FirstAnswerDue <= day)
            || c.StatementRequests.Any(r => r.AnsweredAt == null && r.DueDate <= day));

    /// <summary>Every open deadline of the cases as one row each: the rule as a query the database runs.</summary>
    public static IQueryable<CaseDeadline> OpenDeadlines(this IQueryable<ComplaintCase> cases) =>
        cases.Where(AwaitsFirstAnswer)
            .Select(c => new CaseDeadline { CaseId = c.Id, Kind = DeadlineKind.FirstAnswer, Due = c.FirstAnswerDue, AdministrationId = null })
            .Concat(cases.Where(OpenCase).SelectMany(c => c.StatementRequests.Where(r => r.AnsweredAt == null),
                (c, r) => new CaseDeadline { CaseId = c.Id, Kind = DeadlineKind.Statement, Due = r.DueDate, AdministrationId = r.AdministrationId }));

    private static Expression<Func<ComplaintCase, bool>> BuildOpenCase()
    {
        var c = Expression.Parameter(typeof(ComplaintCase), "c");
        var status = Expression.Property(c, nameof(ComplaintCase.Status));
        Expression body = Expression.Constant(true);
        foreach (var finished in CaseWorkflow.Finished)
            body = Expression.AndAlso(body, Expression.NotEqual(status, Expression.Constant(finished)));
        return Expression.Lambda<Func<ComplaintCase, bool>>(body, c);
    }

    private static Expression<Func<ComplaintCase, bool>> And(Expression<Func<ComplaintCase, bool>> a, Expression<Func<ComplaintCase, bool>> b)
    {
        var body = new Rebind(b.Parameters[0], a.Parameters[0]).Visit(b.Body);
        return Expression.Lambda<Func<ComplaintCase, bool>>(Expression.AndAlso(a.Body, body), a.Parameters[0]);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
