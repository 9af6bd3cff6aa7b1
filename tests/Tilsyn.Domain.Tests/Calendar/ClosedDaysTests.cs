using Tilsyn.Calendar;

namespace Tilsyn.Tests.Calendar;

public class ClosedDaysTests
{
    [Fact]
    public void Every_year_days_and_single_dates_parse_and_surrounding_spaces_and_blank_entries_are_ignored()
    {
        var result = ClosedDays.Parse(["--06-05", " --12-24 ", "", "2026-05-15", "--02-29"]);

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Equal(["--02-29", "--06-05", "--12-24", "2026-05-15"], result.ClosedDays.ToEntries());
        Assert.True(result.ClosedDays.IsClosed(new DateOnly(2031, 12, 24)));
        Assert.True(result.ClosedDays.IsClosed(new DateOnly(2026, 5, 15)));
        Assert.False(result.ClosedDays.IsClosed(new DateOnly(2027, 5, 15))); // a single date does not recur
        Assert.True(result.ClosedDays.IsClosed(new DateOnly(2028, 2, 29)));  // --02-29 in a leap year
    }

    [Fact]
    public void An_impossible_recurring_day_is_named_in_a_Danish_error()
    {
        var result = ClosedDays.Parse(["--06-05", "--13-40"]);

        Assert.False(result.IsValid);
        Assert.Null(result.ClosedDays);
        Assert.Equal(["'--13-40' er ikke en gyldig dato (brug --MM-dd eller yyyy-MM-dd)."], result.Errors);
    }

    [Fact]
    public void Every_bad_entry_gets_its_own_error_naming_it()
    {
        string[] bad = ["2026-02-30", "06-05", "05-06-2026", "2026-5-15", "--6-5", "--04-31", "juleaften"];

        var result = ClosedDays.Parse(["--12-24", .. bad]);

        Assert.False(result.IsValid);
        Assert.Equal(bad.Length, result.Errors.Count);
        foreach (var (entry, error) in bad.Zip(result.Errors))
            Assert.StartsWith($"'{entry}' er ikke en gyldig dato", error);
    }

    [Fact]
    public void Copenhagen_default_closes_on_Constitution_Day_Christmas_Eve_and_New_Years_Eve()
    {
        Assert.Equal(["--06-05", "--12-24", "--12-31"], ClosedDays.CopenhagenDefault.ToEntries());
        Assert.Empty(ClosedDays.None.ToEntries());
    }

    [Fact]
    public void A_recurring_day_that_does_not_exist_is_refused_by_the_constructor()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnnualDay(2, 30));
    }
}
