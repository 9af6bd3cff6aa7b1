using Tilsyn.Audits;
using Tilsyn.Identity;

namespace Tilsyn.Tests.Audits;

public sealed class CaseAuditTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly CaseAuditAccess Advisor = CaseAuditAccess.For([Roles.Advisor], null);

    private static CaseAudit Audit(AuditOwnership? ownership = null, string title = "BUF dagtilbud 2026")
    {
        var owner = ownership ?? new AuditOwnership(null, 4);
        return new CaseAudit(title, owner, PopulationSource.Extract, 7, "BUF 01-01-2026–31-12-2026", new PopulationFilter(owner.AdministrationId, CaseType: "Dagtilbud"),
            StratifyBy.Unit, SampleDesign.StratifiedProportional, 99, 300, [new AuditStratum("11", "Enhed 11", 300, 2)], 2, Now, "Sara Holm");
    }

    private static SampledCase Case(int auditId = 0, string key = "T-1") =>
        new(auditId, "11", new PopulationCase(key, 4, 11, "28.09", "Dagtilbud", new DateOnly(2026, 2, 1), null, null), "Enhed 11");

    [Fact]
    public void A_new_audit_records_its_plan_sample_and_the_current_checklist()
    {
        var audit = Audit();
        Assert.Equal("BUF dagtilbud 2026", audit.Title);
        Assert.Null(audit.OwnerAdministrationId);
        Assert.Equal(4, audit.AdministrationId);
        Assert.Equal("Dagtilbud", audit.CaseType);
        Assert.Equal(AuditChecklist.Current.Version, audit.ChecklistVersion);
        Assert.Equal(300, audit.Strata.Single().PopulationSize);
        Assert.Equal($"Sagsaudit #{audit.Id}", audit.Reference);
    }

    [Theory]
    [InlineData(" ", StratifyBy.Unit, SampleDesign.StratifiedProportional, 40, "Titel: skriv en titel for auditten.")]
    [InlineData("Audit", StratifyBy.Unit, SampleDesign.StratifiedProportional, 0, "Stikprøvestørrelse: skal være mellem 1 og 2000.")]
    [InlineData("Audit", StratifyBy.Unit, SampleDesign.StratifiedProportional, 2001, "Stikprøvestørrelse: skal være mellem 1 og 2000.")]
    [InlineData("Audit", StratifyBy.None, SampleDesign.StratifiedEqual, 40, "Design: vælg simpel tilfældig udvælgelse uden opdeling, eller opdel efter enhed eller sagstype med proportional eller lige fordeling.")]
    [InlineData("Audit", StratifyBy.CaseType, SampleDesign.SimpleRandom, 40, "Design: vælg simpel tilfældig udvælgelse uden opdeling, eller opdel efter enhed eller sagstype med proportional eller lige fordeling.")]
    [InlineData("Audit", StratifyBy.None, (SampleDesign)0, 40, "Design: vælg simpel tilfældig udvælgelse uden opdeling, eller opdel efter enhed eller sagstype med proportional eller lige fordeling.")]
    public void A_plan_needs_a_title_a_sample_size_within_the_limit_and_a_design_that_fits_the_stratification(string title, StratifyBy by, SampleDesign design, int n, string message) =>
        Assert.Equal(message, Assert.Throws<DomainException>(() => CaseAudit.CheckPlan(title, by, design, n, null, null)).Message);

    [Fact]
    public void A_plan_refuses_a_period_that_ends_before_it_starts_and_a_too_long_title()
    {
        Assert.Equal("Periode: slutdatoen ligger før startdatoen.",
            Assert.Throws<DomainException>(() => CaseAudit.CheckPlan("Audit", StratifyBy.None, SampleDesign.SimpleRandom, 10, new DateOnly(2026, 6, 1), new DateOnly(2026, 5, 31))).Message);
        Assert.Contains("må højst være 200 tegn", Assert.Throws<DomainException>(() => Audit(title: new string('x', 201))).Message);
        CaseAudit.CheckPlan("Audit", StratifyBy.None, SampleDesign.SimpleRandom, 2000, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1));
    }

    [Fact]
    public void An_audit_covers_the_administration_its_ownership_allows()
    {
        var owner = new AuditOwnership(4, 4);
        Assert.Throws<DomainException>(() => new CaseAudit("Audit", owner, PopulationSource.Extract, 7, null, new PopulationFilter(5),
            StratifyBy.None, SampleDesign.SimpleRandom, 1, 10, [], 1, Now, "x"));
        Assert.Equal(4, Audit(owner).OwnerAdministrationId);
    }

    [Fact]
    public void Answers_are_recorded_with_trimmed_comments_and_who_answered_when()
    {
        var audit = Audit();
        var c = Case();
        audit.Record(c, new Dictionary<string, AuditCell> { ["hearing"] = new(AuditAnswer.NotMet, "  Ingen partshøring "), ["reasons"] = new(AuditAnswer.Met, " ") },
            Advisor, Now, "Sara Holm");
        Assert.Equal(new AuditCell(AuditAnswer.NotMet, "Ingen partshøring"), c.Answers["hearing"]);
        Assert.Null(c.Answers["reasons"].Comment);
        Assert.Equal(Now, c.AnsweredAt);
        Assert.Equal("Sara Holm", c.AnsweredBy);
    }

    [Fact]
    public void Only_the_checklists_questions_and_its_three_answers_are_accepted_and_a_refusal_changes_nothing()
    {
        var audit = Audit();
        var c = Case();
        Assert.Equal("Ukendt spørgsmål: colour.", Assert.Throws<DomainException>(() =>
            audit.Record(c, new Dictionary<string, AuditCell> { ["hearing"] = new(AuditAnswer.Met, null), ["colour"] = new(AuditAnswer.Met, null) }, Advisor, Now, "x")).Message);
        Assert.EndsWith(": ugyldigt svar.", Assert.Throws<DomainException>(() =>
            audit.Record(c, new Dictionary<string, AuditCell> { ["hearing"] = new((AuditAnswer)9, null) }, Advisor, Now, "x")).Message);
        Assert.Contains("må højst være 2000 tegn", Assert.Throws<DomainException>(() =>
            audit.Record(c, new Dictionary<string, AuditCell> { ["hearing"] = new(AuditAnswer.NotMet, new string('x', 2001)) }, Advisor, Now, "x")).Message);
        Assert.Empty(c.Answers);
        Assert.Null(c.AnsweredAt);
    }

    [Fact]
    public void A_case_drawn_for_another_audit_cannot_be_answered_in_this_one()
    {
        var audit = Audit();
        Assert.Equal("Sagen T-9 er ikke udtrukket i denne audit.", Assert.Throws<DomainException>(() =>
            audit.Record(Case(auditId: 99, key: "T-9"), new Dictionary<string, AuditCell> { ["hearing"] = new(AuditAnswer.Met, null) }, Advisor, Now, "x")).Message);
    }

    [Fact]
    public void Only_the_owner_records_answers()
    {
        var advisors = Audit();
        var bufsOwn = Audit(new AuditOwnership(4, 4));
        var answers = new Dictionary<string, AuditCell> { ["hearing"] = new(AuditAnswer.Met, null) };
        var bufContact = CaseAuditAccess.For([Roles.AdministrationContact], 4);
        var leadership = CaseAuditAccess.For([Roles.Leadership], null);

        Assert.Equal("Du kan ikke registrere svar i denne audit.", Assert.Throws<DomainException>(() => advisors.Record(Case(), answers, bufContact, Now, "BUF")).Message);
        Assert.Throws<DomainException>(() => bufsOwn.Record(Case(), answers, leadership, Now, "Ledelse"));
        Assert.Throws<DomainException>(() => bufsOwn.Record(Case(), answers, CaseAuditAccess.For([Roles.AdministrationContact], 5), Now, "SOF"));
        bufsOwn.Record(Case(), answers, bufContact, Now, "BUF");
        bufsOwn.Record(Case(), answers, Advisor, Now, "Sara Holm");
    }

    [Fact]
    public void Two_audits_are_of_the_same_population_when_source_and_filter_agree_apart_from_the_period()
    {
        var a = Audit();
        var b = new CaseAudit("Næste år", new AuditOwnership(null, 4), PopulationSource.Extract, 8, null,
            new PopulationFilter(4, CaseType: "dagtilbud", OpenedFrom: new DateOnly(2027, 1, 1)), StratifyBy.Unit, SampleDesign.StratifiedEqual, 5, 10, [], 1, Now, "x");
        var other = new CaseAudit("Skole", new AuditOwnership(null, 4), PopulationSource.Extract, 8, null,
            new PopulationFilter(4, CaseType: "Skole"), StratifyBy.Unit, SampleDesign.StratifiedEqual, 5, 10, [], 1, Now, "x");
        Assert.True(a.SamePopulationAs(b));
        Assert.False(a.SamePopulationAs(other));
    }

    [Fact]
    public void A_sample_needs_a_population_with_cases_and_at_least_as_many_as_it_asks_for()
    {
        Assert.Equal("Population: ingen sager matcher udvælgelsen.", Assert.Throws<DomainException>(() => CaseAudit.CheckSample(10, 0)).Message);
        Assert.Equal("Stikprøvestørrelse: populationen har kun 9 sager.", Assert.Throws<DomainException>(() => CaseAudit.CheckSample(10, 9)).Message);
        Assert.Equal("Stikprøvestørrelse: populationen har kun 1.234 sager.", Assert.Throws<DomainException>(() => CaseAudit.CheckSample(1235, 1234)).Message);
        CaseAudit.CheckSample(10, 10);
    }
}
