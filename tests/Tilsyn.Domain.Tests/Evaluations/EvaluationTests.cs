using Tilsyn.Evaluations;

namespace Tilsyn.Tests.Evaluations;

public sealed class EvaluationTests
{
    private static readonly DateTimeOffset Now = new(2017, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static EvaluationScheme Scheme() => new(
    [
        new Section("A", "Ledelsens fokus", [new Question("A1", "Hvordan følger ledelsen op?", QuestionKind.FreeText), new Question("A2", "Har I måltal?", QuestionKind.YesNo)]),
        new Section("B", "Initiativer", [new Question("B1", "Beskriv jeres initiativer", QuestionKind.Initiatives), new Question("B2", "Hvor godt virker de?", QuestionKind.Scale, 1, 5)]),
    ]);

    private static MeetingSlot[] Slots(int n) => Enumerable.Range(1, n).Select(i => new MeetingSlot(Now.AddDays(20 + i), TimeSpan.FromHours(1))).ToArray();

    [Fact]
    public void A_new_round_starts_from_an_unchanged_copy_of_the_previous_scheme()
    {
        var old = Scheme();
        var copy = old.CopyForNewRound();
        Assert.NotSame(old, copy);
        Assert.Equal(old.Sections.SelectMany(s => s.Questions), copy.Sections.SelectMany(s => s.Questions));
        var edited = copy.WithSection(new Section("C", "Klagebehandling", [new Question("C1", "Hvordan behandles klager?", QuestionKind.FreeText)]));
        Assert.Equal(["A", "B", "C"], edited.Sections.Select(s => s.Letter));
        Assert.Equal(2, old.Sections.Count); // the earlier round keeps its questions
    }

    [Fact]
    public void A_scheme_refuses_duplicate_letters_and_keys_and_empty_scales()
    {
        Assert.Throws<DomainException>(() => new EvaluationScheme([new Section("A", "x", []), new Section("a", "y", [])]));
        Assert.Throws<DomainException>(() => new EvaluationScheme([new Section("A", "x", [new Question("Q", "1", QuestionKind.FreeText), new Question("Q", "2", QuestionKind.FreeText)])]));
        Assert.Throws<DomainException>(() => new EvaluationScheme([new Section("A", "x", [new Question("Q", "?", QuestionKind.Scale, 3, 3)])]));
    }

    [Fact]
    public void Answers_are_checked_against_the_question_kind()
    {
        var a = new EvaluationAnswer(4, Scheme());
        a.Answer("A1", "Ledelsen gennemgår klager hver måned.");
        a.Answer("A2", "ja");
        a.Answer("B2", "4");
        Assert.Throws<DomainException>(() => a.Answer("A2", "måske"));
        Assert.Throws<DomainException>(() => a.Answer("B2", "6"));
        Assert.Throws<DomainException>(() => a.Answer("B1", "tekst"));
        Assert.Throws<DomainException>(() => a.Answer("Z9", "x"));
        a.SetInitiatives("B1", [new Initiative("Kursus i forvaltningsret", "Bedre afgørelser", "Sagsbehandlere", new DateOnly(2016, 9, 1), "Stikprøver hvert kvartal")]);
        Assert.Single(a.Initiatives("B1"));
        Assert.Throws<DomainException>(() => a.SetInitiatives("B1", [new Initiative(" ", "", "", null, "")]));
    }

    [Fact]
    public void Submitting_needs_a_cover_letter_three_future_slots_and_participants_and_then_locks_the_answer()
    {
        var a = new EvaluationAnswer(4, Scheme());
        a.SetScope("Besvarelsen er afgrænset til klagebehandling efter aftale.", Now, "BUF");
        Assert.Throws<DomainException>(() => a.Submit("Følgebrev", Slots(2), ["Direktør"], Now, "BUF"));
        Assert.Throws<DomainException>(() => a.Submit(" ", Slots(3), ["Direktør"], Now, "BUF"));
        Assert.Throws<DomainException>(() => a.Submit("Følgebrev", Slots(3), [], Now, "BUF"));
        Assert.Throws<DomainException>(() => a.Submit("Følgebrev", [new(Now.AddDays(-1), TimeSpan.FromHours(1)), .. Slots(3)], ["Direktør"], Now, "BUF"));

        a.Submit("Hermed BUF's besvarelse.", Slots(3), ["Direktør", "Kvalitetschef"], Now, "BUF");

        Assert.Equal(AnswerStatus.Submitted, a.Status);
        Assert.Equal("Besvarelsen er indsendt og låst. Borgerrådgiveren kan genåbne den.", Assert.Throws<DomainException>(() => a.Answer("A1", "ændret")).Message);
        Assert.Throws<DomainException>(() => a.SetScope(null, Now, "BUF"));
    }

    [Fact]
    public void Only_a_logged_reopening_makes_a_submitted_answer_editable_again()
    {
        var a = new EvaluationAnswer(4, Scheme());
        a.Submit("Følgebrev", Slots(3), ["Direktør"], Now, "BUF");
        Assert.Throws<DomainException>(() => a.Reopen("", Now, "Borgerrådgiveren"));
        a.Reopen("Afsnit B mangler initiativernes opfølgning.", Now.AddDays(2), "Borgerrådgiveren");
        a.Answer("A1", "Rettet svar");
        Assert.Contains(a.History, h => h.Contains("genåbnet: Afsnit B mangler initiativernes opfølgning."));
        Assert.Throws<DomainException>(() => a.Reopen("igen", Now, "Borgerrådgiveren"));
    }

    [Theory]
    [InlineData(2, 3, Trend.Better)]
    [InlineData(3, 3, Trend.Same)]
    [InlineData(4, 2, Trend.Worse)]
    [InlineData(null, 3, Trend.NotComparable)]
    public void Rounds_compare_by_the_assessment_score(int? previous, int? current, Trend expected) =>
        Assert.Equal(expected, Assessment.Compare(previous, current));

    [Fact]
    public void The_assessment_scale_is_enforced_and_described()
    {
        Assert.Equal(3, Assessment.Validate(3));
        Assert.Throws<DomainException>(() => Assessment.Validate(5));
        Assert.Equal("Egnet, og effekten følges op", Assessment.Describe(4));
    }

    [Fact]
    public void Documents_are_attached_to_a_draft_only_until_the_advisor_reopens_the_answer()
    {
        var a = new EvaluationAnswer(4, Scheme());
        a.EnsureMayAttach();
        a.Submit("Følgebrev", Slots(3), ["Direktør"], Now, "BUF");
        Assert.Equal("Besvarelsen er indsendt og låst. Borgerrådgiveren kan genåbne den.", Assert.Throws<DomainException>(() => a.EnsureMayAttach()).Message);
        a.Reopen("Mangler bilag", Now, "Sara Holm");
        a.EnsureMayAttach();
    }

    [Fact]
    public void A_contact_sees_and_writes_only_its_own_committee_status_and_others_read_all_and_write_none()
    {
        var buf = new CommitteeStatus(4, 2018, "Børne- og Ungdomsudvalget", "Status", Now, "BUF");
        var sof = new CommitteeStatus(5, 2018, "Socialudvalget", "Status", Now, "SOF");
        bool[] Seen(EvaluationAccess access)
        {
            var visible = access.VisibleCommitteeStatus.Compile();
            return [visible(buf), visible(sof)];
        }
        var contact = EvaluationAccess.For([Tilsyn.Identity.Roles.AdministrationContact], 4);
        Assert.Equal([true, false], Seen(contact));
        Assert.Equal(4, contact.WritesCommitteeStatusFor);
        foreach (var role in new[] { Tilsyn.Identity.Roles.Advisor, Tilsyn.Identity.Roles.Leadership })
        {
            var other = EvaluationAccess.For([role], null);
            Assert.Equal([true, true], Seen(other));
            Assert.Null(other.WritesCommitteeStatusFor);
        }
    }
}

public sealed class EvaluationSnapshotTests
{
    [Fact]
    public void An_answer_survives_a_snapshot_round_trip_including_its_lock()
    {
        var scheme = new EvaluationScheme([new Section("A", "Afsnit", [new Question("A1", "?", QuestionKind.FreeText), new Question("A2", "Initiativer", QuestionKind.Initiatives)])]);
        var at = new DateTimeOffset(2017, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var a = new EvaluationAnswer(4, scheme);
        a.Answer("A1", "Svar");
        a.SetInitiatives("A2", [new Initiative("Kursus", "Formål", "Alle", null, "Stikprøver")]);
        a.Submit("Følgebrev", Enumerable.Range(1, 3).Select(i => new MeetingSlot(at.AddDays(i), TimeSpan.FromHours(1))).ToList(), ["Direktør"], at, "BUF");

        var b = EvaluationAnswer.Restore(4, scheme, a.ToSnapshot());

        Assert.Equal(AnswerStatus.Submitted, b.Status);
        Assert.Equal("Svar", b.Text("A1"));
        Assert.Equal("Kursus", b.Initiatives("A2").Single().Name);
        Assert.Equal(3, b.ProposedSlots.Count);
        Assert.Throws<Tilsyn.Common.DomainException>(() => b.Answer("A1", "ændret"));
        Assert.Equal(a.History, b.History);
    }
}

public sealed class EvaluationAssessmentTests
{
    [Fact]
    public void The_advisor_assesses_initiatives_sections_and_overall_on_the_scale_and_rounds_are_compared_by_section()
    {
        var scheme = new EvaluationScheme([new Section("A", "a", [new Question("A1", "?", QuestionKind.Initiatives)]), new Section("B", "b", [])]);
        var answer = new EvaluationAnswer(1, scheme);
        answer.SetInitiatives("A1", [new Initiative("Kursus", "", "", null, "Stikprøver")]);
        var now = new EvaluationAssessment();
        now.AssessInitiative(answer, "A1", 0, 4, "Effekten følges op med stikprøver.");
        now.AssessSection(scheme, "A", 3, "God forankring");
        now.AssessSection(scheme, "B", 2, null);
        now.AssessOverall(3, "Fremskridt siden sidst");
        Assert.Throws<DomainException>(() => now.AssessInitiative(answer, "A1", 1, 3, null));
        Assert.Throws<DomainException>(() => now.AssessSection(scheme, "Z", 3, null));
        Assert.Throws<DomainException>(() => now.AssessOverall(0, null));

        var before = new EvaluationAssessment();
        before.AssessSection(scheme, "A", 2, null);
        before.AssessSection(scheme, "B", 2, null);
        var trend = EvaluationAssessment.Compare(before, now, ["A", "B", "C"]);
        Assert.Equal(Trend.Better, trend["A"]);
        Assert.Equal(Trend.Same, trend["B"]);
        Assert.Equal(Trend.NotComparable, trend["C"]);
    }
}
