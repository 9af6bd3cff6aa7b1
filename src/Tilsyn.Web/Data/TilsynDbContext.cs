using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Tilsyn.Web.Data;

/// <summary>
/// The one EF Core model for both databases. Each feature adds its entities through its own
/// <c>IEntityTypeConfiguration</c> in its folder; this class only collects them.
/// Provider-specific subclasses exist only so each provider has its own migrations.
/// </summary>
public abstract class TilsynDbContext(DbContextOptions options)
    : IdentityDbContext<TilsynUser, IdentityRole, string>(options)
{
    public DbSet<Tilsyn.Organisation.Administration> Administrations => Set<Tilsyn.Organisation.Administration>();
    public DbSet<Tilsyn.Organisation.OrgUnit> OrgUnits => Set<Tilsyn.Organisation.OrgUnit>();
    public DbSet<Tilsyn.Organisation.KleSubject> KleSubjects => Set<Tilsyn.Organisation.KleSubject>();
    public DbSet<Tilsyn.Complaints.ComplaintCase> Cases => Set<Tilsyn.Complaints.ComplaintCase>();
    public DbSet<Tilsyn.Complaints.CaseDocument> CaseDocuments => Set<Tilsyn.Complaints.CaseDocument>();
    public DbSet<Tilsyn.Complaints.StatementRequest> StatementRequests => Set<Tilsyn.Complaints.StatementRequest>();
    public DbSet<Tilsyn.Web.AccessLogging.AccessLogEntry> AccessLog => Set<Tilsyn.Web.AccessLogging.AccessLogEntry>();
    public DbSet<Tilsyn.Web.Mail.OutgoingMail> OutgoingMail => Set<Tilsyn.Web.Mail.OutgoingMail>();
    public DbSet<Tilsyn.Web.DigitalPost.OutgoingDigitalPost> OutgoingDigitalPost => Set<Tilsyn.Web.DigitalPost.OutgoingDigitalPost>();
    public DbSet<Tilsyn.Web.Complaints.SentReminder> SentReminders => Set<Tilsyn.Web.Complaints.SentReminder>();
    public DbSet<Tilsyn.Web.Extracts.Extract> Extracts => Set<Tilsyn.Web.Extracts.Extract>();
    public DbSet<Tilsyn.Web.Extracts.KpiCell> KpiCells => Set<Tilsyn.Web.Extracts.KpiCell>();
    public DbSet<Tilsyn.Recommendations.Recommendation> Recommendations => Set<Tilsyn.Recommendations.Recommendation>();

    /// <summary>Every save raises the versions of the aggregates it changes (optimistic concurrency, <see cref="AggregateVersion"/>).</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder options) => options.AddInterceptors(AggregateVersionInterceptor.Instance);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TilsynDbContext).Assembly);
    }
}

/// <summary>The SQLite model (embedded default); migrations in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteTilsynDbContext(DbContextOptions<SqliteTilsynDbContext> options) : TilsynDbContext(options)
{
    /// <summary>SQLite cannot compare or sort DateTimeOffset text; all times are UTC, so UTC ticks order correctly.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder builder) =>
        builder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
}

/// <summary>The PostgreSQL model (production); migrations in <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresTilsynDbContext(DbContextOptions<PostgresTilsynDbContext> options) : TilsynDbContext(options);
