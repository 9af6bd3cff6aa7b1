using Tilsyn.Calendar;

namespace Tilsyn.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Plain = new(ClosedDays.None);
    private static readonly WorkingDayCalendar Copenhagen = new(ClosedDays.CopenhagenDefault);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void Statement_request_is_due_ten_working_days_later_skipping_Easter_2025()
    {
        // Easter 2025 = Sun 20 Apr: skærtorsdag Thu 17, langfredag Fri 18, 2. påskedag Mon 21 Apr.
        // From Wed 9 Apr: Thu 10 (1), Fri 11 (2), Mon 14 (3), Tue 15 (4), Wed 16 (5),
        // [Thu 17, Fri 18, Sat 19, Sun 20, Mon 21 closed], Tue 22 (6), Wed 23 (7), Thu 24 (8), Fri 25 (9), Mon 28 (10).
        Assert.Equal(D(2025, 4, 28), Plain.AddWorkingDays(D(2025, 4, 9), 10));
        Assert.Equal(10, Plain.WorkingDaysBetween(D(2025, 4, 9), D(2025, 4, 28)));
    }

    [Fact]
    public void Statement_request_is_due_ten_working_days_later_skipping_Easter_2026()
    {
        // Easter 2026 = Sun 5 Apr: skærtorsdag Thu 2, langfredag Fri 3, 2. påskedag Mon 6 Apr.
        // From Wed 25 Mar: Thu 26 (1), Fri 27 (2), Mon 30 (3), Tue 31 (4), Wed 1 Apr (5),
        // [Thu 2 – Mon 6 closed], Tue 7 (6), Wed 8 (7), Thu 9 (8), Fri 10 (9), Mon 13 (10).
        Assert.Equal(D(2026, 4, 13), Plain.AddWorkingDays(D(2026, 3, 25), 10));
    }

    [Fact]
    public void Christmas_and_New_Year_skip_only_the_statutory_holidays_without_closing_days()
    {
        // From Fri 19 Dec 2025: Mon 22 (1), Tue 23 (2), Wed 24 (3), [Thu 25 juledag, Fri 26 2. juledag, weekend],
        // Mon 29 (4), Tue 30 (5), Wed 31 (6), [Thu 1 Jan nytårsdag], Fri 2 (7), Mon 5 (8), Tue 6 (9), Wed 7 Jan 2026 (10).
        Assert.Equal(D(2025, 12, 30), Plain.AddWorkingDays(D(2025, 12, 19), 5));
        Assert.Equal(D(2026, 1, 7), Plain.AddWorkingDays(D(2025, 12, 19), 10));
    }

    [Fact]
    public void Christmas_and_New_Year_also_skip_the_configured_24_and_31_December()
    {
        // From Fri 19 Dec 2025: Mon 22 (1), Tue 23 (2), [Wed 24 lukkedag, Thu 25, Fri 26, weekend],
        // Mon 29 (3), Tue 30 (4), [Wed 31 lukkedag, Thu 1 Jan], Fri 2 (5), Mon 5 (6), Tue 6 (7), Wed 7 (8), Thu 8 (9), Fri 9 Jan 2026 (10).
        Assert.Equal(D(2026, 1, 2), Copenhagen.AddWorkingDays(D(2025, 12, 19), 5));
        Assert.Equal(D(2026, 1, 9), Copenhagen.AddWorkingDays(D(2025, 12, 19), 10));
        Assert.Equal("lukkedag", Copenhagen.Describe(D(2025, 12, 24)));
        Assert.Null(Plain.Describe(D(2025, 12, 24)));
    }

    [Fact]
    public void Great_Prayer_Day_2023_is_skipped_but_its_Friday_in_2024_is_a_working_day()
    {
        // 2023: Easter 9 Apr + 26 = Fri 5 May, store bededag. From Thu 4 May: [Fri 5, weekend], Mon 8 May (1).
        Assert.Equal(D(2023, 5, 8), Plain.AddWorkingDays(D(2023, 5, 4), 1));
        Assert.Equal("store bededag", Plain.Describe(D(2023, 5, 5)));
        // 2024: Easter 31 Mar + 26 = Fri 26 Apr, an ordinary Friday since the abolition. From Thu 25 Apr: Fri 26 Apr (1).
        Assert.Equal(D(2024, 4, 26), Plain.AddWorkingDays(D(2024, 4, 25), 1));
        Assert.True(Plain.IsWorkingDay(D(2024, 4, 26)));
    }

    [Fact]
    public void Ascension_Day_2026_and_a_configured_bridge_day_are_both_skipped()
    {
        // Easter 2026 = 5 Apr; +39 = Thu 14 May (Kristi himmelfartsdag). Bridge day Fri 15 May configured.
        // Without the bridge day, from Wed 13 May: [Thu 14], Fri 15 (1), Mon 18 (2).
        Assert.Equal(D(2026, 5, 18), Copenhagen.AddWorkingDays(D(2026, 5, 13), 2));
        // With it: [Thu 14, Fri 15, weekend], Mon 18 (1), Tue 19 (2).
        var parsed = ClosedDays.Parse(["--06-05", "--12-24", "--12-31", "2026-05-15"]);
        Assert.True(parsed.IsValid);
        var withBridge = new WorkingDayCalendar(parsed.ClosedDays);
        Assert.Equal(D(2026, 5, 19), withBridge.AddWorkingDays(D(2026, 5, 13), 2));
        Assert.Equal("Kristi himmelfartsdag", withBridge.Describe(D(2026, 5, 14)));
        Assert.Equal("lukkedag", withBridge.Describe(D(2026, 5, 15)));
    }

    [Fact]
    public void Whit_Monday_and_the_configured_Constitution_Day_2026_are_skipped()
    {
        // Easter 2026 = 5 Apr; +50 = Mon 25 May (2. pinsedag). From Fri 22 May: [weekend, Mon 25], Tue 26 May (1).
        Assert.Equal(D(2026, 5, 26), Plain.AddWorkingDays(D(2026, 5, 22), 1));
        // With 5 June (a Friday) closed, from Fri 22 May: Tue 26 (1), Wed 27 (2), Thu 28 (3), Fri 29 (4),
        // Mon 1 Jun (5), Tue 2 (6), Wed 3 (7), Thu 4 (8), [Fri 5 lukkedag, weekend], Mon 8 (9), Tue 9 Jun (10).
        Assert.Equal(D(2026, 6, 9), Copenhagen.AddWorkingDays(D(2026, 5, 22), 10));
        // Without it, from Thu 4 Jun: Fri 5 Jun (1); with it: Mon 8 Jun (1).
        Assert.Equal(D(2026, 6, 5), Plain.AddWorkingDays(D(2026, 6, 4), 1));
        Assert.Equal(D(2026, 6, 8), Copenhagen.AddWorkingDays(D(2026, 6, 4), 1));
    }

    [Fact]
    public void A_year_of_working_days_is_counted_and_added_the_same_way()
    {
        // 2026 starts on a Thursday and has 365 days = 52 weeks + 1 extra Thursday: 52 × 5 + 1 = 261 weekdays.
        // Holidays on weekdays: Thu 1 Jan, Thu 2 Apr, Fri 3 Apr, Mon 6 Apr, Thu 14 May, Mon 25 May, Fri 25 Dec = 7
        // (påskedag and pinsedag are Sundays, 2. juledag a Saturday) → 261 − 7 = 254; the last one is Thu 31 Dec.
        Assert.Equal(254, Plain.WorkingDaysBetween(D(2025, 12, 31), D(2026, 12, 31)));
        Assert.Equal(D(2026, 12, 31), Plain.AddWorkingDays(D(2025, 12, 31), 254));
        // Copenhagen also closes Fri 5 Jun, Thu 24 Dec, Thu 31 Dec → 251, the last one Wed 30 Dec.
        Assert.Equal(251, Copenhagen.WorkingDaysBetween(D(2025, 12, 31), D(2026, 12, 31)));
        Assert.Equal(D(2026, 12, 30), Copenhagen.AddWorkingDays(D(2025, 12, 31), 251));
    }

    [Fact]
    public void The_start_day_never_counts_even_on_a_weekend()
    {
        // Sat 12 Apr 2025: [Sun 13], Mon 14 (1).
        Assert.Equal(D(2025, 4, 14), Plain.AddWorkingDays(D(2025, 4, 12), 1));
        // Fri 11 Apr 2025 (a working day): Mon 14 (1).
        Assert.Equal(D(2025, 4, 14), Plain.AddWorkingDays(D(2025, 4, 11), 1));
    }

    [Fact]
    public void Zero_working_days_is_the_start_day_if_it_is_a_working_day_else_the_next_working_day()
    {
        Assert.Equal(D(2025, 4, 9), Plain.AddWorkingDays(D(2025, 4, 9), 0));   // Wed 9 Apr, a working day
        Assert.Equal(D(2025, 4, 14), Plain.AddWorkingDays(D(2025, 4, 12), 0)); // Sat 12 → Mon 14 Apr
        Assert.Equal(D(2025, 4, 22), Plain.AddWorkingDays(D(2025, 4, 18), 0)); // langfredag 18 → [Sat–Mon 21] Tue 22 Apr
    }

    [Fact]
    public void Negative_working_days_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Plain.AddWorkingDays(D(2025, 4, 9), -1));
    }

    [Fact]
    public void The_next_working_day_is_strictly_after_the_given_day()
    {
        Assert.Equal(D(2025, 4, 10), Plain.NextWorkingDay(D(2025, 4, 9)));  // Wed 9 → Thu 10 Apr
        Assert.Equal(D(2025, 4, 22), Plain.NextWorkingDay(D(2025, 4, 16))); // Wed 16 → [Thu 17 – Mon 21 Easter] Tue 22 Apr
    }

    [Fact]
    public void Days_between_count_working_days_after_from_up_to_and_including_to()
    {
        Assert.Equal(0, Plain.WorkingDaysBetween(D(2025, 4, 9), D(2025, 4, 9)));    // same day
        Assert.Equal(0, Plain.WorkingDaysBetween(D(2025, 4, 11), D(2025, 4, 13)));  // Fri → Sun: Sat, Sun
        Assert.Equal(1, Plain.WorkingDaysBetween(D(2025, 4, 11), D(2025, 4, 14)));  // Fri → Mon: Mon
        Assert.Equal(1, Plain.WorkingDaysBetween(D(2025, 4, 12), D(2025, 4, 14)));  // Sat → Mon: Mon
        Assert.Equal(-10, Plain.WorkingDaysBetween(D(2025, 4, 28), D(2025, 4, 9))); // the Easter 2025 case turned round
        Assert.Equal(-1, Plain.WorkingDaysBetween(D(2025, 4, 14), D(2025, 4, 11))); // Mon → Fri: Mon counted, negative
    }

    [Fact]
    public void Days_between_is_the_inverse_of_adding_working_days_for_every_start_in_2025_and_2026()
    {
        foreach (var calendar in new[] { Plain, Copenhagen })
            for (var start = D(2025, 1, 1); start <= D(2026, 12, 31); start = start.AddDays(1))
                for (var n = 0; n <= 25; n++)
                {
                    var due = calendar.AddWorkingDays(start, n);
                    Assert.True(calendar.IsWorkingDay(due), $"{start} + {n} = {due} is not a working day");
                    // 0 days from a closed day moves to the next working day, which then counts as one.
                    var expected = n == 0 && !calendar.IsWorkingDay(start) ? 1 : n;
                    Assert.Equal(expected, calendar.WorkingDaysBetween(start, due));
                    Assert.Equal(-expected, calendar.WorkingDaysBetween(due, start));
                }
    }

    [Fact]
    public void Adding_a_few_hundred_working_days_from_any_day_of_a_year_crosses_years_correctly()
    {
        // Speed is a benchmark matter, not a test's; this checks long spans across year ends.
        for (var start = D(2025, 1, 1); start <= D(2025, 12, 31); start = start.AddDays(1))
            Assert.Equal(300, Copenhagen.WorkingDaysBetween(start, Copenhagen.AddWorkingDays(start, 300)));
    }

    [Theory]
    [InlineData(2025, 4, 12, "lørdag")]
    [InlineData(2025, 4, 13, "søndag")]
    [InlineData(2025, 4, 18, "langfredag")]
    [InlineData(2025, 4, 20, "påskedag")] // a Sunday, named by the holiday
    [InlineData(2026, 6, 5, "lukkedag")]  // Constitution Day, configured
    [InlineData(2026, 12, 26, "2. juledag")] // a Saturday, named by the holiday
    [InlineData(2025, 4, 22, null)]
    public void Describe_gives_the_Danish_reason_a_day_is_not_a_working_day(int year, int month, int day, string? reason)
    {
        Assert.Equal(reason, Copenhagen.Describe(D(year, month, day)));
    }

    [Fact]
    public void A_deadline_is_overdue_only_from_the_day_after_it()
    {
        Assert.False(Plain.IsOverdue(D(2025, 4, 28), D(2025, 4, 27)));
        Assert.False(Plain.IsOverdue(D(2025, 4, 28), D(2025, 4, 28)));
        Assert.True(Plain.IsOverdue(D(2025, 4, 28), D(2025, 4, 29)));
    }
}
