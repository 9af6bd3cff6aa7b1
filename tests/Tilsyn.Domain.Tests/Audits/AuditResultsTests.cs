using Tilsyn.Audits;

namespace Tilsyn.Tests.Audits;

public sealed class AuditResultsTests
{
    private static readonly Dictionary<string, long> Sizes = new() { ["a"] = 300, ["b"] = 100 };

    private static AuditedCase Case(string stratum, string unit, AuditAnswer? hearing, bool answerTheRest = false)
    {
        var answers = new Dictionary<string, AuditAnswer>();
        if (hearing is { } h) answers["hearing"] = h;
        if (answerTheRest)
            foreach (var q in AuditChecklist.Current.Questions.Skip(1))
                answers[q.Key] = q.Key == "access-to-documents" ? AuditAnswer.NotRelevant : AuditAnswer.Met;
        return new(stratum, unit, answers);
    }

    /// <summary>
    /// Stratum a (Jobcenter): 8 met and 2 not met on hearing, the first 3 fully answered, plus 1 case with hearing unanswered.
    /// Stratum b (Borgerservice): 2 met, 3 not met, 2 not relevant.
    /// </summary>
    private static List<AuditedCase> Sample()
    {
        var cases = new List<AuditedCase>();
        for (var i = 0; i < 10; i++) cases.Add(Case("a", "Jobcenter", i < 8 ? AuditAnswer.Met : AuditAnswer.NotMet, answerTheRest: i < 3));
        cases.Add(Case("a", "Jobcenter", null));
        for (var i = 0; i < 5; i++) cases.Add(Case("b", "Borgerservice", i < 2 ? AuditAnswer.Met : AuditAnswer.NotMet));
        for (var i = 0; i < 2; i++) cases.Add(Case("b", "Borgerservice", AuditAnswer.NotRelevant));
        return cases;
    }

    [Fact]
    public void Counts_exclude_not_relevant_and_unanswered()
    {
        var r = AuditResults.Compute(AuditChecklist.Current, Sizes, SampleDesign.StratifiedProportional, Sample());
        Assert.Equal(18, r.Cases);
        Assert.Equal(3, r.FullyAnswered);
        Assert.False(r.IsComplete);
        Assert.Equal(1, r.ChecklistVersion);
        Assert.Equal(AuditChecklist.Current.Questions.Select(q => q.Key), r.Questions.Select(q => q.Question.Key));

        var hearing = r.Questions[0];
        Assert.Equal((15, 10, 2, 1), (hearing.Relevant, hearing.Met, hearing.NotRelevant, hearing.Unanswered));
        // Wilson 10/15: centre (10 + 1.920729)/(15 + 3.841459) = 0.632686, half 1.959964·√(10·5/15 + 0.960365)/18.841459
        // = 1.959964·2.072124/18.841459 = 0.215551 -> [0.4171, 0.8482].
        Assert.Equal(0.4171, hearing.Interval!.Lower, 1e-4);
        Assert.Equal(0.8482, hearing.Interval.Upper, 1e-4);
    }

    [Fact]
    public void A_stratified_design_adds_the_stratified_estimate()
    {
        // Hearing per stratum: a N 300, n 10, met 8; b N 100, n 5, met 2: the hand computation in
        // StratifiedEstimateTests -> 0.7 [0.4746, 0.9254].
        var hearing = AuditResults.Compute(AuditChecklist.Current, Sizes, SampleDesign.StratifiedEqual, Sample()).Questions[0];
        Assert.Equal(0.7, hearing.Stratified!.Share, 12);
        Assert.Equal(0.4746, hearing.Stratified.Lower, 1e-4);
        Assert.Equal(0.9254, hearing.Stratified.Upper, 1e-4);

        // Reasons: only 3 answers, all in a; b has none and its weight goes to a -> 3/3 = 1.
        var reasons = AuditResults.Compute(AuditChecklist.Current, Sizes, SampleDesign.StratifiedEqual, Sample()).Questions[1];
        Assert.Equal((3, 3, 15), (reasons.Relevant, reasons.Met, reasons.Unanswered));
        Assert.Equal(1, reasons.Stratified!.Share);
        Assert.Equal(1, reasons.Stratified.StrataUsed);
    }

