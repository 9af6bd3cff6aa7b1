using Tilsyn.Evaluations;

namespace Tilsyn.Tests.Evaluations;

public sealed class FokusPublicationTests
{
    private static readonly DateTimeOffset Now = new(2027, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly FokusPublicationFiles Files = new("<article><h1>FOKUS 2027</h1></article>", [1, 2, 3], [4, 5]);

    private static EvaluationRound Round() => EvaluationRound.Open(2027, new DateOnly(2027, 3, 15), [], new DateOnly(2027, 2, 1), Now.AddMonths(-4), "Borgerrådgiveren");

    [Fact]
    public void A_round_whose_report_the_administrations_have_not_seen_is_not_put_on_the_website()
    {
        var round = Round();
        var e = Assert.Throws<DomainException>(() => round.PublishPublicly(Files, Now, "Borgerrådgiveren"));
        Assert.Equal("FOKUS-rapporten for 2027 skal først offentliggøres for forvaltningerne.", e.Message);
        Assert.False(round.IsPubliclyPublished);
        Assert.Null(round.PubliclyPublishedAt);
    }

    [Fact]
    public void Publishing_on_the_website_freezes_the_files_and_records_when_and_by_whom()
    {
        var round = Round();
        round.PublishReport(Now.AddDays(-10), "Borgerrådgiveren");
        var publication = round.PublishPublicly(Files, Now, "Kontorchef");
        Assert.True(round.IsPubliclyPublished);
        Assert.Equal((Now, "Kontorchef"), (round.PubliclyPublishedAt!.Value, round.PubliclyPublishedBy!));
        Assert.Equal((2027, Now), (publication.Year, publication.PublishedAt));
        Assert.Equal(Files.Html, publication.Html);
        Assert.Equal(Files.Pdf, publication.Pdf);
        Assert.Equal(Files.Docx, publication.Docx);
    }

    [Fact]
    public void A_round_is_published_on_the_website_only_once()
    {
        var round = Round();
        round.PublishReport(Now.AddDays(-10), "Borgerrådgiveren");
        round.PublishPublicly(Files, Now, "Borgerrådgiveren");
        var e = Assert.Throws<DomainException>(() => round.PublishPublicly(Files, Now.AddDays(1), "Andre"));
        Assert.Equal("FOKUS-rapporten for 2027 er allerede offentliggjort på hjemmesiden.", e.Message);
        Assert.Equal(Now, round.PubliclyPublishedAt);
    }

    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("<p>x</p>", 0, 1)]
    [InlineData("<p>x</p>", 1, 0)]
    public void Empty_files_are_refused_and_the_round_stays_off_the_website(string html, int pdfLength, int docxLength)
    {
        var round = Round();
        round.PublishReport(Now.AddDays(-10), "Borgerrådgiveren");
        Assert.Throws<DomainException>(() => round.PublishPublicly(new(html, new byte[pdfLength], new byte[docxLength]), Now, "Borgerrådgiveren"));
        Assert.False(round.IsPubliclyPublished);
    }
}
