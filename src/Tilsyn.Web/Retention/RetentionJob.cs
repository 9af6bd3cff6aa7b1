using Tilsyn.Calendar;

namespace Tilsyn.Web.Retention;

/// <summary>
/// The daily retention run (<see cref="RetentionRun.ApplyAsync"/>) at night: every day at
/// <c>Retention:RunAtHour</c> o'clock Copenhagen time (default 2) it delivers and deletes the cases
/// whose retention ran out by that day. Switched on by <c>Retention:Enabled</c> (default true; the
/// tests switch it off and run the retention themselves). A host that is down at that hour runs the next night.
/// </summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<RetentionJob> log) : BackgroundService
{
    public const string Actor = "Tilsyn (daglig sletning)";

    public int RunAtHour => Math.Clamp(config.GetValue("Retention:RunAtHour", 2), 0, 23);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = NextRun(clock.GetUtcNow(), RunAtHour);
            try { await Task.Delay(next - clock.GetUtcNow(), clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
            try { await RunAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { log.LogError(ex, "Retention run failed"); }
        }
    }

    /// <summary>Runs today's retention now; returns what it did.</summary>
    public async Task<RetentionResult> RunAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionRun>().ApplyAsync(clock.Today(), Actor, ct);
    }

    /// <summary>The next moment it is <paramref name="hour"/> o'clock in Copenhagen, after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, int hour)
    {
        var today = DanishTime.LocalDate(now);
        var at = DanishTime.At(today, new TimeOnly(hour, 0));
        return at > now ? at : DanishTime.At(today.AddDays(1), new TimeOnly(hour, 0));
    }
}
