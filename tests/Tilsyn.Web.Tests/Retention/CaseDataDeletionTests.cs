using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tilsyn.Complaints;
using Tilsyn.Web.AccessLogging;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Data;
using Tilsyn.Web.Retention;
using Tilsyn.Web.Tests.Complaints;

namespace Tilsyn.Web.Tests.Retention;

/// <summary>The full demo (two years of cases, published reports, an extract), for the deletion's acceptance test.</summary>
public sealed class DeletionDemoApp : TilsynApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Cases"] = "true" };

    protected override DateTimeOffset StartTime => new(2026, 11, 30, 13, 20, 0, TimeSpan.Zero);
}

/// <summary>Issue 13, point 2: the deletion that leaves no trace, on the demo data, on SQLite and PostgreSQL.</summary>
public sealed class CaseDataDeletionTests(DeletionDemoApp app) : IClassFixture<DeletionDemoApp>
{
    private const string Name = "Quirina Vægtergaard-Lindqvist";
    private const string Email = "quirina.vaegtergaard@borger.example";
    private const string Phone = "+45 71 23 45 67";
    private const string Address = "Ørnebjergvej 77, 2. tv., 2600 Glostrup";
    private const string Cpr = "010203-1234";
    private const string NoteText = "Notat: borgeren fortalte om sin søn Balthazar Ørnsholt-Quist og hans diagnose.";
    private const string FileText = "Vedhæftet lægeerklæring om Zephyrina Kattegatsen";

