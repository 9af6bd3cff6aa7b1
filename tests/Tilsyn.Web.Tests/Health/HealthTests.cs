using System.Text.Json;

namespace Tilsyn.Web.Tests.Health;

public sealed class HealthTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    [Fact]
    public async Task Health_is_200_with_json_when_the_database_answers()
    {
        var response = await app.NewClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(TestDatabase.IsPostgres ? "Postgres" : "Sqlite", json.RootElement.GetProperty("database").GetString());
    }
}

/// <summary>The application started against a database that does not answer.</summary>
public sealed class UnreachableDatabaseApp : TilsynApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:MigrateOnStartup"] = "false",
        // Postgres: a port nothing listens on. SQLite: a read-write open of a file in a folder that does not exist.
        ["ConnectionStrings:Tilsyn"] = TestDatabase.IsPostgres
            ? $"Host=127.0.0.1;Port={FreePort()};Database=none;Username=none;Password=none;Timeout=2"
            : $"Data Source={Path.Combine(Path.GetTempPath(), "tilsyn-missing-" + Guid.NewGuid().ToString("N"), "x.db")};Mode=ReadWrite",
    };
}

public sealed class HealthWhenDatabaseIsDownTests(UnreachableDatabaseApp app) : IClassFixture<UnreachableDatabaseApp>
{
    [Fact]
    public async Task Health_is_503_when_the_database_does_not_answer()
    {
        var response = await app.NewClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unavailable", json.RootElement.GetProperty("status").GetString());
        Assert.False(json.RootElement.GetProperty("databaseReachable").GetBoolean());
    }
}
