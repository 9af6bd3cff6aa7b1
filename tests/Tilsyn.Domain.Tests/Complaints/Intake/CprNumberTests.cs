using Tilsyn.Complaints.Intake;

namespace Tilsyn.Tests.Complaints.Intake;

public sealed class CprNumberTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Theory]
    // 7th digit 0-3: always the 1900s.
    [InlineData("010203-1234", "1903-02-01")] // 1 → 1903
    [InlineData("311299-3999", "1999-12-31")] // 3 → 1999
    [InlineData("150600-0001", "1900-06-15")] // 0 → 1900
    // 7th digit 4 or 9: the 2000s when yy ≤ 36, otherwise the 1900s.
    [InlineData("010220-4000", "2020-02-01")] // 4, yy 20 ≤ 36 → 2020
    [InlineData("010237-4000", "1937-02-01")] // 4, yy 37 > 36 → 1937
    [InlineData("010210-9000", "2010-02-01")] // 9, yy 10 ≤ 36 → 2010
    [InlineData("010250-9000", "1950-02-01")] // 9, yy 50 > 36 → 1950
    // 7th digit 5-8: the 2000s when yy ≤ 57, otherwise the 1800s.
    [InlineData("010215-5000", "2015-02-01")] // 5, yy 15 ≤ 57 → 2015
    [InlineData("010258-5000", "1858-02-01")] // 5, yy 58 > 57 → 1858
    [InlineData("010299-8000", "1899-02-01")] // 8, yy 99 > 57 → 1899
    [InlineData("010224-7000", "2024-02-01")] // 7, yy 24 ≤ 57 → 2024
    public void The_century_follows_the_CPR_office_rule_for_the_seventh_digit(string text, string birthDate)
    {
        Assert.True(CprNumber.TryParse(text, Today, out var cpr, out var error));
        Assert.Null(error);
        Assert.Equal(DateOnly.Parse(birthDate), cpr.BirthDate);
    }

    [Theory]
    [InlineData("010236-4000", "2036-02-01")] // 4, yy 36 is the last year of the 2000s
    [InlineData("010257-6000", "2057-02-01")] // 6, yy 57 is the last year of the 2000s
    public void The_last_year_of_each_2000s_range_is_in_the_2000s(string text, string birthDate)
    {
        var farFuture = new DateOnly(2060, 1, 1);
        Assert.Equal(DateOnly.Parse(birthDate), CprNumber.Parse(text, farFuture).BirthDate);
    }

    [Theory]
    [InlineData("010203-1234")]
    [InlineData("0102031234")]
    [InlineData("  010203-1234 ")]
    [InlineData(" 0102031234\t")]
    public void The_number_may_be_written_with_or_without_dash_and_with_surrounding_spaces(string text)
    {
        var cpr = CprNumber.Parse(text, Today);
        Assert.Equal("0102031234", cpr.Digits);
        Assert.Equal("010203-1234", cpr.Formatted);
        Assert.Equal(new DateOnly(1903, 2, 1), cpr.BirthDate);
    }

    [Fact]
    public void The_same_number_with_and_without_dash_is_equal()
    {
        Assert.Equal(CprNumber.Parse("010203-1234", Today), CprNumber.Parse("0102031234", Today));
    }

    [Fact]
    public void A_number_failing_modulus_11_is_accepted_since_such_numbers_are_issued()
    {
        // Weights 4 3 2 7 6 5 4 3 2 1 on 0 1 0 2 0 3 1 2 3 4: 0+3+0+14+0+15+4+6+6+4 = 52, 52 mod 11 = 8.
        Assert.True(CprNumber.TryParse("010203-1234", Today, out _, out _));
    }

    [Theory]
    [InlineData("290296-1234", "1996-02-29")] // 1 → 1996, a leap year
    [InlineData("290200-4000", "2000-02-29")] // 4, yy 00 → 2000, a leap year (divisible by 400)
    public void The_29th_of_February_is_valid_in_a_leap_year(string text, string birthDate)
    {
        Assert.Equal(DateOnly.Parse(birthDate), CprNumber.Parse(text, Today).BirthDate);
    }

    [Theory]
    [InlineData("290201-1234")] // 1 → 1901, not a leap year
    [InlineData("290200-1234")] // 1 → 1900, not a leap year (divisible by 100, not 400), unlike 2000 above
    [InlineData("310480-1234")] // 31 April 1980
    [InlineData("000180-1234")] // day 0
    [InlineData("321280-1234")] // day 32
    [InlineData("011380-1234")] // month 13
    [InlineData("010080-1234")] // month 0
    public void A_date_that_does_not_exist_is_refused(string text)
    {
        Assert.False(CprNumber.TryParse(text, Today, out _, out var error));
        Assert.Equal("CPR-nummeret indeholder ikke en gyldig fødselsdato.", error);
    }

    [Fact]
    public void A_birth_date_after_today_is_refused_but_today_itself_is_accepted()
    {
        // 4, yy 26 ≤ 36 → 2026: 16 June 2026 is the day after Today, 15 June is Today.
        Assert.False(CprNumber.TryParse("160626-4000", Today, out _, out var error));
        Assert.Contains("efter dags dato", error);
        Assert.True(CprNumber.TryParse("150626-4000", Today, out _, out _));
    }

    [Theory]
    [InlineData("01020A-1234")]
    [InlineData("abcdef-ghij")]
    [InlineData("010203123")]      // 9 digits
    [InlineData("01020312345")]    // 11 digits
    [InlineData("010203-12345")]   // 11 digits with dash
    [InlineData("010203-123")]     // 9 digits with dash
    [InlineData("01020-31234")]    // dash in the wrong place
    [InlineData("010203 1234")]    // space instead of dash
    [InlineData("010203–1234")]    // en dash
    [InlineData("010203--1234")]
    [InlineData("٠١٠٢٠٣١٢٣٤")]     // Arabic-Indic digits are digits, but not CPR digits
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Anything_but_ten_digits_with_an_optional_dash_is_refused(string? text)
    {
        Assert.False(CprNumber.TryParse(text, Today, out var cpr, out var error));
        Assert.Equal(default, cpr);
        Assert.Equal("CPR-nummeret skal skrives som 10 cifre, fx 010203-1234.", error);
    }

    [Fact]
    public void Parse_throws_a_domain_exception_with_the_Danish_message()
    {
        var ex = Assert.Throws<DomainException>(() => CprNumber.Parse("310480-1234", Today));
        Assert.Equal("CPR-nummeret indeholder ikke en gyldig fødselsdato.", ex.Message);
    }

    [Fact]
    public void Masked_and_ToString_never_show_the_last_four_digits()
    {
        var cpr = CprNumber.Parse("010203-1234", Today);
        Assert.Equal("010203-xxxx", cpr.Masked);
        Assert.Equal("010203-xxxx", cpr.ToString());
        Assert.Equal("Borger 010203-xxxx", $"Borger {cpr}");
        Assert.DoesNotContain("1234", cpr.ToString());
        Assert.DoesNotContain("1234", string.Format("{0}", cpr));
    }

    [Fact]
    public void A_default_value_prints_as_empty_rather_than_as_a_number()
    {
        Assert.Equal("", default(CprNumber).ToString());
        Assert.Throws<InvalidOperationException>(() => default(CprNumber).Digits);
    }
}
