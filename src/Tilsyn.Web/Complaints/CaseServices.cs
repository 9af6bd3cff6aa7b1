using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Web.Data;

namespace Tilsyn.Web.Complaints;

/// <summary>The citizen's private status link: an unguessable token whose SHA-256 is all the database keeps.</summary>
public static class StatusToken
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Allocates the next running number of the year (<c>YYYY-NNNNNNN</c>); the unique index settles races, the caller retries.</summary>
public sealed class CaseNumberAllocator(TilsynDbContext db)
{
    public async Task<int> NextAsync(int year, CancellationToken ct)
    {
        var max = await db.Cases.Where(c => c.Year == year).MaxAsync(c => (int?)c.Sequence, ct) ?? 0;
        return max + 1;
    }
}

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

    /// <summary>Today in Copenhagen: deadlines are Danish calendar days, not UTC ones.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Copenhagen).DateTime);

    public static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Copenhagen).DateTime);

    /// <summary>A moment as Copenhagen's wall-clock time, for display (the server may run in UTC).</summary>
    public static DateTimeOffset ToCopenhagen(this DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Copenhagen);

    public static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
}
