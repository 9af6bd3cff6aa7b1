using Tilsyn.Complaints;

namespace Tilsyn.Tests.Complaints;

public sealed class CaseDeadlinesTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Advisor = new("u1", "Sara Holm");
    private static readonly DateOnly FirstAnswerDue = new(2026, 3, 16);

    private static ComplaintCase NewCase(CaseType type = CaseType.Complaint) =>
        new(2026, 7, type, type == CaseType.OwnInitiative ? Channel.Internal : Channel.WebForm,
            type == CaseType.OwnInitiative ? null : new Citizen("Anna Hansen", null, null, null, null, null),
            "Emne", "Beskrivelse", Monday, FirstAnswerDue, Actor.Citizen);

    private static ComplaintCase UnderReview(CaseType type = CaseType.Complaint)
    {
        var c = NewCase(type);
        c.Classify(type, 4, null, null, type == CaseType.Complaint ? [ComplaintCategory.Hearing] : [], Monday, Advisor);
        c.StartReview(Monday, Advisor);
        return c;
    }

    /// <summary>Cases in the situations the rule tells apart.</summary>
    public static TheoryData<string> Situations => ["received", "answered", "own initiative", "statement", "two statements", "statement answered", "concluded with statement open", "rejected"];

    private static ComplaintCase In(string situation)
    {
        switch (situation)
        {
            case "received": return NewCase();
            case "answered":
            {
                var c = UnderReview();
                c.RecordFirstAnswer(Monday, Advisor);
                return c;
            }
            case "own initiative": return UnderReview(CaseType.OwnInitiative);
            case "statement":
            {
                var c = UnderReview();
                c.RequestStatement("?", new DateOnly(2026, 3, 10), Monday, Advisor);
                return c;
            }
            case "two statements":
            {
                var c = UnderReview();
                var first = c.RequestStatement("?", new DateOnly(2026, 3, 20), Monday, Advisor);
                c.ReceiveStatement(first, "svar", Monday.AddDays(1), Advisor);
                c.RequestStatement("Mere?", new DateOnly(2026, 3, 12), Monday.AddDays(2), Advisor);
                return c;
            }
            case "statement answered":
            {
                var c = UnderReview();
                var r = c.RequestStatement("?", new DateOnly(2026, 3, 10), Monday, Advisor);
                c.ReceiveStatement(r, "svar", Monday.AddDays(1), Advisor);
                return c;
            }
            case "concluded with statement open":
            {
                var c = UnderReview();
                c.RequestStatement("?", new DateOnly(2026, 3, 10), Monday, Advisor);
                c.Conclude(Outcome.NoCriticism, [], "Ingen kritik.", null, "Resumé", Monday.AddDays(3), Advisor);
                return c;
            }
            case "rejected":
            {
                var c = NewCase();
                c.Reject("Uden for kompetence", Monday, Advisor);
                return c;
            }
            default: throw new ArgumentOutOfRangeException(nameof(situation));
        }
    }

    [Fact]
    public void A_new_citizens_case_waits_for_its_first_answer()
    {
        Assert.Equal([new OpenDeadline(DeadlineKind.FirstAnswer, FirstAnswerDue)], CaseDeadlines.Open(In("received")));
    }

    [Fact]
    public void The_first_answer_stops_its_deadline_and_own_initiative_cases_have_none()
    {
        Assert.Empty(CaseDeadlines.Open(In("answered")));
        Assert.Empty(CaseDeadlines.Open(In("own initiative")));
    }

    [Fact]
    public void An_unanswered_statement_request_is_open_with_its_administration_and_an_answered_one_is_not()
    {
        Assert.Equal([new(DeadlineKind.FirstAnswer, FirstAnswerDue), new(DeadlineKind.Statement, new DateOnly(2026, 3, 10), 4)], CaseDeadlines.Open(In("statement")));
        Assert.Equal([new OpenDeadline(DeadlineKind.FirstAnswer, FirstAnswerDue)], CaseDeadlines.Open(In("statement answered")));
    }

    [Fact]
    public void A_finished_case_has_no_open_deadlines_even_with_a_statement_unanswered()
    {
        Assert.Empty(CaseDeadlines.Open(In("concluded with statement open")));
        Assert.Empty(CaseDeadlines.Open(In("rejected")));
    }

    [Fact]
    public void The_next_deadline_is_the_earliest_and_overdue_starts_the_day_after_it()
    {
        var next = CaseDeadlines.Next(CaseDeadlines.Open(In("two statements")))!;
        Assert.Equal(new OpenDeadline(DeadlineKind.Statement, new DateOnly(2026, 3, 12), 4), next);
        Assert.False(next.IsOverdue(new DateOnly(2026, 3, 12)));
        Assert.True(next.IsOverdue(new DateOnly(2026, 3, 13)));
        Assert.Null(CaseDeadlines.Next([]));
    }

    [Theory]
    [MemberData(nameof(Situations))]
    public void The_query_forms_of_the_rule_agree_with_the_rule(string situation)
    {
        var c = In(situation);
        var rows = new[] { c }.AsQueryable().OpenDeadlines().ToList();
        Assert.Equal(CaseDeadlines.Open(c).OrderBy(d => d.Due), rows.Select(r => new OpenDeadline(r.Kind, r.Due, r.AdministrationId)).OrderBy(d => d.Due));
        Assert.Equal(CaseWorkflow.IsOpen(c.Status), CaseDeadlines.OpenCase.Compile()(c));
        for (var day = new DateOnly(2026, 3, 1); day <= new DateOnly(2026, 3, 31); day = day.AddDays(1))
            Assert.Equal(CaseDeadlines.Open(c).Any(d => d.Due <= day), CaseDeadlines.HasDeadlineDueBy(day).Compile()(c));
    }

    [Fact]
    public void A_deadline_is_due_by_its_due_date_and_any_later_day()
    {
        var d = new OpenDeadline(DeadlineKind.Statement, new DateOnly(2026, 3, 12), 4);
        Assert.False(d.IsDueBy(new DateOnly(2026, 3, 11)));
        Assert.True(d.IsDueBy(new DateOnly(2026, 3, 12)));
        Assert.True(d.IsDueBy(new DateOnly(2026, 3, 13)));
        var row = new CaseDeadline { CaseId = 1, Kind = d.Kind, Due = d.Due, AdministrationId = 4 };
        Assert.Equal(d, row.ToOpen());
        for (var day = new DateOnly(2026, 3, 10); day <= new DateOnly(2026, 3, 14); day = day.AddDays(1))
            Assert.Equal(d.IsDueBy(day), CaseDeadline.DueBy(day).Compile()(row));
    }

    [Fact]
    public void A_statement_request_has_an_open_deadline_only_while_unanswered_on_an_open_case()
    {
        var open = In("statement");
        Assert.Equal(new OpenDeadline(DeadlineKind.Statement, new DateOnly(2026, 3, 10), 4), CaseDeadlines.Open(open, open.StatementRequests.Single()));
        var answered = In("statement answered");
        Assert.Null(CaseDeadlines.Open(answered, answered.StatementRequests.Single()));
        var concluded = In("concluded with statement open");
        Assert.Null(CaseDeadlines.Open(concluded, concluded.StatementRequests.Single()));
    }

    [Fact]
    public void The_first_answer_deadline_is_found_among_the_open_ones()
    {
        Assert.Equal(new OpenDeadline(DeadlineKind.FirstAnswer, FirstAnswerDue), CaseDeadlines.FirstAnswer(CaseDeadlines.Open(In("statement"))));
        Assert.Null(CaseDeadlines.FirstAnswer(CaseDeadlines.Open(In("answered"))));
        Assert.Null(CaseDeadlines.FirstAnswer(CaseDeadlines.Open(In("concluded with statement open"))));
    }

    [Fact]
    public void Every_status_is_open_except_the_finished_ones()
    {
        foreach (var s in Enum.GetValues<CaseStatus>())
            Assert.Equal(s is not (CaseStatus.Concluded or CaseStatus.Closed or CaseStatus.Rejected or CaseStatus.Forwarded), CaseWorkflow.IsOpen(s));
    }

    [Fact]
    public void Deadlines_have_Danish_names_for_the_advisor_and_the_contact()
    {
        Assert.Equal("Første svar til borgeren", CaseDeadlines.Name(DeadlineKind.FirstAnswer));
        Assert.Equal("Udtalelse fra forvaltningen", CaseDeadlines.Name(DeadlineKind.Statement, DeadlineAudience.Advisor));
        Assert.Equal("Udtalelse til Borgerrådgiveren", CaseDeadlines.Name(DeadlineKind.Statement, DeadlineAudience.Contact));
        Assert.Equal("Første svar", CaseDeadlines.ShortName(DeadlineKind.FirstAnswer));
    }
}