    [Fact]
    public async Task Deleting_every_finished_case_leaves_no_personal_data_in_the_database_files_and_changes_no_statistic_or_report()
    {
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var number = await RichFinishedCaseAsync();

        // Two finished cases get a legal hold; every other finished case is due under the default rule far in the future.
        var finishedIds = await app.WithDbAsync(db => db.Cases.Where(RetentionQueries.FinishedCase).Select(c => c.Id).ToListAsync());
        var all = await app.WithDbAsync(db => db.Cases.AsNoTracking().Include(c => c.Documents).Include(c => c.Events).Include(c => c.StatementRequests).AsSplitQuery().ToListAsync());
        var finished = all.Where(c => finishedIds.Contains(c.Id)).OrderBy(c => c.Id).ToList();
        Assert.Contains(finished, c => c.Number == number);
        var onHoldIds = finished.Where(c => c.Number != number && c.Status == CaseStatus.Closed).Take(2).Select(c => c.Id).ToList();
        await PlaceHoldsAsync(onHoldIds);
        all = await app.WithDbAsync(db => db.Cases.AsNoTracking().Include(c => c.Documents).Include(c => c.Events).Include(c => c.StatementRequests).AsSplitQuery().ToListAsync());
        var onHold = all.Where(c => onHoldIds.Contains(c.Id)).OrderBy(c => c.Id).ToList();
        var deleted = all.Where(c => finishedIds.Contains(c.Id) && !onHoldIds.Contains(c.Id)).ToList();
        var keptText = string.Join("\n", all.Except(deleted).SelectMany(TextsOf));
        var secrets = deleted.SelectMany(c => new[] { c.Citizen?.Name, c.Citizen?.Email, c.Citizen?.Phone, c.Citizen?.Address, c.Citizen?.ProtectedCpr, c.Citizen?.MaskedCpr }
                .Concat(c.Documents.Select(d => d.Text)))
            .OfType<string>().Where(s => s.Length >= 6 && !keptText.Contains(s, StringComparison.Ordinal)).Distinct().ToList();
        foreach (var mine in new[] { Name, Email, Phone, Address, NoteText, "010203-xxxx" }) Assert.Contains(mine, secrets);
        Assert.Contains(secrets, s => s.Length > 50 && s.StartsWith("CfDJ8", StringComparison.Ordinal)); // the encrypted CPR
        Assert.True(secrets.Count > 100, $"only {secrets.Count} distinct secrets");
        var before = await DatabaseBytesAsync();
        foreach (var mine in new[] { Name, NoteText }) Assert.Contains(before, b => Contains(b, mine)); // the search below can find them

        var kpi = await advisor.GetStringAsync("/api/statistics/kpi");
        var years = await app.WithDbAsync(db => db.Set<Tilsyn.Publishing.AnnualReport>().Where(r => r.PublishedAt != null).Select(r => r.Year).ToListAsync());
        Assert.NotEmpty(years);
        var reports = await ReportsAsync(advisor, years);
        var heldBefore = onHold.Select(Snapshot).ToList();

        // The command as an operator runs it: retention --as-of <far future> --apply.
        var output = new StringWriter();
        Assert.Equal(0, await RetentionCommand.RunAsync(app.Services, ["retention", "--as-of", "2100-01-01", "--apply"], output));
        Assert.Contains($"Slettet: {deleted.Count} sager.", output.ToString());
        output = new StringWriter();
        Assert.Equal(0, await RetentionCommand.RunAsync(app.Services, ["retention", "--as-of", "2100-01-01", "--apply"], output));
        Assert.Contains("Slettet: 0 sager.", output.ToString()); // idempotent

        var after = await DatabaseBytesAsync();
        var found = secrets.Where(s => after.Any(b => Contains(b, s))).ToList();
        Assert.True(found.Count == 0, $"still in the database files: {string.Join(" | ", found.Take(10))}");
        foreach (var lower in new[] { "balthazar", "quirina" }) // the full-text index keeps words lower-cased
            Assert.DoesNotContain(after, b => Contains(b, lower));

        Assert.Equal(kpi, await advisor.GetStringAsync("/api/statistics/kpi"));
        Assert.Equal(reports, await ReportsAsync(advisor, years));
        var held = await app.WithDbAsync(db => db.Cases.AsNoTracking().Where(c => onHold.Select(h => h.Id).Contains(c.Id))
            .Include(c => c.Documents).Include(c => c.Events).Include(c => c.StatementRequests).AsSplitQuery().OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(heldBefore, held.Select(Snapshot).ToList());

        var stubs = await app.WithDbAsync(db => db.Cases.AsNoTracking().Where(c => c.PersonalDataDeletedAt != null).Select(c => c.Number).ToListAsync());
        Assert.Equal(deleted.Select(c => c.Number).Order(), stubs.Order());
        Assert.False(await app.WithDbAsync(db => db.OutgoingMail.AnyAsync(m => m.CaseNumber == number)));
        Assert.True(await app.WithDbAsync(db => db.Set<CaseDisposal>().AnyAsync(d => d.CaseNumber == number)));
        // As of 2100 every access-log line written today is past its own retention too: pruned, with the pruning logged.
        Assert.False(await app.WithDbAsync(db => db.AccessLog.AnyAsync(a => a.Action == AccessAction.Erased)));
        Assert.True(await app.WithDbAsync(db => db.AccessLog.AnyAsync(a => a.Action == AccessAction.AccessLogPruned)));
        Assert.True((await app.WithDbAsync(db => new AccessLogVerifier(db).VerifyAsync())).Ok);
        // A stub opens for the advisor without the deleted data, and no longer turns up in a search.
        var page = await advisor.GetStringAsync($"/Cases/{number}");
        Assert.Contains(ComplaintCase.ErasedSubject, page);
        Assert.DoesNotContain("Vægtergaard", page);
        Assert.DoesNotContain(number, await advisor.GetStringAsync("/Cases?q=Quirina"));
    }

    private async Task PlaceHoldsAsync(IReadOnlyCollection<int> ids)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TilsynDbContext>();
        foreach (var c in await db.Cases.Include(x => x.Events).Where(x => ids.Contains(x.Id)).ToListAsync())
            db.Add(Tilsyn.Retention.LegalHold.Place(c, null, false, "Verserende retssag", app.Clock.GetUtcNow(), new Actor("test", "Test Person")));
        await db.SaveChangesAsync();
    }

