using Microsoft.Data.Sqlite;

namespace Tilsyn.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Chooses the database from configuration: <c>Database:Provider</c> (<c>Sqlite</c> or <c>Postgres</c>)
/// and <c>ConnectionStrings:Tilsyn</c>. SQLite with a file under <c>./data/</c> is the default so
/// the product runs with nothing installed.
/// </summary>
public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=data/tilsyn.db";

    public static DatabaseProvider Provider(IConfiguration config) =>
        Enum.TryParse<DatabaseProvider>(config["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    public static IServiceCollection AddTilsynDatabase(this IServiceCollection services, IConfiguration config)
    {
        var provider = Provider(config);
        var connection = config.GetConnectionString("Tilsyn");
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connection))
                    throw new InvalidOperationException("Database:Provider er Postgres, men ConnectionStrings:Tilsyn er ikke sat.");
                services.AddDbContext<TilsynDbContext, PostgresTilsynDbContext>(o => o.UseNpgsql(connection).AddInterceptors(new AccessLogging.AppendOnlyAccessLogInterceptor()));
                break;
            default:
                var sqlite = SqliteConnectionString(string.IsNullOrWhiteSpace(connection) ? DefaultSqlite : connection);
                services.AddDbContext<TilsynDbContext, SqliteTilsynDbContext>(o => o.UseSqlite(sqlite).AddInterceptors(new AccessLogging.AppendOnlyAccessLogInterceptor(), Retention.SqliteSecureDelete.Instance));
                break;
        }
        return services;
    }

    /// <summary>
    /// Resolves a relative SQLite file against the working directory and creates its folder,
    /// so <c>data/tilsyn.db</c> lands in the folder the product was started from.
    /// </summary>
    internal static string SqliteConnectionString(string connection)
    {
        var builder = new SqliteConnectionStringBuilder(connection);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal)
            && builder.Mode != SqliteOpenMode.Memory)
        {
            var full = Path.GetFullPath(file);
            if (builder.Mode != SqliteOpenMode.ReadWrite && builder.Mode != SqliteOpenMode.ReadOnly)
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            builder.DataSource = full;
        }
        builder.ForeignKeys = true;
        return builder.ToString();
    }

    /// <summary>Applies pending migrations for the configured provider (creating the database if needed).</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TilsynDbContext>();
        await db.Database.MigrateAsync(ct);
    }
}
