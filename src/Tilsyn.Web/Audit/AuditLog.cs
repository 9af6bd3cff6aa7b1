using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tilsyn.Web.Data;
using Tilsyn.Web.Identity;

namespace Tilsyn.Web.Audit;

/// <summary>
/// One line of the access log (<i>logning af adgang til personoplysninger</i>, GDPR art. 32):
/// who looked at or changed which case, when and from where.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public string? UserId { get; init; }
    public string UserName { get; init; } = "";
    /// <summary><c>view</c>, <c>change</c>, <c>download</c>, <c>search</c> …</summary>
    public string Action { get; init; } = "";
    public string? CaseNumber { get; init; }
    public string Detail { get; init; } = "";
    public string? RemoteAddress { get; init; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("audit_log");
        e.HasKey(x => x.Id);
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.UserName).HasMaxLength(200);
        e.Property(x => x.Action).HasMaxLength(20);
        e.Property(x => x.CaseNumber).HasMaxLength(12);
        e.Property(x => x.Detail).HasMaxLength(1000);
        e.Property(x => x.RemoteAddress).HasMaxLength(64);
        e.HasIndex(x => x.At);
        e.HasIndex(x => x.CaseNumber);
        e.HasIndex(x => x.UserName);
    }
}

/// <summary>Refuses any change or deletion of audit rows: the application can only append to the log.</summary>
internal sealed class AppendOnlyAuditInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null) return;
        if (context.ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Loggen over adgang til personoplysninger kan ikke ændres eller slettes.");
    }
}

/// <summary>Writes audit lines for the current request's user.</summary>
public sealed class AuditLog(TilsynDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>Adds a line to the context; it is saved with the caller's next <c>SaveChanges</c> (or by <see cref="WriteAsync"/>).</summary>
    public void Add(string action, string? caseNumber, string detail)
    {
        var ctx = http.HttpContext;
        var user = ctx?.User;
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = user?.Identity?.IsAuthenticated == true ? $"{user.DisplayName()} ({user.Identity.Name})" : "Borger (statuslink)",
            Action = action,
            CaseNumber = caseNumber,
            Detail = detail.Length > 1000 ? detail[..1000] : detail,
            RemoteAddress = ctx?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    public async Task WriteAsync(string action, string? caseNumber, string detail, CancellationToken ct = default)
    {
        Add(action, caseNumber, detail);
        await db.SaveChangesAsync(ct);
    }
}
