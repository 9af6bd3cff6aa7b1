using Microsoft.EntityFrameworkCore.Design;

namespace Tilsyn.Web.Data;

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTilsynDbContext>
{
    public PostgresTilsynDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTilsynDbContext>().UseNpgsql("Host=localhost;Database=tilsyn_design").Options);
}