    /// <summary>A closed case with every kind of personal data: contact details and CPR from the form, a file, a note, a receipt mail, a status link.</summary>
    private async Task<string> RichFinishedCaseAsync()
    {
        var fields = ComplaintForms.ValidComplaint(Name, Email);
        fields["Form.Phone"] = Phone;
        fields["Form.Address"] = Address;
        fields["Form.Cpr"] = Cpr;
        var (number, _) = await ComplaintForms.SubmitOkAsync(app.NewClient(), fields, ("erklaering.pdf", TestFiles.Pdf(FileText)));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TilsynDbContext>();
        var c = await db.Cases.Include(x => x.Documents).Include(x => x.Events).Include(x => x.StatementRequests).SingleAsync(x => x.Number == number);
        var admin = await db.Administrations.Where(a => a.Code == "BUF").Select(a => a.Id).SingleAsync();
        var worker = new Actor(null, "Sara Sagsbehandler");
        var now = app.Clock.GetUtcNow();
        c.Classify(CaseType.Complaint, admin, null, "28.09", [ComplaintCategory.Hearing], now, worker);
        c.StartReview(now, worker);
        c.AddNote(NoteText, now, worker);
        c.Conclude(Outcome.NoCriticism, [], "Ingen kritik.", null, "Ingen kritik af forvaltningen.", now, worker);
        c.Close(now, worker);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<CaseSearch>().IndexAsync(c, default);
        return number;
    }

    private static IEnumerable<string> TextsOf(ComplaintCase c) =>
        new[] { c.Citizen?.Name, c.Citizen?.Email, c.Citizen?.Phone, c.Citizen?.Address, c.Citizen?.MaskedCpr, c.Subject, c.Description, c.ConclusionText, c.Summary, c.RejectionReason }
            .Concat(c.Documents.SelectMany(d => new[] { d.Title, d.Text }))
            .Concat(c.Events.Select(e => e.Text))
            .Concat(c.StatementRequests.Select(r => r.Question))
            .OfType<string>();

    private static string Snapshot(ComplaintCase c) => JsonSerializer.Serialize(new
    {
        c.Number, c.Version, c.Subject, c.Description, c.Citizen, c.Summary, c.PersonalDataDeletedAt, c.Status,
        Documents = c.Documents.OrderBy(d => d.Sequence).Select(d => new { d.Title, d.Text, d.Content, d.FileName }),
        Events = c.Events.OrderBy(e => e.Id).Select(e => new { e.Text, e.ActorName }),
        Requests = c.StatementRequests.Select(r => r.Question),
    });

    private static async Task<List<byte[]>> ReportsAsync(HttpClient client, IEnumerable<int> years)
    {
        var files = new List<byte[]>();
        foreach (var y in years.Order())
            foreach (var handler in new[] { "Pdf", "Docx" })
                files.Add(await client.GetByteArrayAsync($"/AnnualReports/View?year={y}&handler={handler}"));
        return files;
    }

    /// <summary>SQLite: the database file and its write-ahead log as they lie on disk. PostgreSQL: a full <c>pg_dump</c> of the database.</summary>
    private async Task<List<byte[]>> DatabaseBytesAsync()
    {
        if (!TestDatabase.IsPostgres)
        {
            var file = new SqliteConnectionStringBuilder(app.Database.ConnectionString).DataSource;
            return [.. new[] { file, file + "-wal", file + "-journal" }.Where(File.Exists).Select(ReadShared)];
        }
        var cs = new NpgsqlConnectionStringBuilder(app.Database.ConnectionString);
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Last();
        var start = new ProcessStartInfo(Path.Combine(bin, "bin", "pg_dump"), ["-h", cs.Host!, "-p", cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", cs.Username!, "-d", cs.Database!])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PGPASSWORD"] = cs.Password;
        using var process = Process.Start(start)!;
        using var dump = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(dump);
        var errors = await process.StandardError.ReadToEndAsync();
        await copy;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, errors);
        return [dump.ToArray()];
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Whether the bytes hold the text as UTF-8 or, as pg_dump writes binary columns, as hex.</summary>
    private static bool Contains(byte[] bytes, string text) =>
        bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0
        || bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text)))) >= 0;
}
