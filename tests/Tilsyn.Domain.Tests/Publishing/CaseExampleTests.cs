using Tilsyn.Anonymisation;
using Tilsyn.Complaints;
using Tilsyn.Publishing;

namespace Tilsyn.Domain.Tests.Publishing;

public sealed class CaseExampleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private const string Summary = "Jens Hansen (010190-1234) klagede over manglende partshøring.";

    private static CaseExample New(string text = Summary) =>
        new("Manglende partshøring", AnonymisationReview.Start(text, new ScanContext(["Jens Hansen"])), 2026, Now, "test", legalRule: "Forvaltningsloven § 19", outcome: "Kritik");

    private static string Index(string?[] parts) => string.Join('|', parts);

    [Fact]
    public void A_new_example_is_scanned_and_unresolved_while_it_has_findings()
    {
        var e = New();
        Assert.False(e.Resolved);
        Assert.NotEmpty(e.Review().Items);
        Assert.Contains("010190-1234", e.AnonymisedText); // nothing is replaced until a person decides
    }

    [Fact]
    public void An_example_needs_a_title_within_the_limit()
    {
        var review = AnonymisationReview.Start("Tekst", ScanContext.Empty);
        Assert.Contains("Titel", Assert.Throws<DomainException>(() => new CaseExample(" ", review, 2026, Now, "t")).Message);
        Assert.Contains("200", Assert.Throws<DomainException>(() => new CaseExample(new string('x', 201), review, 2026, Now, "t")).Message);
    }

    [Fact]
    public void Decisions_on_the_review_are_stored_and_resolve_the_example()
    {
        var e = New();
        e.ChangeReview(r => r.ReplaceAll());
        Assert.True(e.Resolved);
        Assert.DoesNotContain("010190-1234", e.AnonymisedText);
        Assert.All(e.Review().Items, i => Assert.Equal(FindingState.Replaced, i.State));
    }

    [Fact]
    public void A_decision_about_a_finding_that_no_longer_exists_is_refused_in_Danish()
    {
        var e = New();
        Assert.Contains("findes ikke længere", Assert.Throws<DomainException>(() => e.ChangeReview(r => r.Replace(99))).Message);
    }

    [Fact]
    public void Editing_scans_the_new_text_and_refuses_an_empty_title_or_a_too_long_text()
    {
        var e = New();
        e.ChangeReview(r => r.ReplaceAll());
        e.Edit("Ny titel", "Jens Hansen fik ikke svar. Mette Jensen heller ikke.");
        Assert.Equal("Ny titel", e.Title);
        Assert.Contains("Mette Jensen", e.Review().Text);
        Assert.Throws<DomainException>(() => e.Edit("", "Tekst"));
        Assert.Contains("20000", Assert.Throws<DomainException>(() => e.Edit("Titel", new string('x', 20_001))).Message);
        Assert.Equal("Ny titel", e.Title);
    }

    [Fact]
    public void An_example_with_an_unresolved_finding_cannot_be_published_to_the_library()
    {
        var e = New();
        Assert.Contains("uafklarede fund", Assert.Throws<DomainException>(() => e.PublishToLibrary(Now, Index)).Message);
        Assert.False(e.InLibrary);
        Assert.False(e.IsPublished);
    }

    [Fact]
    public void Publishing_to_the_library_stores_the_anonymised_text_and_its_search_text()
    {
        var e = New();
        e.ChangeReview(r => r.ReplaceAll());
        e.PublishToLibrary(Now, Index);
        Assert.True(e.InLibrary);
        Assert.Equal(Now, e.PublishedAt);
        Assert.DoesNotContain("010190", e.PublishedText);
        Assert.Equal($"Manglende partshøring|{e.PublishedText}|Forvaltningsloven § 19|Kritik", e.SearchText);
    }

    [Fact]
    public void A_published_example_is_frozen()
    {
        var e = New();
        e.ChangeReview(r => r.ReplaceAll());
        e.PublishToLibrary(Now, Index);
        Assert.Contains("offentliggjort", Assert.Throws<DomainException>(() => e.ChangeReview(r => r.Reopen(0))).Message);
        Assert.Throws<DomainException>(() => e.Edit("Ny titel", "Ny tekst"));
        Assert.Equal("Manglende partshøring", e.Title);
    }

    [Fact]
    public void An_example_cannot_be_chosen_for_a_published_report()
    {
        var report = new AnnualReport(2025, Now, "t");
        report.Publish([], new ReportOutputs("", [], [], report.UpdatedAt, []), Now, "t");
        var e = New();
        Assert.Contains("offentliggjort", Assert.Throws<DomainException>(() => e.ChooseFor(2025, report)).Message);
        Assert.Null(e.ReportYear);
    }

    [Fact]
    public void An_example_is_chosen_for_a_draft_or_a_year_not_started_and_can_be_taken_out()
    {
        var e = New();
        e.ChooseFor(2026, new AnnualReport(2026, Now, "t"));
        Assert.Equal(2026, e.ReportYear);
        e.ChooseFor(2027, null);
        Assert.Equal(2027, e.ReportYear);
        e.ChooseFor(null, null);
        Assert.Null(e.ReportYear);
        Assert.Throws<DomainException>(() => e.ChooseFor(2027, new AnnualReport(2026, Now, "t")));
    }

    [Fact]
    public void Only_a_concluded_case_becomes_an_example_scanned_for_its_citizen_and_number()
    {
        var monday = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var advisor = new Actor("u1", "Sara Holm");
        var c = new ComplaintCase(2026, 42, CaseType.Complaint, Channel.WebForm, new Citizen("Anna Hansen", "anna@example.org", null, null, null, null),
            "Manglende partshøring", "Min datter mistede sin plads.", monday, new DateOnly(2026, 3, 16), Actor.Citizen);
        Assert.Contains("afsluttede", Assert.Throws<DomainException>(() => CaseExample.FromCase(c, 2026, Now, "t")).Message);
        c.Classify(CaseType.Complaint, 4, 40, "28.09.04", [ComplaintCategory.Hearing], monday, advisor);
        c.StartReview(monday, advisor);
        c.Conclude(Outcome.Criticism, [ComplaintCategory.Hearing], "Forvaltningen burde have partshørt.", null, "Anna Hansen blev ikke hørt i sag 2026-0000042.", monday.AddDays(8), advisor);
        var e = CaseExample.FromCase(c, 2026, Now, "t");
        Assert.Equal(c.Id, e.CaseId);
        Assert.Equal(4, e.AdministrationId);
        Assert.Equal("28.09", e.KleGroup);
        Assert.Equal(CaseTexts.Name(Outcome.Criticism), e.Outcome);
        Assert.StartsWith(ComplaintCategories.Info(ComplaintCategory.Hearing).Name, e.Title);
        Assert.Contains(e.Review().Items, i => i.Finding.Text == "Anna Hansen");
        Assert.Contains(e.Review().Items, i => i.Finding.Text == "2026-0000042");
        Assert.False(e.Resolved);
    }
}
