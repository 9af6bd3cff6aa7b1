using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Web.Data;

namespace Tilsyn.Web.Tests.Mail;

/// <summary>The application on a database it does not migrate itself: the test migrates step by step.</summary>
public sealed class UnmigratedApp : TilsynApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" };
}

public sealed class LegacyOutboxMigrationTests(UnmigratedApp app) : IClassFixture<UnmigratedApp>
{
    [Fact]
    public async Task Mail_from_before_the_migration_loses_its_links_waits_its_turn_and_what_was_given_up_is_failed()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TilsynDbContext>();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("RedesignDeadlineKinds");

        var token = Tilsyn.Web.Complaints.StatusToken.New();
        var created = app.Clock.GetUtcNow().AddDays(-1);
        object createdValue = TestDatabase.IsPostgres ? created : new DateTimeOffsetToBinaryConverter().ConvertToProvider(created)!;
        const string q = "\"";
        var insert = $"INSERT INTO outgoing_mail ({q}CreatedAt{q}, {q}To{q}, {q}Subject{q}, {q}Body{q}, {q}Attempts{q}) VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {{4}})";
        await db.Database.ExecuteSqlRawAsync(insert, createdValue, "venter@borger.example", "Kvittering", $"Følg sagen: https://tilsyn.example/status/{token}\n\nHilsen", 0);
        await db.Database.ExecuteSqlRawAsync(insert, createdValue, "opgivet@borger.example", "Kvittering", "Hej", 10);

        await migrator.MigrateAsync();

        var waiting = await db.OutgoingMail.AsNoTracking().SingleAsync(m => m.To == "venter@borger.example");
        Assert.DoesNotContain(token, waiting.Body);
        Assert.Equal("Følg sagen: https://tilsyn.example/status-link-fjernet\n\nHilsen", waiting.Body);
        Assert.Equal(created, waiting.NextAttemptAt);
        Assert.Null(waiting.FailedAt);
        var givenUp = await db.OutgoingMail.AsNoTracking().SingleAsync(m => m.To == "opgivet@borger.example");
        Assert.NotNull(givenUp.FailedAt);
    }
}
