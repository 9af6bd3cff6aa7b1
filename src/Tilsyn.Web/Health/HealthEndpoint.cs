namespace Tilsyn.Web.Health;

public static class HealthEndpoint
{
    /// <summary>
    /// <c>GET /health</c>: 200 with JSON when the database answers, 503 when it does not. Anonymous, for
    /// load balancers. Failed mail (given up after 24 hours, see <c>/Mail/Fejlede</c>) makes the status
    /// <c>degraded</c> with the count, still 200: the instance serves requests, someone must look at the mail.
    /// Digital Post messages given up on count the same way (<c>failedDigitalPost</c>).
    /// </summary>
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (TilsynDbContext db, CancellationToken ct) =>
        {
            var provider = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? "Postgres" : "Sqlite";
            bool up;
            var failedMails = 0;
            var failedDigitalPost = 0;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                up = await db.Database.CanConnectAsync(timeout.Token);
                if (up) await db.Administrations.AnyAsync(timeout.Token); // the schema is there too
                if (up) failedMails = await db.OutgoingMail.CountAsync(m => m.FailedAt != null && m.SentAt == null, timeout.Token);
                if (up) failedDigitalPost = await db.OutgoingDigitalPost.CountAsync(m => m.FailedAt != null && m.SentAt == null, timeout.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                up = false;
            }
            var body = new HealthReport(!up ? "unavailable" : failedMails + failedDigitalPost > 0 ? "degraded" : "ok", provider, up, failedMails, failedDigitalPost);
            return Results.Json(body, statusCode: up ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        })
        .AllowAnonymous()
        .WithName("Health")
        .WithTags("Drift");

    public sealed record HealthReport(string Status, string Database, bool DatabaseReachable, int FailedMails, int FailedDigitalPost);
}
