using Tilsyn.Citizens;

namespace Tilsyn.Tests.Citizens;

public sealed class CitizenCprTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Theory]
    [InlineData("0102031234")]
    [InlineData("010203-1234")]
    [InlineData("  0102031234 ")]
    public void The_claim_becomes_ten_digits(string claim) =>
        Assert.Equal("0102031234", CitizenCpr.Normalise(claim, Today));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("010203123")]
    [InlineData("01020312345")]
    [InlineData("CPR:0102031234")]
    [InlineData("0102O31234")]
    [InlineData("3202031234")] // no 32nd
    [InlineData("0113031234")] // no 13th month
    [InlineData("010203 1234")]
    [InlineData("٠١٠٢٠٣١٢٣٤")] // Arabic-Indic digits are not ASCII digits
    public void Anything_else_is_refused(string? claim) =>
        Assert.Null(CitizenCpr.Normalise(claim, Today));

    [Fact]
    public void A_birth_date_after_today_is_refused() =>
        Assert.Null(CitizenCpr.Normalise("0112264000", Today.AddDays(-1))); // 1 December 2026, seen the day before

    [Fact]
    public void A_number_failing_the_old_modulus_11_check_is_accepted() =>
        Assert.Equal("0101901235", CitizenCpr.Normalise("0101901235", Today));

    [Fact]
    public void The_access_log_names_a_citizen_by_the_masked_cpr_number_only() =>
        Assert.Equal("Borger 010203-xxxx", CitizenCpr.AccessLogName("0102031234"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("010203-1234")]
    [InlineData("01020312345")]
    [InlineData("010203123x")]
    public void Anything_but_ten_digits_gives_no_access_log_name(string? digits) =>
        Assert.Null(CitizenCpr.AccessLogName(digits));
}
