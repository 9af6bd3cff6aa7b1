using Tilsyn.Calendar;

namespace Tilsyn.Tests.Calendar;

public sealed class ReportingPeriodTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void A_quarter_runs_from_its_first_to_its_last_day_with_a_Danish_label()
    {
        var q = ReportingPeriod.ForQuarter(2025, 1);
        Assert.Equal((D(2025, 1, 1), D(2025, 3, 31)), (q.From, q.To));
        Assert.Equal("1. kvt. 2025", q.Label);
        Assert.Equal("1. kvt. 2025 (1.1.2025-31.3.2025)", q.Description);
        // 31 + 28 + 31 = 90 days; in the leap year 2024: 31 + 29 + 31 = 91.
        Assert.Equal(90, q.Days);
        Assert.Equal(91, ReportingPeriod.ForQuarter(2024, 1).Days);
        Assert.Equal((D(2025, 10, 1), D(2025, 12, 31)), (ReportingPeriod.ForQuarter(2025, 4).From, ReportingPeriod.ForQuarter(2025, 4).To));
    }

    [Fact]
    public void February_ends_on_the_29th_in_a_leap_year_and_the_28th_otherwise()
    {
        Assert.Equal(D(2024, 2, 29), ReportingPeriod.ForMonth(2024, 2).To);
        Assert.Equal(D(2025, 2, 28), ReportingPeriod.ForMonth(2025, 2).To);
        Assert.Equal(D(2000, 2, 29), ReportingPeriod.ForMonth(2000, 2).To);
        Assert.Equal(D(1900, 2, 28), ReportingPeriod.ForMonth(1900, 2).To);
    }

    [Theory]
    [InlineData(1, "jan. 2025")]
    [InlineData(5, "maj 2025")]
    [InlineData(6, "jun. 2025")]
    [InlineData(12, "dec. 2025")]
    public void Months_have_Danish_abbreviated_labels(int month, string label) => Assert.Equal(label, ReportingPeriod.ForMonth(2025, month).Label);

    [Fact]
    public void Half_years_years_and_year_to_date_have_Danish_labels()
    {
        var h1 = ReportingPeriod.ForHalfYear(2025, 1);
        var h2 = ReportingPeriod.ForHalfYear(2025, 2);
        Assert.Equal(("1. halvår 2025", D(2025, 1, 1), D(2025, 6, 30)), (h1.Label, h1.From, h1.To));
        Assert.Equal(("2. halvår 2025", D(2025, 7, 1), D(2025, 12, 31)), (h2.Label, h2.From, h2.To));
        Assert.Equal("2025", ReportingPeriod.ForYear(2025).Label);
        Assert.Equal(366, ReportingPeriod.ForYear(2024).Days);
        var ytd = ReportingPeriod.YearToDate(D(2025, 3, 15));
        Assert.Equal(("2025 (år til dato)", D(2025, 1, 1), D(2025, 3, 15)), (ytd.Label, ytd.From, ytd.To));
        Assert.Equal("2025 (år til dato, 1.1.2025-15.3.2025)", ytd.Description);
        Assert.Equal("10.1.2025-20.2.2025", ReportingPeriod.Custom(D(2025, 1, 10), D(2025, 2, 20)).Label);
    }

    [Fact]
    public void The_same_period_a_year_earlier_keeps_the_kind()
    {
        Assert.Equal(ReportingPeriod.ForQuarter(2024, 1), ReportingPeriod.ForQuarter(2025, 1).YearEarlier());
        Assert.Equal(ReportingPeriod.ForMonth(2024, 1), ReportingPeriod.ForMonth(2025, 1).YearEarlier());
        Assert.Equal(ReportingPeriod.ForHalfYear(2024, 2), ReportingPeriod.ForHalfYear(2025, 2).YearEarlier());
        Assert.Equal(ReportingPeriod.ForYear(2024), ReportingPeriod.ForYear(2025).YearEarlier());
        Assert.Equal(ReportingPeriod.YearToDate(D(2024, 3, 15)), ReportingPeriod.YearToDate(D(2025, 3, 15)).YearEarlier());
        Assert.Equal(ReportingPeriod.Custom(D(2024, 1, 10), D(2024, 2, 20)), ReportingPeriod.Custom(D(2025, 1, 10), D(2025, 2, 20)).YearEarlier());
        // A leap month compares with the ordinary February before it.
        Assert.Equal(D(2023, 2, 28), ReportingPeriod.ForMonth(2024, 2).YearEarlier().To);
    }

    [Fact]
    public void Year_to_date_through_the_leap_day_compares_with_the_28th_of_February_a_year_earlier()
    {
        var earlier = ReportingPeriod.YearToDate(D(2024, 2, 29)).YearEarlier();
        Assert.Equal((PeriodKind.YearToDate, D(2023, 1, 1), D(2023, 2, 28)), (earlier.Kind, earlier.From, earlier.To));
        var custom = ReportingPeriod.Custom(D(2024, 2, 29), D(2024, 3, 1)).YearEarlier();
        Assert.Equal((D(2023, 2, 28), D(2023, 3, 1)), (custom.From, custom.To));
    }

    [Fact]
    public void The_last_eight_quarters_cross_year_boundaries_oldest_first()
    {
        var trend = ReportingPeriod.ForQuarter(2025, 2).LastQuarters(8);
        Assert.Equal(["3. kvt. 2023", "4. kvt. 2023", "1. kvt. 2024", "2. kvt. 2024", "3. kvt. 2024", "4. kvt. 2024", "1. kvt. 2025", "2. kvt. 2025"],
            trend.Select(q => q.Label));
        // Year to date and custom ranges end in the quarter of their last day.
        Assert.Equal("1. kvt. 2025", ReportingPeriod.YearToDate(D(2025, 3, 15)).LastQuarters(8)[^1].Label);
        Assert.Equal("2. kvt. 2023", ReportingPeriod.YearToDate(D(2025, 3, 15)).LastQuarters(8)[0].Label);
        Assert.Equal(["4. kvt. 2024", "1. kvt. 2025"], ReportingPeriod.ForMonth(2025, 1).LastQuarters(2).Select(q => q.Label));
    }

    [Fact]
    public void A_period_in_Copenhagen_is_bounded_by_local_midnights_in_UTC()
    {
        // Winter time (UTC+1) at the start; summer time (UTC+2) from 30 March 2025, so 1 April begins at 22:00 UTC on 31 March.
        var (from, to) = ReportingPeriod.ForQuarter(2025, 1).UtcBounds;
        Assert.Equal(new DateTimeOffset(2024, 12, 31, 23, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2025, 3, 31, 22, 0, 0, TimeSpan.Zero), to);
    }

    [Fact]
    public void Containing_finds_the_calendar_period_of_a_day()
    {
        Assert.Equal(ReportingPeriod.ForHalfYear(2025, 2), ReportingPeriod.Containing(PeriodKind.HalfYear, D(2025, 7, 1)));
        Assert.Equal(ReportingPeriod.ForQuarter(2024, 4), ReportingPeriod.Containing(PeriodKind.Quarter, D(2024, 12, 31)));
        Assert.Equal(3, ReportingPeriod.ForQuarter(2025, 1).Months().Count());
        Assert.True(ReportingPeriod.ForQuarter(2025, 1).Contains(D(2025, 3, 31)));
        Assert.False(ReportingPeriod.ForQuarter(2025, 1).Contains(D(2025, 4, 1)));
    }

    [Fact]
    public void Started_and_ended_are_judged_on_Danish_dates()
    {
        var q = ReportingPeriod.ForQuarter(2025, 1);
        Assert.False(q.HasStarted(D(2024, 12, 31)));
        Assert.True(q.HasStarted(D(2025, 1, 1)));
        Assert.False(q.HasEnded(D(2025, 3, 31)));
        Assert.True(q.HasEnded(D(2025, 4, 1)));
    }

    [Theory]
    [InlineData("2025-01")]
    [InlineData("2025-Q3")]
    [InlineData("2025-H2")]
    [InlineData("2025")]
    [InlineData("ytd-2024-02-29")]
    [InlineData("2025-01-10..2025-02-20")]
    public void Every_key_reads_back_as_the_same_period(string key) => Assert.Equal(key, ReportingPeriod.Parse(key).Key);

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("2025-Q5")]
    [InlineData("2025-13")]
    [InlineData("2025-H3")]
    [InlineData("K1 2025")]
    [InlineData("2025-02-30..2025-03-01")]
    [InlineData("2025-03-01..2025-02-01")]
    [InlineData("ytd-2025-02-29")]
    [InlineData("99999")]
    [InlineData("0001")]
    [InlineData("２０２５")]
    public void Anything_else_is_refused_in_Danish(string? key)
    {
        Assert.False(ReportingPeriod.TryParse(key, out _));
        var e = Assert.Throws<DomainException>(() => ReportingPeriod.Parse(key));
        Assert.Contains("Perioden", e.Message);
    }

    [Fact]
    public void A_custom_range_may_not_end_before_it_begins()
    {
        Assert.Throws<DomainException>(() => ReportingPeriod.Custom(D(2025, 2, 1), D(2025, 1, 31)));
        Assert.Equal(1, ReportingPeriod.Custom(D(2025, 2, 1), D(2025, 2, 1)).Days);
        Assert.Throws<DomainException>(() => ReportingPeriod.ForQuarter(2025, 0));
        Assert.Throws<DomainException>(() => ReportingPeriod.ForMonth(2025, 13));
    }
}
