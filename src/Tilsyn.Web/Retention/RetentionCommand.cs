using System.Globalization;
using Tilsyn.Retention;

namespace Tilsyn.Web.Retention;

/// <summary>
/// The command line <c>retention --as-of yyyy-MM-dd [--apply]</c>: lists what the retention run would
/// deliver to the archive and delete on that day (a dry run: counts per rule and disposition and the
/// case numbers, no personal data), or with <c>--apply</c> does it and prints the counts. Same settings
/// as the web host (SQLite or PostgreSQL). Exit codes: 0 done, 1 wrong arguments, 2 database not
/// migrated (nothing done), 3 the archive delivery failed (its cases were kept; the others were deleted).
/// </summary>
public static class RetentionCommand
{
    public const string Name = "retention";
    public const string Actor = "Tilsyn (kommandoen retention)";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (Parse(args, out var asOf, out var apply) is { } problem)
        {
            await output.WriteLineAsync(problem);
            await output.WriteLineAsync($"Brug: {Name} --as-of åååå-mm-dd [--apply]");
            return 1;
        }
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TilsynDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            await output.WriteLineAsync("Databasen er ikke opdateret til denne version (start programmet én gang, så opdateres den). Intet er slettet.");
            return 2;
        }
        var run = scope.ServiceProvider.GetRequiredService<RetentionRun>();
        if (!apply)
        {
            var plan = await run.PlanAsync(asOf, CancellationToken.None);
            await output.WriteLineAsync($"Prøvekørsel pr. {asOf:yyyy-MM-dd}: intet ændres. Tilføj --apply for at aflevere og slette.");
            await WritePlanAsync(plan, output);
            return 0;
        }
        var result = await run.ApplyAsync(asOf, Actor, CancellationToken.None);
        await output.WriteLineAsync($"Sletning pr. {asOf:yyyy-MM-dd} udført.");
        await WriteCountsAsync(result.Plan, output);
        if (result.Delivery is { } d)
            await output.WriteLineAsync(Invariant($"Afleveret til arkivet: {d.CaseCount} sager med {d.DocumentCount} dokumenter (levering {d.DeliveryId}: {d.Location})."));
        await output.WriteLineAsync(Invariant($"Slettet: {result.DeletedNumbers.Count} sager."));
        await output.WriteLineAsync(Invariant($"Adgangsloggen: {result.AccessLogPruned} linjer ældre end opbevaringstiden slettet."));
        if (result.ExportError is not null)
        {
            await output.WriteLineAsync($"Arkivafleveringen mislykkedes: {result.ExportError}");
            await output.WriteLineAsync(Invariant($"Disse {result.KeptNumbers.Count} sager er IKKE slettet: {string.Join(", ", result.KeptNumbers)}"));
            return 3;
        }
        if (result.KeptNumbers.Count > 0)
            await output.WriteLineAsync(Invariant($"Fik slettestop undervejs og blev ikke slettet: {string.Join(", ", result.KeptNumbers)}"));
        return 0;
    }

    /// <summary>Null when the arguments are right; otherwise the Danish reason.</summary>
    public static string? Parse(string[] args, out DateOnly asOf, out bool apply)
    {
        asOf = default;
        apply = false;
        string? date = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--apply": apply = true; break;
                case "--as-of" when i + 1 < args.Length: date = args[++i]; break;
                case "--as-of": return "--as-of mangler en dato.";
                default: return $"Ukendt argument: {args[i]}";
            }
        }
        if (date is null) return "Angiv datoen med --as-of (fx --as-of 2031-01-01).";
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
            return $"Ugyldig dato til --as-of: {Tilsyn.Common.CellText.Quote(date)}. Brug formatet åååå-mm-dd, fx 2031-01-01.";
        return null;
    }

    private static async Task WritePlanAsync(RetentionPlan plan, TextWriter output)
    {
        await WriteCountsAsync(plan, output);
        foreach (var group in plan.Due.GroupBy(d => d.Disposition).OrderBy(g => g.Key))
        {
            var what = group.Key == RetentionDisposition.Preserve ? "Afleveres til arkivet og slettes" : "Slettes";
            await output.WriteLineAsync($"{what}: {string.Join(", ", group.Select(i => i.CaseNumber))}");
        }
    }

    private static async Task WriteCountsAsync(RetentionPlan plan, TextWriter output)
    {
        foreach (var rule in plan.Due.GroupBy(d => d.Rule.Id).OrderBy(g => g.First().Rule.Scope, StringComparer.Ordinal))
            await output.WriteLineAsync(Invariant($"  {rule.First().Rule.Describe()}: {rule.Count()} sager"));
        await output.WriteLineAsync(Invariant(
            $"I alt {plan.Due.Count} sager: {plan.Preserve.Count()} bevares (afleveres til arkivet før sletning), {plan.Discard.Count()} kasseres. {plan.OnHold} sager med slettestop springes over."));
        await output.WriteLineAsync(Invariant($"Adgangsloggen: {plan.AccessLogDue} linjer er ældre end opbevaringstiden."));
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
