using Tilsyn.Calendar;

namespace Tilsyn.Tests.Calendar;

public sealed class DanishTimeTests
{
    private sealed class Fixed(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }

    [Fact]
    public void Half_past_eleven_UTC_on_New_Years_Eve_is_already_New_Years_Day_in_Copenhagen()
    {
        var at = new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2027, 1, 1), DanishTime.LocalDate(at));
        Assert.Equal(new DateOnly(2027, 1, 1), new Fixed(at).Today());
        Assert.Equal(new DateOnly(2026, 12, 31), DateOnly.FromDateTime(at.UtcDateTime)); // what the UTC date would wrongly say
    }

    [Fact]
    public void Summer_time_is_two_hours_ahead_of_UTC_and_winter_time_one()
    {
        Assert.Equal(TimeSpan.FromHours(2), new DateTimeOffset(2026, 7, 1, 22, 30, 0, TimeSpan.Zero).ToCopenhagen().Offset);
        Assert.Equal(new DateOnly(2026, 7, 2), DanishTime.LocalDate(new DateTimeOffset(2026, 7, 1, 22, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 1, 15), DanishTime.LocalDate(new DateTimeOffset(2026, 1, 15, 22, 30, 0, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.FromHours(1), new DateTimeOffset(2026, 1, 15, 22, 30, 0, TimeSpan.Zero).ToCopenhagen().Offset);
    }

    [Fact]
    public void The_day_summer_time_begins_starts_at_midnight_winter_time()
    {
        // 29 March 2026: clocks go from 02:00 to 03:00; midnight is still CET (+01:00).
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), DanishTime.StartOf(new DateOnly(2026, 3, 29)));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero), DanishTime.At(new DateOnly(2026, 3, 29), new TimeOnly(9, 0)));
        Assert.Equal(TimeSpan.Zero, DanishTime.At(new DateOnly(2026, 3, 29), new TimeOnly(9, 0)).Offset); // stored moments are UTC (PostgreSQL accepts no other offset)
    }

    [Fact]
    public void Dates_are_written_the_Danish_way()
    {
        Assert.Equal("25. november 2026", new DateOnly(2026, 11, 25).ToString("d. MMMM yyyy", DanishTime.Culture));
        Assert.Equal("1,5", 1.5.ToString(DanishTime.Culture));
    }

    [Fact]
    public void A_Danish_year_runs_from_Copenhagen_midnight_to_Copenhagen_midnight()
    {
        var (from, to) = DanishTime.YearBounds(2026);
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero), to);
        Assert.Equal(2026, DanishTime.LocalDate(from).Year);
        Assert.Equal(2025, DanishTime.LocalDate(from.AddTicks(-1)).Year);
        Assert.Equal(2027, DanishTime.LocalDate(to).Year);
    }

    [Fact]
    public void A_wall_clock_time_in_summer_and_winter_becomes_the_right_UTC_moment()
    {
        Assert.Equal(new DateTimeOffset(2026, 6, 10, 8, 0, 0, TimeSpan.Zero), DanishTime.At(new DateOnly(2026, 6, 10), new TimeOnly(10, 0)));
        Assert.Equal(new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero), DanishTime.At(new DateOnly(2026, 1, 10), new TimeOnly(10, 0)));
    }
}
