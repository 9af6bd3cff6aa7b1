using Tilsyn.Anonymisation;
using Tilsyn.Publishing;
using Tilsyn.Recommendations;

namespace Tilsyn.Domain.Tests.Publishing;

public sealed class AnnualReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static AnnualReport Draft(int year = 2026) => new(year, Now, "Tilsyn");

    private static CaseExample Example(string text, AnnualReport report)
    {
        var e = new CaseExample("Manglende partshøring", AnonymisationReview.Start(text, new ScanContext(["Jens Hansen"])), report.Year, Now, "test");
        e.ChooseFor(report.Year, report);
        return e;
    }

    private static ReportOutputs Outputs(AnnualReport report, params CaseExample[] examples) =>
        new("<h1>Beretning</h1>", [1, 2, 3], [4, 5, 6], report.UpdatedAt, [.. examples.Select(e => e.Id)]);

    private static AnnualReport Published(int year = 2026)
    {
        var report = Draft(year);
        report.Publish([], Outputs(report), Now, "Sara Holm");
        return report;
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public void A_report_is_for_a_year_between_2000_and_2100(int year) =>
        Assert.Contains("mellem 2000 og 2100", Assert.Throws<DomainException>(() => new AnnualReport(year, Now, "Tilsyn")).Message);

    [Fact]
    public void A_draft_takes_the_advisors_texts_trimmed_and_remembers_who_and_when()
    {
        var report = Draft();
        report.EditTexts("  Forord  ", "- Partshøring", null, Now.AddHours(1), "Sara Holm");
        Assert.Equal("Forord", report.Foreword);
        Assert.Equal("- Partshøring", report.Themes);
        Assert.Equal("", report.RecommendationsText);
        Assert.Equal(Now.AddHours(1), report.UpdatedAt);
        Assert.Equal("Sara Holm", report.UpdatedBy);
    }

    [Fact]
    public void A_too_long_foreword_is_refused_naming_the_limit_and_nothing_is_stored()
    {
        var report = Draft();
        report.EditTexts("Før", "", "", Now, "a");
        var ex = Assert.Throws<DomainException>(() => report.EditTexts(new string('x', 50_001), "Temaer", "", Now, "b"));
        Assert.Contains("50000", ex.Message);
        Assert.Equal("Før", report.Foreword);
        Assert.Equal("", report.Themes);
    }

    [Fact]
    public void A_published_report_cannot_have_its_texts_edited()
    {
        var report = Published();
        Assert.Contains("offentliggjort", Assert.Throws<DomainException>(() => report.EditTexts("Ændret", "", "", Now, "a")).Message);
        Assert.Equal("", report.Foreword);
    }

    [Fact]
    public void A_published_report_cannot_get_or_lose_a_recommendation()
    {
        var draft = Draft();
        var recommendation = draft.AddRecommendation(1, "Partshør forældrene.", Today.AddDays(90), Today);
        draft.Publish([], Outputs(draft), Now, "a");
        Assert.Throws<DomainException>(() => draft.AddRecommendation(1, "Endnu en.", Today.AddDays(90), Today));
        Assert.Throws<DomainException>(() => draft.RemoveRecommendation(recommendation));
    }

    [Fact]
    public void A_report_cannot_be_published_twice()
    {
        var report = Published();
        var ex = Assert.Throws<DomainException>(() => report.Publish([], Outputs(report), Now.AddDays(1), "b"));
        Assert.Contains("offentliggjort", ex.Message);
        Assert.Equal(Now, report.PublishedAt);
        Assert.Equal("Sara Holm", report.PublishedBy);
    }

    [Fact]
    public void Publishing_stores_the_outputs_and_freezes_the_report()
    {
        var report = Draft();
        report.Publish([], Outputs(report), Now, "Sara Holm");
        Assert.True(report.IsPublished);
        Assert.Equal("<h1>Beretning</h1>", report.PublishedHtml);
        Assert.Equal([1, 2, 3], report.PublishedPdf);
        Assert.Equal([4, 5, 6], report.PublishedDocx);
        Assert.Throws<DomainException>(report.EnsureDraft);
    }

    [Fact]
    public void A_report_cannot_be_published_with_an_example_whose_findings_are_unresolved()
    {
        var report = Draft();
        var example = Example("Jens Hansen (010190-1234) klagede.", report);
        var ex = Assert.Throws<DomainException>(() => report.Publish([example], Outputs(report, example), Now, "a"));
        Assert.Contains("uafklarede personoplysninger", ex.Message);
        Assert.Contains("Manglende partshøring", ex.Message);
        Assert.False(report.IsPublished);
        Assert.False(example.IsPublished);
    }

    [Fact]
    public void Publishing_publishes_the_resolved_examples_chosen_for_the_report()
    {
        var report = Draft();
        var example = Example("Jens Hansen (010190-1234) klagede.", report);
        example.ChangeReview(r => r.ReplaceAll());
        report.Publish([example], Outputs(report, example), Now, "a");
        Assert.Equal(Now, example.PublishedAt);
        Assert.DoesNotContain("010190", example.PublishedText);
        Assert.False(example.InLibrary);
    }

    [Fact]
    public void Outputs_rendered_before_the_texts_changed_are_refused()
    {
        var report = Draft();
        var outputs = Outputs(report);
        report.EditTexts("Nyt forord", "", "", Now.AddMinutes(1), "b");
        Assert.Contains("ændret", Assert.Throws<DomainException>(() => report.Publish([], outputs, Now.AddMinutes(2), "a")).Message);
        Assert.False(report.IsPublished);
    }

    [Fact]
    public void Outputs_rendered_without_an_example_chosen_meanwhile_are_refused()
    {
        var report = Draft();
        var outputs = Outputs(report);
        var example = Example("Ingen personoplysninger her.", report);
        Assert.Throws<DomainException>(() => report.Publish([example], outputs, Now, "a"));
        Assert.False(report.IsPublished);
    }

    [Fact]
    public void An_example_chosen_for_another_year_is_not_published_with_this_report()
    {
        var report = Draft(2026);
        var other = Example("Ingen personoplysninger her.", Draft(2025));
        Assert.Contains("ikke valgt", Assert.Throws<DomainException>(() => report.Publish([other], Outputs(report, other), Now, "a")).Message);
    }

    [Fact]
    public void A_recommendation_needs_a_text_within_the_limit_and_a_due_date_in_the_future()
    {
        var report = Draft();
        Assert.Contains("Anbefaling", Assert.Throws<DomainException>(() => report.AddRecommendation(1, " ", Today.AddDays(1), Today)).Message);
        Assert.Contains("2000", Assert.Throws<DomainException>(() => report.AddRecommendation(1, new string('x', 2001), Today.AddDays(1), Today)).Message);
        Assert.Contains("fremtiden", Assert.Throws<DomainException>(() => report.AddRecommendation(1, "Tekst", Today, Today)).Message);
        Assert.Contains("fremtiden", Assert.Throws<DomainException>(() => report.AddRecommendation(1, "Tekst", null, Today)).Message);
        var r = report.AddRecommendation(7, "  Partshør forældrene.  ", Today.AddDays(1), Today);
        Assert.Equal((2026, 7, "Partshør forældrene.", Today.AddDays(1)), (r.Year, r.AdministrationId, r.Text, r.DueDate));
    }

    [Fact]
    public void A_recommendation_of_another_report_cannot_be_removed_from_this_one()
    {
        var other = Draft(2025).AddRecommendation(1, "Tekst", Today.AddDays(1), Today);
        Assert.Throws<DomainException>(() => Draft(2026).RemoveRecommendation(other));
    }

    [Fact]
    public void A_recommendation_enters_the_register_once_with_the_reports_reference()
    {
        var r = Draft().AddRecommendation(3, "Partshør forældrene.", Today.AddDays(90), Today);
        var registered = r.ToRegister(Now, "Sara Holm");
        Assert.Equal((RecommendationSource.AnnualReport, "Beretning 2026", 3, "Partshør forældrene."), (registered.Source, registered.SourceReference, registered.AdministrationId, registered.Text));
        r.Registered(41);
        Assert.Equal(41, r.RecommendationId);
        Assert.Throws<DomainException>(() => r.ToRegister(Now, "Sara Holm"));
        Assert.Throws<DomainException>(() => r.Registered(42));
    }

    [Fact]
    public void A_draft_report_is_seen_only_by_the_advisors_staff_and_a_published_one_by_everybody()
    {
        Assert.True(Draft().MaySee(isAdvisorStaff: true));
        Assert.False(Draft().MaySee(isAdvisorStaff: false));
        Assert.True(Published().MaySee(isAdvisorStaff: false));
        Assert.True(Published().MaySee(isAdvisorStaff: true));
        Assert.False(AnnualReport.MaySee(publishedAt: null, isAdvisorStaff: false));
        Assert.True(AnnualReport.MaySee(Now, isAdvisorStaff: false));
    }
}
