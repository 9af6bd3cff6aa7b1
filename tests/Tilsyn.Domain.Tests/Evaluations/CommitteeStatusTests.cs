using Tilsyn.Evaluations;

namespace Tilsyn.Tests.Evaluations;

public sealed class CommitteeStatusTests
{
    private static readonly DateTimeOffset Now = new(2016, 11, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_committee_status_needs_a_text_within_the_limit_without_markup_and_a_valid_year()
    {
        Assert.Equal("Feltet 'Status på initiativerne' skal udfyldes.", Assert.Throws<DomainException>(() => new CommitteeStatus(4, 2016, "Udvalget", " ", Now, "BUF")).Message);
        Assert.Contains("må højst være 20000 tegn", Assert.Throws<DomainException>(() => new CommitteeStatus(4, 2016, "Udvalget", new string('x', 20_001), Now, "BUF")).Message);
        Assert.Contains("må ikke indeholde HTML", Assert.Throws<DomainException>(() => new CommitteeStatus(4, 2016, "Udvalget", "<script>x</script>", Now, "BUF")).Message);
        Assert.Equal("Angiv et gyldigt år.", Assert.Throws<DomainException>(() => new CommitteeStatus(4, 1999, "Udvalget", "Status", Now, "BUF")).Message);
        Assert.Equal(20_000, new CommitteeStatus(4, 2016, "Udvalget", new string('x', 20_000), Now, "BUF").Text.Length); // never cut
    }

    [Fact]
    public void Writing_the_status_again_replaces_its_text_and_refuses_a_bad_one_without_a_change()
    {
        var status = new CommitteeStatus(4, 2016, "Børne- og Ungdomsudvalget", "  Klageforløbet er indført.\r\n", Now, "BUF");
        Assert.Equal("Klageforløbet er indført.", status.Text);
        status.Write("Børne- og Ungdomsudvalget", "Klageforløbet er evalueret.", Now.AddDays(1), "BUF 2");
        Assert.Equal("Klageforløbet er evalueret.", status.Text);
        Assert.Equal("BUF 2", status.UpdatedBy);
        Assert.Throws<DomainException>(() => status.Write("Udvalget", "", Now.AddDays(2), "BUF"));
        Assert.Equal("Klageforløbet er evalueret.", status.Text);
        Assert.Equal(Now.AddDays(1), status.UpdatedAt);
    }
}
