using Tilsyn.Evaluations;
using Tilsyn.Identity;

namespace Tilsyn.Tests.Evaluations;

public sealed class EvaluationRoundTests
{
    private static readonly DateOnly Today = new(2027, 2, 1);
    private static readonly DateTimeOffset Now = new(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);

    private static EvaluationRound Open(int year, params EvaluationRound[] existing) =>
        EvaluationRound.Open(year, new DateOnly(year, 3, 15), existing, new DateOnly(year, 2, 1), Now, "Borgerrådgiveren");

    private static MeetingSlot[] Slots() => Enumerable.Range(1, 3).Select(i => new MeetingSlot(Now.AddDays(30 + i), TimeSpan.FromHours(1))).ToArray();

    [Fact]
    public void A_round_is_opened_once_a_year()
    {
        var first = Open(2027);
        Assert.Equal(2027, first.Year);
        Assert.Equal(new DateOnly(2027, 3, 15), first.Deadline);
        Assert.Equal("Der er allerede en FOKUS-runde for 2027.", Assert.Throws<DomainException>(() => Open(2027, first)).Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void The_deadline_must_lie_after_today(int daysFromToday) =>
        Assert.Equal("Svarfristen skal ligge efter i dag.",
            Assert.Throws<DomainException>(() => EvaluationRound.Open(2027, Today.AddDays(daysFromToday), [], Today, Now, "x")).Message);

    [Fact]
    public void The_first_round_gets_the_standard_scheme_and_a_later_one_a_copy_of_the_latest_earlier_rounds()
    {
        var first = Open(2013);
        Assert.Equal(["A", "B", "C", "D", "E", "F", "G"], first.Scheme.Sections.Select(s => s.Letter));
        first.ReviseScheme(first.Scheme.WithSection(new Section("H", "Digital selvbetjening", [new Question("H1", "Hvordan?", QuestionKind.FreeText)])));
        var later = Open(2015, first);
        Assert.Equal(["A", "B", "C", "D", "E", "F", "G", "H"], later.Scheme.Sections.Select(s => s.Letter));
        Assert.NotSame(first.Scheme, later.Scheme);
        // A round opened for an earlier year does not start from a later round's scheme.
        Assert.Equal(7, Open(2011, first, later).Scheme.Sections.Count);
    }

    [Fact]
    public void A_round_is_overdue_from_the_day_after_its_deadline()
    {
        var round = Open(2027);
        Assert.False(round.IsOverdue(new DateOnly(2027, 3, 15)));
        Assert.True(round.IsOverdue(new DateOnly(2027, 3, 16)));
    }

    [Fact]
    public void A_stored_answer_starts_as_its_administrations_draft_on_the_rounds_scheme()
    {
        var round = Open(2027);
        var record = new EvaluationAnswerRecord(round, 4, Now);
        Assert.Equal(4, record.AdministrationId);
        Assert.Equal(AnswerStatus.Draft, record.Status);
        Assert.Null(record.Assessment);
        var answer = record.AnswerOn(round);
        Assert.Equal(4, answer.AdministrationId);
        Assert.Same(round.Scheme, answer.Scheme);
    }

    [Fact]
    public void The_stored_status_moves_draft_submitted_reopened_only_through_the_answers_own_methods()
    {
        var round = Open(2027);
        var record = new EvaluationAnswerRecord(round, 4, Now);
        var answer = record.AnswerOn(round);
        answer.Submit("Hermed besvarelsen.", Slots(), ["Direktør <d@kk.example>"], Now, "BUF");
        record.Store(answer, Now);
        Assert.Equal(AnswerStatus.Submitted, record.Status);

        var locked = record.AnswerOn(round);
        Assert.Throws<DomainException>(() => locked.Answer("A1", "ændret"));
        Assert.Throws<DomainException>(() => locked.Reopen(" ", Now, "Borgerrådgiveren"));
        locked.Reopen("Afsnit B mangler opfølgning.", Now.AddDays(1), "Borgerrådgiveren");
        record.Store(locked, Now.AddDays(1));
        Assert.Equal(AnswerStatus.Draft, record.Status);
        Assert.Equal(Now.AddDays(1), record.UpdatedAt);
        Assert.Contains(record.AnswerOn(round).History, h => h.Contains("genåbnet: Afsnit B mangler opfølgning."));
    }

    [Fact]
    public void Another_administrations_answer_cannot_be_stored_in_the_record()
    {
        var round = Open(2027);
        var record = new EvaluationAnswerRecord(round, 4, Now);
        Assert.Equal("Besvarelsen tilhører en anden forvaltning.",
            Assert.Throws<DomainException>(() => record.Store(new EvaluationAnswer(5, round.Scheme), Now)).Message);
    }

    [Fact]
    public void The_meeting_time_is_picked_among_the_proposed_ones_once_the_answer_is_submitted()
    {
        var round = Open(2027);
        var answer = new EvaluationAnswer(4, round.Scheme);
        Assert.Equal("Mødetidspunktet vælges, når besvarelsen er indsendt.", Assert.Throws<DomainException>(() => answer.ChooseMeeting(0, Now, "Borgerrådgiveren")).Message);
        answer.Submit("Hermed besvarelsen.", Slots(), ["Direktør <d@kk.example>"], Now, "BUF");
        Assert.Throws<DomainException>(() => answer.ChooseMeeting(3, Now, "Borgerrådgiveren"));
        Assert.Throws<DomainException>(() => answer.ChooseMeeting(-1, Now, "Borgerrådgiveren"));
        var chosen = answer.ChooseMeeting(1, Now, "Borgerrådgiveren");
        Assert.Equal(Slots()[1], chosen);
        Assert.Equal(chosen, answer.ChosenSlot);
    }

    [Fact]
    public void Only_a_submitted_answer_is_assessed_and_a_refused_assessment_leaves_the_stored_one_unchanged()
    {
        var round = Open(2027);
        var record = new EvaluationAnswerRecord(round, 4, Now);
        Assert.Equal("Besvarelsen vurderes, når den er indsendt.", Assert.Throws<DomainException>(() => record.StartAssessment()).Message);
        Assert.Throws<DomainException>(() => record.Assess(new EvaluationAssessment(), Now));

        var answer = record.AnswerOn(round);
        answer.Submit("Hermed besvarelsen.", Slots(), ["Direktør <d@kk.example>"], Now, "BUF");
        record.Store(answer, Now);
        var assessment = record.StartAssessment();
        assessment.AssessSection(round.Scheme, "A", 3, "God forankring");
        record.Assess(assessment, Now.AddDays(5));
        Assert.Equal(3, record.Assessment!.Sections["A"].Value);

        var refused = record.StartAssessment();
        refused.AssessSection(round.Scheme, "A", 1, null);
        Assert.Throws<DomainException>(() => refused.AssessOverall(9, null));
        Assert.Equal(3, record.Assessment.Sections["A"].Value); // the copy was changed, not the stored assessment

        answer.Reopen("Mangler bilag.", Now.AddDays(6), "Borgerrådgiveren");
        record.Store(answer, Now.AddDays(6));
        Assert.Throws<DomainException>(() => record.StartAssessment());
    }

    [Theory]
    [InlineData(Roles.Advisor, null, 4, true, true)]
    [InlineData(Roles.AdvisorLead, null, 5, true, true)]
    [InlineData(Roles.AdministrationContact, 4, 4, true, false)]
    [InlineData(Roles.AdministrationContact, 4, 5, false, false)]
    [InlineData(Roles.AdministrationContact, null, 4, false, false)]
    [InlineData(Roles.Leadership, null, 4, false, false)]
    public void A_contact_reaches_only_its_own_administrations_answer_and_only_the_advisors_staff_review(
        string role, int? own, int administration, bool mayAnswer, bool mayReview)
    {
        var access = EvaluationAccess.For([role], own);
        Assert.Equal(mayAnswer, access.MayAnswer(administration));
        Assert.Equal(mayReview, access.MayReview);
        Assert.Equal(role == Roles.AdministrationContact ? own : null, access.OnlyAdministration);
    }

    [Theory]
    [InlineData(Roles.Advisor, null, 5, true, true)]
    [InlineData(Roles.AdministrationContact, 5, 5, true, true)]
    [InlineData(Roles.AdministrationContact, 4, 5, false, true)]
    [InlineData(Roles.Leadership, null, 5, false, true)]
    [InlineData("Unknown", null, 5, false, true)]
    public void An_administrations_scores_are_seen_by_others_only_after_the_advisor_publishes_the_rounds_report(
        string role, int? own, int administration, bool beforePublication, bool afterPublication)
    {
        var access = EvaluationAccess.For([role], own);
        var round = Open(2027);
        Assert.Equal(beforePublication, access.MaySeeScores(round, administration));
        round.PublishReport(Now, "Borgerrådgiveren");
        Assert.Equal(afterPublication, access.MaySeeScores(round, administration));
        Assert.Equal(role == Roles.Advisor, access.MayPublish);
    }

    [Fact]
    public void A_rounds_report_is_published_once()
    {
        var round = Open(2027);
        round.PublishReport(Now, "Borgerrådgiveren");
        Assert.Equal(Now, round.ReportPublishedAt);
        Assert.Contains("allerede offentliggjort", Assert.Throws<DomainException>(() => round.PublishReport(Now, "x")).Message);
    }
}

public sealed class EvaluationTextLimitTests
{
    private static readonly DateTimeOffset Now = new(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);
    private static MeetingSlot[] Slots() => Enumerable.Range(1, 3).Select(i => new MeetingSlot(Now.AddDays(30 + i), TimeSpan.FromHours(1))).ToArray();

    [Fact]
    public void A_too_long_answer_cover_letter_scope_or_reason_is_refused_naming_the_limit_never_cut()
    {
        var a = new EvaluationAnswer(4, EvaluationRound.StandardScheme);
        Assert.Equal("Feltet 'Svar' må højst være 20000 tegn langt; teksten er 20001 tegn.", Assert.Throws<DomainException>(() => a.Answer("A1", new string('x', 20_001))).Message);
        a.Answer("A1", new string('x', 20_000));
        Assert.Equal(20_000, a.Text("A1")!.Length);
        Assert.Contains("'Aftalt afgrænsning' må højst være 2000 tegn", Assert.Throws<DomainException>(() => a.SetScope(new string('x', 2001), Now, "BUF")).Message);
        Assert.Contains("'Følgebrev' må højst være 20000 tegn", Assert.Throws<DomainException>(() => a.Submit(new string('x', 20_001), Slots(), ["Direktør"], Now, "BUF")).Message);
        Assert.Equal(AnswerStatus.Draft, a.Status);
        a.Submit("Følgebrev", Slots(), ["Direktør"], Now, "BUF");
        Assert.Contains("'Begrundelse for genåbning' må højst være 2000 tegn", Assert.Throws<DomainException>(() => a.Reopen(new string('x', 2001), Now, "Borgerrådgiveren")).Message);
        Assert.Equal(AnswerStatus.Submitted, a.Status);
    }
}
