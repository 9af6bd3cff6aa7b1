using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Tests.AccessLogging;

namespace Tilsyn.Web.Tests.Retention;

/// <summary>Issue 13, point 2: access-log lines older than their retention go, and the chain still verifies from the first kept line.</summary>
public sealed class AccessLogRetentionTests
{
    [Fact]
    public async Task Old_lines_are_deleted_from_the_start_of_the_chain_and_the_rest_still_verifies()
    {
        await using var app = new TilsynApp(); // its own database: pruning changes the whole log
        await AccessLogChainTests.WriteLinesAsync(app, 5);
        var today = Tilsyn.Calendar.DanishTime.Today(app.Clock);
        using (var scope = app.Services.CreateScope())
        {
            var retention = scope.ServiceProvider.GetRequiredService<AccessLogRetention>();
            Assert.Equal(0, (await retention.PruneAsync(today, default)).Deleted); // nothing is five years old
            app.Clock.Advance(TimeSpan.FromDays(3 * 365));
            await AccessLogChainTests.WriteLinesAsync(app, 3); // written three years later: kept
            var due = await retention.CountDueAsync(today.AddYears(5).AddDays(2), default);
            var result = await retention.PruneAsync(today.AddYears(5).AddDays(2), default);
            Assert.Equal(due, result.Deleted);
            Assert.True(result.Deleted >= 5);
        }

        var lines = await app.WithDbAsync(db => db.AccessLog.OrderBy(a => a.Sequence).ToListAsync());
        Assert.Equal(4, lines.Count); // the three later lines and the line that records the pruning
        Assert.Contains(lines, l => l.Action == AccessAction.AccessLogPruned && l.Detail.Contains("opbevaringstid 5 år"));
        var verified = await AccessLogChainTests.VerifyAsync(app);
        Assert.True(verified.Ok, verified.Reason);
        Assert.Equal(lines[0].Sequence - 1, verified.PrunedThrough);
        await AccessLogChainTests.WriteLinesAsync(app, 1);
        Assert.True((await AccessLogChainTests.VerifyAsync(app)).Ok);
        Assert.Contains("kontrolleret fra nr.", (await AccessLogChainTests.RunCommandAsync(app)).Output);
    }

    [Fact]
    public async Task Deleting_the_first_kept_line_or_the_anchor_is_still_found()
    {
        await using var app = new TilsynApp();
        await AccessLogChainTests.WriteLinesAsync(app, 3);
        app.Clock.Advance(TimeSpan.FromDays(6 * 365));
        await AccessLogChainTests.WriteLinesAsync(app, 3);
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<AccessLogRetention>().PruneAsync(Tilsyn.Calendar.DanishTime.Today(app.Clock), default);
        Assert.True((await AccessLogChainTests.VerifyAsync(app)).Ok);

        await app.WithDbAsync(async db =>
        {
            var postgres = db.Database.IsNpgsql();
            if (postgres)
            {
                // Outside a pruning transaction the trigger still refuses a DELETE.
                await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log WHERE \"Sequence\" = (SELECT MIN(\"Sequence\") FROM audit_log)"));
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_log DISABLE TRIGGER USER");
            }
            await db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log WHERE \"Sequence\" = (SELECT MIN(\"Sequence\") FROM audit_log)");
            if (postgres) await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_log ENABLE TRIGGER USER");
            return 0;
        });
        var result = await AccessLogChainTests.VerifyAsync(app);
        Assert.False(result.Ok);
        Assert.Contains("slettet", result.Reason);
    }
}
