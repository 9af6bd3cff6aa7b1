using Tilsyn.Calendar;
using Tilsyn.Complaints;

namespace Tilsyn.Tests.Complaints;

public sealed class DeadlinePolicyTests
{
    private static readonly WorkingDayCalendar Calendar = new(ClosedDays.CopenhagenDefault);
    private static readonly DateOnly Monday = new(2026, 3, 2);

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(60)]
    public void A_caseworker_may_give_between_1_and_60_working_days_for_a_statement(int workingDays)
    {
        Assert.Equal(Calendar.AddWorkingDays(Monday, workingDays), new DeadlinePolicy().StatementDue(Calendar, Monday, workingDays));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(61)]
    public void A_statement_deadline_outside_1_to_60_working_days_is_refused(int workingDays)
    {
        var e = Assert.Throws<DomainException>(() => new DeadlinePolicy().StatementDue(Calendar, Monday, workingDays));
        Assert.Equal("Fristen skal være mellem 1 og 60 arbejdsdage.", e.Message);
    }

    [Fact]
    public void Without_a_choice_the_policy_s_own_working_days_apply()
    {
        Assert.Equal(Calendar.AddWorkingDays(Monday, 15), new DeadlinePolicy(StatementWorkingDays: 15).StatementDue(Calendar, Monday));
    }
}