    [Fact]
    public void A_simple_random_sample_has_no_stratified_estimate()
    {
        var cases = Sample().Select(c => c with { Stratum = "alle" });
        var r = AuditResults.Compute(AuditChecklist.Current, new Dictionary<string, long> { ["alle"] = 400 }, SampleDesign.SimpleRandom, cases);
        Assert.All(r.Questions, q => Assert.Null(q.Stratified));
        Assert.NotNull(r.Questions[0].Interval);
    }

    [Fact]
    public void Units_get_a_row_only_with_enough_relevant_answers()
    {
        var hearing = AuditResults.Compute(AuditChecklist.Current, Sizes, SampleDesign.StratifiedEqual, Sample()).Questions[0];
        // Jobcenter: 10 relevant (the unanswered case does not count) = MinimumPerUnit -> a row, Wilson 8/10 [0.4902, 0.9433].
        var unit = Assert.Single(hearing.Units);
        Assert.Equal(("Jobcenter", 10, 8), (unit.Unit, unit.Relevant, unit.Met));
        Assert.Equal(0.4902, unit.Interval.Lower, 1e-4);
        // Borgerservice: 5 relevant (2 not relevant do not count) -> "for få sager".
        Assert.Equal(["Borgerservice"], hearing.UnitsWithTooFewCases);
        Assert.Equal("for få sager", AuditResults.TooFewCasesLabel);

        // On questions answered in only 3 cases, every unit has too few.
        var reasons = AuditResults.Compute(AuditChecklist.Current, Sizes, SampleDesign.StratifiedEqual, Sample()).Questions[1];
        Assert.Empty(reasons.Units);
        Assert.Equal(["Borgerservice", "Jobcenter"], reasons.UnitsWithTooFewCases);
    }

    [Fact]
    public void A_question_with_only_not_relevant_answers_has_no_interval()
    {
        var access = AuditResults.Compute(AuditChecklist.Current, Sizes, SampleDesign.StratifiedEqual, Sample()).Questions[^1];
        Assert.Equal("access-to-documents", access.Question.Key);
        Assert.Equal((0, 3), (access.Relevant, access.NotRelevant));
        Assert.Null(access.Interval);
        Assert.Null(access.Stratified);
    }

    [Fact]
    public void An_audit_without_answers_counts_the_cases_and_nothing_else()
    {
        var cases = new[] { Case("a", "Jobcenter", null), Case("b", "Borgerservice", null) };
        var r = AuditResults.Compute(AuditChecklist.Current, Sizes, SampleDesign.StratifiedEqual, cases);
        Assert.Equal((2, 0), (r.Cases, r.FullyAnswered));
        Assert.All(r.Questions, q => Assert.Equal((0, 2), (q.Relevant, q.Unanswered)));
    }

    [Fact]
    public void A_fully_answered_audit_is_complete()
    {
        var cases = Enumerable.Range(0, 4).Select(_ => Case("a", "Jobcenter", AuditAnswer.Met, answerTheRest: true));
        var r = AuditResults.Compute(AuditChecklist.Current, Sizes, SampleDesign.StratifiedEqual, cases);
        Assert.True(r.IsComplete);
    }

    [Fact]
    public void An_answer_to_an_unknown_question_is_refused_in_danish()
    {
        var c = new AuditedCase("a", "Jobcenter", new Dictionary<string, AuditAnswer> { ["hearing-x"] = AuditAnswer.Met });
        var e = Assert.Throws<DomainException>(() => AuditResults.Compute(AuditChecklist.Current, Sizes, SampleDesign.StratifiedEqual, [c]));
        Assert.Equal("Spørgsmålet 'hearing-x' findes ikke i tjeklisten version 1.", e.Message);
    }

    [Fact]
    public void A_case_from_an_unknown_stratum_is_refused() =>
        Assert.Throws<DomainException>(() => AuditResults.Compute(AuditChecklist.Current, Sizes, SampleDesign.StratifiedEqual, [Case("x", "Jobcenter", AuditAnswer.Met)]));
}
