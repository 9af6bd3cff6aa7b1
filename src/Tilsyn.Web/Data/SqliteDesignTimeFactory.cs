using Microsoft.EntityFrameworkCore.Design;

namespace Tilsyn.Web.Data;

/// <summary>Lets <c>dotnet ef</c> build each provider's context without starting the web host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTilsynDbContext>
{
    public SqliteTilsynDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTilsynDbContext>().UseSqlite(DatabaseSetup.DefaultSqlite).Options);
}
