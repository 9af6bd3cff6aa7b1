using Tilsyn.Complaints.Intake;

namespace Tilsyn.Tests.Complaints.Intake;

public sealed class CprNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Theory]
    // 7th digit 0-3: 1900s. 010203-1234 -> 1 Feb 1903.
    [InlineData("010203-1234", 1903, 2, 1)]
    // 7th digit 4 with yy <= 36: 2000s. 150520-4000 -> 15 May 2020.
    [InlineData("150520-4000", 2020, 5, 15)]
    // 7th digit 4 with yy > 36: 1900s. 150570-4000 -> 1970.
    [InlineData("150570-4000", 1970, 5, 15)]
    // 7th digit 5-8 with yy <= 57: 2000s. 310110-5000 -> 31 Jan 2010.
    [InlineData("3101105000", 2010, 1, 31)]
    // 7th digit 5-8 with yy > 57: 1800s. 010170-6000 -> 1 Jan 1870.
    [InlineData("010170-6000", 1870, 1, 1)]
    // 7th digit 9 with yy <= 36: 2000s; > 36: 1900s.
    [InlineData("010101-9000", 2001, 1, 1)]
    [InlineData("010199-9000", 1999, 1, 1)]
    // 29 February in a leap year (2000 via 7th digit 4).
    [InlineData(" 290200-4000 ", 2000, 2, 29)]
    public void Valid_numbers_give_the_birth_date_by_the_century_rule(string text, int y, int m, int d)
    {
        Assert.True(CprNumber.TryParse(text, Today, out var cpr, out var error), error);
        Assert.Equal(new DateOnly(y, m, d), cpr.BirthDate);
        Assert.Equal(10, cpr.Digits.Length);
    }

    [Theory]
    [InlineData("290201-1234", "fødselsdato")]  // 29 Feb 1901: not a leap year
    [InlineData("310403-1234", "fødselsdato")]  // 31 April
    [InlineData("320103-1234", "fødselsdato")]
    [InlineData("011330-1234", "fødselsdato")]
    [InlineData("010130-4000", "fremtiden")]    // 1 Jan 2030 (7th digit 4, yy 30 <= 36)
    [InlineData("01020A-1234", "10 cifre")]
    [InlineData("010203-123", "10 cifre")]
    [InlineData("010203-12345", "10 cifre")]
    [InlineData("01-02-03-1234", "10 cifre")]
    [InlineData("", "10 cifre")]
    public void Invalid_numbers_are_refused_with_a_danish_reason(string text, string reasonPart)
    {
        Assert.False(CprNumber.TryParse(text, Today, out _, out var error));
        Assert.Contains(reasonPart, error);
        Assert.Throws<Tilsyn.Common.DomainException>(() => CprNumber.Parse(text, Today));
    }

    [Fact]
    public void The_last_four_digits_never_show_in_masked_form_or_ToString()
    {
        var cpr = CprNumber.Parse("0102031234", Today);
        Assert.Equal("010203-xxxx", cpr.Masked);
        Assert.Equal("010203-xxxx", cpr.ToString());
        Assert.Equal("010203-1234", cpr.Formatted);
        Assert.DoesNotContain("1234", $"{cpr}");
    }
}
