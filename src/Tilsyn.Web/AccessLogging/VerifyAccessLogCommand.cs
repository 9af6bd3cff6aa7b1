using System.Globalization;

namespace Tilsyn.Web.AccessLogging;

/// <summary>
/// The command line <c>verify-access-log</c>: checks the access log's hash chain and prints <c>ok</c>
/// (exit code 0) or the first broken line, its id and time (exit code 1); a database that is not
/// migrated to this version is exit code 2 (the command changes nothing, not even the schema).
/// </summary>
public static class VerifyAccessLogCommand
{
    public const string Name = "verify-access-log";

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TilsynDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            await output.WriteLineAsync("Databasen er ikke opdateret til denne version (start programmet én gang, så opdateres den). Intet er kontrolleret.");
            return 2;
        }
        var result = await scope.ServiceProvider.GetRequiredService<AccessLogVerifier>().VerifyAsync();
        if (result.Ok)
        {
            await output.WriteLineAsync("ok");
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{result.Checked} linjer i kæden kontrolleret; {result.BeforeChain} linjer fra før kæden begyndte."));
            if (result.PrunedThrough is { } pruned)
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Linjerne til og med nr. {pruned} er slettet efter opbevaringstiden; kæden er kontrolleret fra nr. {pruned + 1}."));
            return 0;
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Kæden er brudt ved linje id {result.BrokenId} ({result.BrokenAt?.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffZ}): {result.Reason}."));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Checked} linjer før den er i orden."));
        return 1;
    }
}
