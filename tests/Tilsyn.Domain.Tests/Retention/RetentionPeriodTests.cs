using Tilsyn.Retention;

namespace Tilsyn.Tests.Retention;

public sealed class RetentionPeriodTests
{
    [Theory]
    [InlineData("P1825D", 0, 0, 1825)]
    [InlineData("P5Y", 5, 0, 0)]
    [InlineData("P6M", 0, 6, 0)]
    [InlineData("P30D", 0, 0, 30)]
    [InlineData("P2Y6M10D", 2, 6, 10)]
    [InlineData("P2W", 0, 0, 14)]
    [InlineData("P18250D", 0, 0, 18250)]
    [InlineData(" p10y ", 10, 0, 0)]
    public void KL_retention_codes_and_the_other_calendar_durations_are_read(string text, int years, int months, int days)
    {
        var p = RetentionPeriod.Parse(text);
        Assert.Equal((years, months, days), (p.Years, p.Months, p.Days));
        Assert.Equal(text.Trim().ToUpperInvariant(), p.Text);
    }

    [Theory]
    [InlineData("", "skal udfyldes")]
    [InlineData("1825", "ikke en ISO 8601-periode")]
    [InlineData("P", "ikke en ISO 8601-periode")]
    [InlineData("5 år", "ikke en ISO 8601-periode")]
    [InlineData("P-5Y", "ikke en ISO 8601-periode")]
    [InlineData("P1.5Y", "ikke en ISO 8601-periode")]
    [InlineData("P5D2Y", "ikke en ISO 8601-periode")]
    [InlineData("PT24H", "timer, minutter eller sekunder")]
    [InlineData("P1DT1H", "timer, minutter eller sekunder")]
    [InlineData("P0D", "mindst én dag")]
    [InlineData("P0Y0M", "mindst én dag")]
    [InlineData("P99999Y", "for lang")]
    [InlineData("P999999999D", "for lang")]
    [InlineData("P１８２５D", "ikke en ISO 8601-periode")]
    public void A_bad_duration_is_refused_with_a_Danish_message_saying_why(string text, string expected)
    {
        var ex = Assert.Throws<DomainException>(() => RetentionPeriod.Parse(text));
        Assert.Contains(expected, ex.Message);
        Assert.Contains("lettefrist", ex.Message);
    }

    [Fact]
    public void Days_are_counted_from_the_closure_day_so_P1825D_is_a_day_short_of_five_years_across_a_leap_year()
    {
        Assert.Equal(new DateOnly(2025, 1, 13), RetentionPeriod.Parse("P1825D").AddTo(new DateOnly(2020, 1, 15)));
        Assert.Equal(new DateOnly(2025, 1, 15), RetentionPeriod.Parse("P5Y").AddTo(new DateOnly(2020, 1, 15)));
    }

    [Fact]
    public void Years_then_months_then_days_are_added_and_a_leap_day_ends_on_28_February()
    {
        Assert.Equal(new DateOnly(2025, 2, 28), RetentionPeriod.Parse("P1Y").AddTo(new DateOnly(2024, 2, 29)));
        Assert.Equal(new DateOnly(2024, 2, 29), RetentionPeriod.Parse("P1M").AddTo(new DateOnly(2024, 1, 31)));
        Assert.Equal(new DateOnly(2027, 3, 1), RetentionPeriod.Parse("P2Y1M1D").AddTo(new DateOnly(2025, 1, 31)));
    }

    [Fact]
    public void The_longest_period_still_gives_a_date()
    {
        var p = RetentionPeriod.Parse($"P{RetentionPeriod.MaxYears}Y{RetentionPeriod.MaxYears * 12}M");
        Assert.True(p.AddTo(new DateOnly(2026, 1, 1)).Year > 4000);
        Assert.Equal(DateOnly.MaxValue, p.AddTo(new DateOnly(9000, 1, 1)));
    }

    [Theory]
    [InlineData("P1825D", "1825 dage (ca. 5 år)")]
    [InlineData("P5Y", "5 år")]
    [InlineData("P1Y6M", "1 år og 6 måneder")]
    [InlineData("P1Y1M1D", "1 år, 1 måned og 1 dag")]
    public void A_period_is_described_in_Danish(string text, string expected) =>
        Assert.Equal(expected, RetentionPeriod.Parse(text).Describe());
}
