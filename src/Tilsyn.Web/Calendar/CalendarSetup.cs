using Tilsyn.Calendar;
using Tilsyn.Complaints;

namespace Tilsyn.Web.Calendar;

/// <summary>
/// Working-day calendar and deadline policy from configuration:
/// <c>Calendar:ClosedDays</c> (entries <c>--MM-dd</c> every year or <c>yyyy-MM-dd</c> once; default 5 June, 24 and 31 December),
/// <c>Deadlines:FirstAnswerWorkingDays</c> and <c>Deadlines:StatementWorkingDays</c> (default 10 each).
/// </summary>
public static class CalendarSetup
{
    public static IServiceCollection AddTilsynCalendar(this IServiceCollection services, IConfiguration config)
    {
        var entries = config.GetSection("Calendar:ClosedDays").Get<string[]>();
        ClosedDays closed;
        if (entries is null) closed = ClosedDays.CopenhagenDefault;
        else
        {
            var parsed = ClosedDays.Parse(entries);
            if (!parsed.IsValid)
                throw new InvalidOperationException("Calendar:ClosedDays: " + string.Join(" ", parsed.Errors));
            closed = parsed.ClosedDays;
        }
        services.AddSingleton(new WorkingDayCalendar(closed));
        services.AddSingleton(new DeadlinePolicy(
            config.GetValue("Deadlines:FirstAnswerWorkingDays", 10),
            config.GetValue("Deadlines:StatementWorkingDays", 10)));
        return services;
    }
}
