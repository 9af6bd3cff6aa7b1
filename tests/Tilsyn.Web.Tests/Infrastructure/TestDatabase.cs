using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tilsyn.Web.Tests.Infrastructure;

/// <summary>
/// A private, empty database for one test fixture, on the provider the test run asks for:
/// <c>TILSYN_TEST_DB=Sqlite</c> (default) or <c>Postgres</c> with <c>TILSYN_TEST_PG</c> holding the
/// server's connection string (a role with CREATEDB). The README's test command runs every test on both.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public static string ProviderName => Environment.GetEnvironmentVariable("TILSYN_TEST_DB") is { Length: > 0 } p ? p : "Sqlite";
    public static bool IsPostgres => ProviderName.Equals("Postgres", StringComparison.OrdinalIgnoreCase);

    private readonly string? sqliteFolder;
    private readonly string? postgresName;

    public TestDatabase()
    {
        if (IsPostgres)
        {
            var server = Environment.GetEnvironmentVariable("TILSYN_TEST_PG")
                ?? throw new InvalidOperationException("TILSYN_TEST_DB=Postgres needs TILSYN_TEST_PG (run the tests with ./test.sh).");
            postgresName = "tilsyn_t_" + Guid.NewGuid().ToString("N")[..16];
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = postgresName, Pooling = true }.ToString();
        }
        else
        {
            sqliteFolder = Path.Combine(Path.GetTempPath(), "tilsyn-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(sqliteFolder);
            ConnectionString = $"Data Source={Path.Combine(sqliteFolder, "tilsyn.db")}";
        }
    }

    public string Provider => IsPostgres ? "Postgres" : "Sqlite";
    public string ConnectionString { get; }
    public string KeyFolder => Path.Combine(sqliteFolder ?? Path.GetTempPath(), "keys-" + (postgresName ?? "sqlite"));

    private bool disposed;

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            // DROP ... WITH (FORCE) ends the other sessions, but gives up when one does not end in time (a busy
            // machine): try again, and never fail a test run over a leftover throw-away database.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("TILSYN_TEST_PG")) { Database = "postgres", Pooling = false };
                    using var conn = new NpgsqlConnection(server.ToString());
                    conn.Open();
                    using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", conn);
                    cmd.ExecuteNonQuery();
                    break;
                }
                catch (NpgsqlException e) when (attempt < 5)
                {
                    Console.Error.WriteLine($"Dropping test database {postgresName} failed ({e.Message}); trying again.");
                    Thread.Sleep(TimeSpan.FromSeconds(attempt));
                }
                catch (NpgsqlException e)
                {
                    Console.Error.WriteLine($"Test database {postgresName} was left behind: {e.Message}");
                    break;
                }
            }
        }
        if (sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(sqliteFolder, recursive: true); } catch (IOException) { }
        }
    }
}
