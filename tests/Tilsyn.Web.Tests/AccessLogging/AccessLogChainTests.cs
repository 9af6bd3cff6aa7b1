using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Data;

namespace Tilsyn.Web.Tests.AccessLogging;

/// <summary>Point 8 of issue 12: a hash-chained access log that cannot be changed unseen.</summary>
public sealed class AccessLogChainTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private Task<AccessLogVerification> VerifyAsync() => VerifyAsync(app);

    internal static Task<AccessLogVerification> VerifyAsync(TilsynApp app) =>
        app.WithDbAsync(db => new AccessLogVerifier(db).VerifyAsync());

    private Task<long> WriteLinesAsync(int count) => WriteLinesAsync(app, count);

    internal static async Task<long> WriteLinesAsync(TilsynApp app, int count)
    {
        using var scope = app.Services.CreateScope();
        var log = scope.ServiceProvider.GetRequiredService<AccessLog>();
        for (var i = 0; i < count; i++)
            await log.WriteForAsync(null, "Test", AccessAction.View, $"linje {i}");
        return await scope.ServiceProvider.GetRequiredService<TilsynDbContext>().AccessLog.MaxAsync(a => a.Id);
    }

    private Task<(int Exit, string Output)> RunCommandAsync() => RunCommandAsync(app);

    internal static async Task<(int Exit, string Output)> RunCommandAsync(TilsynApp app)
    {
        var output = new StringWriter();
        var exit = await VerifyAccessLogCommand.RunAsync(app.Services, output);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task Logins_logouts_user_changes_and_refusals_are_chained_lines_and_the_chain_verifies()
    {
        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        await app.NewClient().LoginAsync("kontorchef", "forkert-adgangskode");
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        await advisor.GetAsync("/Users"); // refused by role
        await advisor.PostFormAsync("/", "/Account/Logout", []);
        // A user is created, then gets another role and a new password.
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync("/Users/Edit", "/Users/Edit", new()
        {
            ["Input.FullName"] = "Rolle Skifter", ["Input.UserName"] = "skifter", ["Input.Email"] = "skifter@tilsyn.example",
            ["Input.Role"] = "Advisor", ["Input.AdministrationId"] = "", ["Input.Password"] = "en-rigtig-god-adgangskode",
        })).StatusCode);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "skifter").Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"/Users/Edit?id={id}", $"/Users/Edit?id={id}", new()
        {
            ["Input.FullName"] = "Rolle Skifter", ["Input.UserName"] = "skifter", ["Input.Email"] = "skifter@tilsyn.example",
            ["Input.Role"] = "Leadership", ["Input.AdministrationId"] = "", ["Input.Password"] = "en-anden-god-adgangskode",
        })).StatusCode);

        var lines = await app.WithDbAsync(db => db.AccessLog.OrderBy(a => a.Id).ToListAsync());
        Assert.Contains(lines, l => l.Action == AccessAction.Login && l.UserName.Contains("(kontorchef)"));
        Assert.Contains(lines, l => l.Action == AccessAction.LoginFailed && l.UserName.Contains("(kontorchef)") && !l.Detail.Contains("forkert-adgangskode"));
        Assert.Contains(lines, l => l.Action == AccessAction.Refused && l.UserName.Contains("(sagsbehandler)"));
        Assert.Contains(lines, l => l.Action == AccessAction.Logout && l.UserName.Contains("(sagsbehandler)"));
        Assert.Contains(lines, l => l.Action == AccessAction.UserCreated && l.Detail.Contains("(skifter)") && l.UserName.Contains("(kontorchef)"));
        Assert.Contains(lines, l => l.Action == AccessAction.RoleChanged && l.Detail.Contains("(skifter)") && l.Detail.Contains("Ledelse"));
        Assert.Contains(lines, l => l.Action == AccessAction.PasswordReset && l.Detail.Contains("(skifter)"));
        Assert.DoesNotContain(lines, l => l.Detail.Contains("god-adgangskode"));
        Assert.Contains("Mislykket login", await lead.GetStringAsync("/Adgangslog?kind=LoginFailed"));
        Assert.DoesNotContain("(skifter)", await lead.GetStringAsync("/Adgangslog?kind=LoginFailed"));
        Assert.All(lines, l => Assert.Matches("^[0-9a-f]{64}$", l.Hash));
        Assert.Equal(Enumerable.Range(1, lines.Count).Select(i => (long?)i), lines.Select(l => l.Sequence));
        // Stored as lower-case words.
        Assert.True(await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"Action\" AS \"Value\" FROM audit_log").AnyAsync(a => a == "loginfailed")));

        var result = await VerifyAsync();
        Assert.True(result.Ok, result.Reason);
        Assert.Equal(lines.Count, result.Checked);
        var (exit, output) = await RunCommandAsync();
        Assert.Equal(0, exit);
        Assert.StartsWith("ok", output);
    }

    [Fact]
    public async Task A_contacts_attempt_to_open_another_administrations_case_is_logged_as_refused()
    {
        var fields = Tilsyn.Web.Tests.Complaints.ComplaintForms.ValidComplaint();
        fields["Form.AdministrationId"] = (await app.WithDbAsync(db => db.Administrations.Where(a => a.Code == "BUF").Select(a => a.Id).SingleAsync())).ToString();
        var number = (await Tilsyn.Web.Tests.Complaints.ComplaintForms.SubmitOkAsync(app.NewClient(), fields)).Number;
        var sof = app.NewClient();
        await sof.LoginOkAsync("sof");
        Assert.Equal(HttpStatusCode.NotFound, (await sof.GetAsync($"/Cases/{number}")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AccessLog.AnyAsync(a => a.Action == AccessAction.Refused && a.CaseNumber == number && a.UserName.Contains("(sof)"))));
        // A case number that does not exist is no refusal (nothing was there to refuse).
        Assert.Equal(HttpStatusCode.NotFound, (await sof.GetAsync("/Cases/1999-9999999")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.AccessLog.AnyAsync(a => a.CaseNumber == "1999-9999999")));
    }

    [Fact]
    public async Task A_burst_of_concurrent_appends_from_many_requests_keeps_one_unbroken_chain()
    {
        var before = await app.WithDbAsync(db => db.AccessLog.CountAsync());
        const int writers = 20, each = 10;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                using var scope = app.Services.CreateScope(); // one request each: own context, own connection
                await scope.ServiceProvider.GetRequiredService<AccessLog>().WriteForAsync(null, $"Skriver {w}", AccessAction.View, $"linje {i}");
            }
        })));

        var sequences = await app.WithDbAsync(db => db.AccessLog.Where(a => a.Sequence != null).Select(a => a.Sequence!.Value).OrderBy(s => s).ToListAsync());
        Assert.Equal(before + writers * each, sequences.Count);
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        var result = await VerifyAsync();
        Assert.True(result.Ok, result.Reason);
    }

    [Fact]
    public async Task On_PostgreSQL_the_database_itself_refuses_to_update_or_delete_log_lines()
    {
        if (!TestDatabase.IsPostgres) return; // SQLite has no such guard; the chain is the evidence there
        var last = await WriteLinesAsync(1);
        var update = await Assert.ThrowsAsync<PostgresException>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE audit_log SET \"Detail\" = 'ændret' WHERE \"Id\" = {last}")));
        Assert.Contains("append-only", update.MessageText);
        await Assert.ThrowsAsync<PostgresException>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"DELETE FROM audit_log WHERE \"Id\" = {last}")));
        await Assert.ThrowsAsync<PostgresException>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("TRUNCATE audit_log")));
        Assert.Equal("linje 0", await app.WithDbAsync(db => db.AccessLog.Where(a => a.Id == last).Select(a => a.Detail).SingleAsync()));
    }
}

