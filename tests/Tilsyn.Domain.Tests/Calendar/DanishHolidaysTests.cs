using Tilsyn.Calendar;

namespace Tilsyn.Tests.Calendar;

public class DanishHolidaysTests
{
    // Expected dates are checked independently of the code's algorithm, with the tabular method:
    // golden number G = year % 19 + 1 gives the paschal full moon (PFM) from the Gregorian table valid
    // for 1900–2199 (G: 1→14 Apr, 2→3 Apr, 3→23 Mar, 4→11 Apr, 5→31 Mar, 6→18 Apr, 7→8 Apr, 8→28 Mar,
    // 9→16 Apr, 10→5 Apr, 11→25 Mar, 12→13 Apr, 13→2 Apr, 14→22 Mar, 15→10 Apr, 16→30 Mar, 17→17 Apr,
    // 18→7 Apr, 19→27 Mar); Easter is the first Sunday strictly after the PFM.
    [Theory]
    [InlineData(2024, 3, 31)] // 2024 % 19 = 10, G = 11 → PFM Mon 25 Mar → Sun 31 Mar
    [InlineData(2025, 4, 20)] // 2025 % 19 = 11, G = 12 → PFM Sun 13 Apr → next Sunday 20 Apr
    [InlineData(2026, 4, 5)]  // 2026 % 19 = 12, G = 13 → PFM Thu 2 Apr → Sun 5 Apr
    [InlineData(2027, 3, 28)] // 2027 % 19 = 13, G = 14 → PFM Mon 22 Mar → Sun 28 Mar
    [InlineData(2000, 4, 23)] // 2000 % 19 = 5, G = 6 → PFM Tue 18 Apr → Sun 23 Apr
    [InlineData(2038, 4, 25)] // 2038 % 19 = 5, G = 6 → PFM Sun 18 Apr → next Sunday 25 Apr
    [InlineData(2023, 4, 9)]  // 2023 % 19 = 9, G = 10 → PFM Wed 5 Apr → Sun 9 Apr
    [InlineData(2019, 4, 21)] // 2019 % 19 = 5, G = 6 → PFM Thu 18 Apr → Sun 21 Apr
    [InlineData(2011, 4, 24)] // 2011 % 19 = 16, G = 17 → PFM Sun 17 Apr → next Sunday 24 Apr
    [InlineData(2008, 3, 23)] // 2008 % 19 = 13, G = 14 → PFM Sat 22 Mar → Sun 23 Mar (almost the earliest possible)
    [InlineData(1943, 4, 25)] // 1943 % 19 = 5, G = 6 → PFM Sun 18 Apr → 25 Apr (the latest possible date)
    public void Easter_Sunday_follows_the_Gregorian_computus(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), DanishHolidays.EasterSunday(year));
    }

    [Fact]
    public void The_holidays_of_2026_are_the_ten_of_the_Holidays_Act_without_Great_Prayer_Day()
    {
        // Easter 2026 = Sun 5 Apr. −3 = Thu 2 Apr, −2 = Fri 3 Apr, +1 = Mon 6 Apr,
        // +39 = 5 Apr + 25 days (→ 30 Apr) + 14 = Thu 14 May, +49 = Sun 24 May, +50 = Mon 25 May.
        var expected = new PublicHoliday[]
        {
            new(new(2026, 1, 1), "nytårsdag"),
            new(new(2026, 4, 2), "skærtorsdag"),
            new(new(2026, 4, 3), "langfredag"),
            new(new(2026, 4, 5), "påskedag"),
            new(new(2026, 4, 6), "2. påskedag"),
            new(new(2026, 5, 14), "Kristi himmelfartsdag"),
            new(new(2026, 5, 24), "pinsedag"),
            new(new(2026, 5, 25), "2. pinsedag"),
            new(new(2026, 12, 25), "juledag"),
            new(new(2026, 12, 26), "2. juledag"),
        };
        Assert.Equal(expected, DanishHolidays.For(2026));
    }

    [Fact]
    public void Great_Prayer_Day_is_a_holiday_on_Friday_5_May_2023()
    {
        // Easter 2023 = Sun 9 Apr; +26 = 9 Apr + 21 (→ 30 Apr) + 5 = Fri 5 May.
        Assert.True(DanishHolidays.IsPublicHoliday(new DateOnly(2023, 5, 5), out var name));
        Assert.Equal("store bededag", name);
        Assert.Equal(11, DanishHolidays.For(2023).Count);
    }

    [Fact]
    public void Great_Prayer_Day_is_abolished_so_Friday_26_April_2024_is_no_holiday()
    {
        // Easter 2024 = Sun 31 Mar; +26 = Fri 26 Apr, which would have been store bededag before 2024.
        Assert.False(DanishHolidays.IsPublicHoliday(new DateOnly(2024, 4, 26), out var name));
        Assert.Null(name);
        Assert.Equal(10, DanishHolidays.For(2024).Count);
    }

    [Theory]
    [InlineData(2026, 6, 5)]   // Constitution Day (grundlovsdag)
    [InlineData(2026, 5, 1)]   // 1 May
    [InlineData(2026, 12, 24)] // Christmas Eve
    [InlineData(2026, 12, 31)] // New Year's Eve
    public void Days_that_are_only_customary_closing_days_are_not_statutory_holidays(int year, int month, int day)
    {
        Assert.False(DanishHolidays.IsPublicHoliday(new DateOnly(year, month, day), out _));
    }
}
