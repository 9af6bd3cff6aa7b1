using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Complaints;
using Tilsyn.Retention;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Retention;

namespace Tilsyn.Web.Tests.Retention;

/// <summary>The retention run, the <c>retention</c> command, the nightly job and on-demand erasure, with a fake archive and deleter.</summary>
public sealed class RetentionRunTests(RetentionApp app) : IClassFixture<RetentionApp>
{
    private static readonly DateTimeOffset LongAgo = new(2019, 3, 1, 10, 0, 0, TimeSpan.Zero); // due under P1825D by 2024

    private async Task<(int Exit, string Output)> CommandAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await RetentionCommand.RunAsync(app.Services, [RetentionCommand.Name, .. args], output);
        return (exit, output.ToString());
    }

    private async Task<int> RuleAsync(CaseType? type, string? kle, string period, RetentionDisposition d) =>
        await app.WithDbAsync(async db =>
        {
            var rule = new RetentionRule(type, kle, period, d);
            db.Add(rule);
            await db.SaveChangesAsync();
            return rule.Id;
        });

    private async Task HoldAsync(int caseId, string reason = "Verserende retssag") =>
        await app.WithDbAsync(async db =>
        {
            var c = await db.Cases.Include(x => x.Events).SingleAsync(x => x.Id == caseId);
            db.Add(LegalHold.Place(c, null, false, reason, app.Clock.GetUtcNow(), new Actor("test", "Test Person")));
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task The_dry_run_lists_due_cases_by_rule_and_changes_nothing_and_apply_exports_preserved_cases_before_deleting()
    {
        await RuleAsync(null, "31.01", "P10Y", RetentionDisposition.Preserve);
        var discard = await app.CaseAsync(LongAgo, citizen: "Tørløv Hemmeligsen");
        var preserve = await app.CaseAsync(LongAgo, CaseType.Inquiry, kle: "31.01.05");
        var notYet = await app.CaseAsync(app.Clock.GetUtcNow().AddDays(-10));
        var open = await app.CaseAsync(null);
        var held = await app.CaseAsync(LongAgo);
        await HoldAsync(held.Id);
        var before = app.Deleter.Steps.Count;

        var (exit, dry) = await CommandAsync("--as-of", "2030-01-01");

        Assert.Equal(0, exit);
        Assert.Contains("Prøvekørsel pr. 2030-01-01", dry);
        Assert.Contains(discard.Number, dry);
        Assert.Contains(preserve.Number, dry);
        Assert.Contains("KLE 31.01 · P10Y · Bevar: 1 sager", dry);
        Assert.Contains("Alle sager (standardregel) · P1825D · Kassér", dry);
        Assert.DoesNotContain(notYet.Number, dry);
        Assert.DoesNotContain(open.Number, dry);
        Assert.DoesNotContain(held.Number, dry);
        Assert.DoesNotContain("Tørløv", dry); // case numbers and counts, no personal data
        Assert.Equal(before, app.Deleter.Steps.Count);
        Assert.False(await app.WithDbAsync(db => db.Set<CaseDisposal>().AnyAsync(d => d.CaseId == discard.Id || d.CaseId == preserve.Id)));

        (exit, var applied) = await CommandAsync("--as-of", "2030-01-01", "--apply");

        Assert.Equal(0, exit);
        Assert.Contains("Afleveret til arkivet: 1 sager", applied);
        Assert.Contains($"{preserve.Id}", app.Deleter.Steps[before]); // the archive first (arkivloven)
        Assert.StartsWith("export", app.Deleter.Steps[before]);
        Assert.Contains(discard.Id, app.Deleter.Deleted);
        Assert.Contains(preserve.Id, app.Deleter.Deleted);
        Assert.DoesNotContain(held.Id, app.Deleter.Deleted);
        Assert.DoesNotContain(notYet.Id, app.Deleter.Deleted);
        Assert.DoesNotContain(open.Id, app.Deleter.Deleted);
        Assert.True(app.Deleter.Reclaims > 0);
        var disposals = await app.WithDbAsync(db => db.Set<CaseDisposal>().AsNoTracking().ToListAsync());
        var kept = disposals.Single(d => d.CaseId == preserve.Id);
        Assert.Equal((RetentionDisposition.Preserve, DisposalCause.RetentionExpired), (kept.Disposition, kept.Cause));
        Assert.NotNull(kept.ArchiveDeliveryId);
        Assert.Contains("KLE 31.01 · P10Y · Bevar", kept.Reason);
        Assert.True(await app.WithDbAsync(db => db.AccessLog.AnyAsync(a => a.CaseNumber == discard.Number && a.Action == AccessAction.Erased && a.UserName == RetentionCommand.Actor)));

        // A second run finds nothing more: deleted cases are not picked again.
        var steps = app.Deleter.Steps.Count;
        (exit, var again) = await CommandAsync("--as-of", "2030-01-01", "--apply");
        Assert.Equal(0, exit);
        Assert.DoesNotContain(discard.Number, again);
        Assert.Equal(steps, app.Deleter.Steps.Count);
    }

    [Fact]
    public async Task A_case_on_legal_hold_is_not_deleted_until_a_named_person_lifts_the_hold_on_the_case_page()
    {
        var c = await app.CaseAsync(LongAgo);
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var page = await advisor.GetStringAsync($"/Cases/{c.Number}");
        Assert.Contains("Sagen har intet slettestop", page);
        Assert.Contains("forfalder til sletning", page);

        var placed = await advisor.PostFormAsync($"/Cases/{c.Number}", $"/Cases/{c.Number}/slettestop?handler=Place", new() { ["reason"] = "Klage til Folketingets Ombudsmand" });
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        var twice = await advisor.PostFormAsync($"/Cases/{c.Number}", $"/Cases/{c.Number}/slettestop?handler=Place", new() { ["reason"] = "Igen" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Contains("Sagen har allerede et slettestop", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()));

        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None);
        Assert.DoesNotContain(c.Id, app.Deleter.Deleted);

        page = WebUtility.HtmlDecode(await advisor.GetStringAsync($"/Cases/{c.Number}"));
        Assert.Contains("Slettestop lagt: Klage til Folketingets Ombudsmand", page); // the case history
        var holdId = await app.WithDbAsync(db => db.Set<LegalHold>().Where(h => h.CaseId == c.Id).Select(h => h.Id).SingleAsync());
        var noReason = await advisor.PostFormAsync($"/Cases/{c.Number}", $"/Cases/{c.Number}/slettestop?handler=Lift", new() { ["holdId"] = $"{holdId}", ["reason"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("Begrundelse for ophævelse", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()));

        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        var lifted = await lead.PostFormAsync($"/Cases/{c.Number}", $"/Cases/{c.Number}/slettestop?handler=Lift", new() { ["holdId"] = $"{holdId}", ["reason"] = "Ombudsmanden har afsluttet sagen" });
        Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);

        var hold = await app.WithDbAsync(db => db.Set<LegalHold>().AsNoTracking().SingleAsync(h => h.Id == holdId));
        var (advisorId, leadId) = await app.WithDbAsync(async db => (
            await db.Users.Where(u => u.UserName == "sagsbehandler").Select(u => u.Id).SingleAsync(),
            await db.Users.Where(u => u.UserName == "kontorchef").Select(u => u.Id).SingleAsync()));
        Assert.Equal((advisorId, leadId), (hold.PlacedById, hold.LiftedById));
        Assert.Equal(app.Clock.GetUtcNow(), hold.LiftedAt);
        Assert.True(await app.WithDbAsync(db => db.AccessLog.AnyAsync(a => a.CaseNumber == c.Number && a.Action == AccessAction.LegalHoldPlaced && a.UserId == advisorId)));
        Assert.True(await app.WithDbAsync(db => db.AccessLog.AnyAsync(a => a.CaseNumber == c.Number && a.Action == AccessAction.LegalHoldLifted && a.UserId == leadId)));

        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None);
        Assert.Contains(c.Id, app.Deleter.Deleted);
        // The hold's reasons may name the citizen: they go with the case's personal data; who and when stay.
        hold = await app.WithDbAsync(db => db.Set<LegalHold>().AsNoTracking().SingleAsync(h => h.Id == holdId));
        Assert.Equal((LegalHold.DeletedText, LegalHold.DeletedText, leadId), (hold.Reason, hold.LiftReason, hold.LiftedById));
        Assert.True(await app.WithDbAsync(db => db.AccessLog.AnyAsync(a => a.CaseNumber == c.Number && a.Action == AccessAction.Erased && a.UserName == RetentionJob.Actor)));
        // No hold on a deleted case.
        var late = await advisor.PostFormAsync($"/Cases/{c.Number}", $"/Cases/{c.Number}/slettestop?handler=Place", new() { ["reason"] = "For sent" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
    }

    [Fact]
    public async Task Contacts_and_leadership_cannot_place_or_lift_a_hold()
    {
        var c = await app.CaseAsync(LongAgo);
        foreach (var user in new[] { "buf", "ledelse" })
        {
            var client = app.NewClient();
            await client.LoginOkAsync(user);
            var response = await client.PostFormAsync("/", $"/Cases/{c.Number}/slettestop?handler=Place", new() { ["reason"] = "Forsøg" });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
        }
        Assert.False(await app.WithDbAsync(db => db.Set<LegalHold>().AnyAsync(h => h.CaseId == c.Id)));
    }

    [Fact]
    public async Task When_the_archive_delivery_fails_the_preserved_cases_are_kept_the_others_deleted_and_the_command_fails()
    {
        await RuleAsync(CaseType.OwnInitiative, null, "P3Y", RetentionDisposition.Preserve);
        var preserve = await app.CaseAsync(LongAgo, CaseType.OwnInitiative);
        var discard = await app.CaseAsync(LongAgo);
        app.Archive.Fail = true;
        try
        {
            var (exit, output) = await CommandAsync("--as-of", "2031-06-30", "--apply");

            Assert.Equal(3, exit);
            Assert.Contains("Arkivafleveringen mislykkedes: Pakken kunne ikke skrives (testfejl).", output);
            Assert.Contains(preserve.Number, output.Split('\n').Single(l => l.Contains("IKKE slettet", StringComparison.Ordinal)));
            Assert.DoesNotContain(preserve.Id, app.Deleter.Deleted);
            Assert.Contains(discard.Id, app.Deleter.Deleted);
            Assert.False(await app.WithDbAsync(db => db.Set<CaseDisposal>().AnyAsync(d => d.CaseId == preserve.Id)));
        }
        finally { app.Archive.Fail = false; }

        // The next run delivers and deletes it.
        Assert.Equal(0, (await CommandAsync("--as-of", "2031-06-30", "--apply")).Exit);
        Assert.Contains(preserve.Id, app.Deleter.Deleted);
    }

    [Theory]
    [InlineData("--as-of", "2031-13-01")]
    [InlineData("--as-of", "01-01-2031")]
    [InlineData("--as-of", "i morgen")]
    [InlineData("--as-of")]
    [InlineData("--apply")]
    [InlineData("--as-of", "2031-01-01", "--force")]
    public async Task Bad_arguments_are_refused_with_a_Danish_message_and_a_non_zero_exit_code(params string[] args)
    {
        var steps = app.Deleter.Steps.Count;
        var (exit, output) = await CommandAsync(args);
        Assert.Equal(1, exit);
        Assert.Contains("Brug: retention --as-of åååå-mm-dd [--apply]", output);
        Assert.Matches("Ugyldig dato|mangler|Angiv datoen|Ukendt argument", output);
        Assert.Equal(steps, app.Deleter.Steps.Count);
    }

    [Fact]
    public async Task Erasure_on_demand_leaves_held_cases_exports_preserved_ones_first_and_deletes_without_waiting_for_the_period()
    {
        await RuleAsync(CaseType.RectificationRequest, null, "P20Y", RetentionDisposition.Preserve);
        var held = await app.CaseAsync(LongAgo);
        await HoldAsync(held.Id);
        var preserve = await app.CaseAsync(app.Clock.GetUtcNow().AddDays(-1), CaseType.RectificationRequest);
        var recent = await app.CaseAsync(app.Clock.GetUtcNow().AddDays(-1));

        ErasureOutcome outcome;
        using (var scope = app.Services.CreateScope())
            outcome = await scope.ServiceProvider.GetRequiredService<ICaseErasure>().EraseAsync([held.Id, preserve.Id, recent.Id], "Sletteanmodning imødekommet", CancellationToken.None);

        Assert.Equal([preserve.Id, recent.Id], outcome.Erased.Order());
        Assert.Equal([held.Id], outcome.OnHold);
        Assert.DoesNotContain(held.Id, app.Deleter.Deleted);
        var export = app.Deleter.Steps.IndexOf($"export {preserve.Id}");
        Assert.True(export >= 0 && export < app.Deleter.Steps.FindLastIndex(s => s.StartsWith("delete", StringComparison.Ordinal) && s.Contains($"{preserve.Id}")));
        var disposal = await app.WithDbAsync(db => db.Set<CaseDisposal>().AsNoTracking().SingleAsync(d => d.CaseId == recent.Id));
        Assert.Equal((DisposalCause.Erasure, "Sletteanmodning imødekommet"), (disposal.Cause, disposal.Reason));

        // Erasing again: already erased counts as erased, nothing is deleted twice.
        var steps = app.Deleter.Steps.Count;
        using (var scope = app.Services.CreateScope())
            outcome = await scope.ServiceProvider.GetRequiredService<ICaseErasure>().EraseAsync([recent.Id], "Igen", CancellationToken.None);
        Assert.Equal([recent.Id], outcome.Erased);
        Assert.Equal(steps, app.Deleter.Steps.Count);
    }

    [Fact]
    public async Task Erasure_deletes_nothing_when_the_archive_delivery_fails()
    {
        await RuleAsync(CaseType.DataAccessRequest, null, "P10Y", RetentionDisposition.Preserve);
        var preserve = await app.CaseAsync(LongAgo, CaseType.DataAccessRequest);
        var discard = await app.CaseAsync(LongAgo, CaseType.Inquiry);
        app.Archive.Fail = true;
        try
        {
            using var scope = app.Services.CreateScope();
            await Assert.ThrowsAsync<ArchiveExportException>(() =>
                scope.ServiceProvider.GetRequiredService<ICaseErasure>().EraseAsync([preserve.Id, discard.Id], "Sletteanmodning", CancellationToken.None));
        }
        finally { app.Archive.Fail = false; }
        Assert.DoesNotContain(preserve.Id, app.Deleter.Deleted);
        Assert.DoesNotContain(discard.Id, app.Deleter.Deleted);
    }

    [Fact]
    public void The_nightly_job_runs_at_the_configured_hour_Copenhagen_time()
    {
        // 3 November 2026 is winter time (UTC+1): 02:00 in Copenhagen is 01:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 4, 1, 0, 0, TimeSpan.Zero), RetentionJob.NextRun(new DateTimeOffset(2026, 11, 3, 8, 0, 0, TimeSpan.Zero), 2));
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 1, 0, 0, TimeSpan.Zero), RetentionJob.NextRun(new DateTimeOffset(2026, 11, 3, 0, 30, 0, TimeSpan.Zero), 2));
        // Summer time (UTC+2).
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), RetentionJob.NextRun(new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.Zero), 2));
    }
}