/// <summary>
/// Tampering behind the application's back, as someone with database access could: on SQLite with a
/// plain UPDATE or DELETE, on PostgreSQL after the table's owner switches the trigger off.
/// </summary>
public sealed class AccessLogTamperingTests
{
    /// <summary>Changes the database behind the application's back, as someone with database access could.</summary>
    private static async Task TamperAsync(TilsynApp app, string sql)
    {
        await app.WithDbAsync(async db =>
        {
            var postgres = db.Database.IsNpgsql();
            // On PostgreSQL the owner of the table must switch the trigger off first.
            if (postgres) await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_log DISABLE TRIGGER USER");
            await db.Database.ExecuteSqlRawAsync(sql);
            if (postgres) await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_log ENABLE TRIGGER USER");
            return 0;
        });
    }

    [Fact]
    public async Task A_changed_line_is_found_and_reported_with_its_id()
    {
        await using var app = new TilsynApp(); // its own database: the broken chain disturbs no other test
        var last = await AccessLogChainTests.WriteLinesAsync(app, 5);
        var target = last - 2;
        await TamperAsync(app, $"UPDATE audit_log SET \"Detail\" = 'ændret' WHERE \"Id\" = {target}");

        var result = await AccessLogChainTests.VerifyAsync(app);
        Assert.False(result.Ok);
        Assert.Equal(target, result.BrokenId);
        var (exit, output) = await AccessLogChainTests.RunCommandAsync(app);
        Assert.Equal(1, exit);
        Assert.Contains($"id {target} ", output);
    }

    [Fact]
    public async Task A_deleted_line_is_found_at_the_line_after_it()
    {
        await using var app = new TilsynApp(); // its own database: the broken chain disturbs no other test
        var last = await AccessLogChainTests.WriteLinesAsync(app, 5);
        await TamperAsync(app, $"DELETE FROM audit_log WHERE \"Id\" = {last - 3}");

        var result = await AccessLogChainTests.VerifyAsync(app);
        Assert.False(result.Ok);
        Assert.Equal(last - 2, result.BrokenId);
        Assert.Contains("slettet", result.Reason);
        Assert.Equal(1, (await AccessLogChainTests.RunCommandAsync(app)).Exit);
    }
}
