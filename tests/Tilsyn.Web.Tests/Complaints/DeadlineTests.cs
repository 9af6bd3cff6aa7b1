using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Complaints;
using Tilsyn.Web.Complaints;
using Tilsyn.Web.Tests.Infrastructure;

namespace Tilsyn.Web.Tests.Complaints;

public sealed class DeadlineTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    /// <summary>A BUF case with a statement request that fell due <paramref name="daysAgo"/> days ago, assigned to the demo caseworker.</summary>
    private async Task<string> CaseWithStatementDueAsync(int daysAgo)
    {
        return await app.WithDbAsync(async db =>
        {
            var buf = await db.Administrations.SingleAsync(a => a.Code == "BUF");
            var worker = await db.Users.SingleAsync(u => u.UserName == "sagsbehandler");
            var year = 2001 + Math.Abs(daysAgo);
            var received = DateTimeOffset.UtcNow.AddDays(-30);
            var c = new ComplaintCase(year, 7, CaseType.Complaint, Channel.Email, new Citizen("Frist Testesen", null, null, null, null, null),
                "Frist", "Fristsag", received, DateOnly.FromDateTime(received.UtcDateTime.AddDays(14)), Actor.Citizen, buf.Id);
            c.Classify(CaseType.Complaint, buf.Id, null, null, [ComplaintCategory.ProcessingTime], received, Actor.System);
            c.AssignCaseworker(worker.Id, worker.FullName, received, Actor.System);
            c.StartReview(received, Actor.System);
            c.RecordFirstAnswer(received, Actor.System); // only the statement deadline is under test
            c.RequestStatement("Status?", DateOnly.FromDateTime(received.UtcDateTime.AddDays(5)), received, Actor.System);
            db.Cases.Add(c);
            await db.SaveChangesAsync();
            // Move the deadline to the day under test (a request's due date cannot be set in the past through the domain).
            var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-daysAgo));
            await db.StatementRequests.Where(r => r.CaseId == c.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.DueDate, due));
            return c.Number;
        });
    }

    [Fact]
    public async Task Overdue_items_are_marked_on_the_worklist_and_in_the_case_list()
    {
        var overdue = await CaseWithStatementDueAsync(3);
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");

        Assert.StartsWith("<tr class=\"overdue\"", RowOf(await advisor.GetStringAsync("/"), overdue));
        Assert.StartsWith("<tr class=\"overdue\"", RowOf(await advisor.GetStringAsync("/Cases?overdue=true"), overdue));
        var notYet = await CaseWithStatementDueAsync(-7);
        Assert.DoesNotContain(notYet, await advisor.GetStringAsync("/Cases?overdue=true"));
    }

    /// <summary>The table row (from its opening tag) that holds <paramref name="number"/>.</summary>
    private static string RowOf(string html, string number)
    {
        var at = html.IndexOf(number, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{number} is not on the page");
        var start = html.LastIndexOf("<tr", at, StringComparison.Ordinal);
        return html[start..at];
    }

    [Fact]
    public async Task Reminders_go_out_for_due_tomorrow_and_overdue_items_once_a_day()
    {
        var overdue = await CaseWithStatementDueAsync(2);
        var tomorrow = await CaseWithStatementDueAsync(-1);
        var later = await CaseWithStatementDueAsync(-5);
        var reminders = app.Services.GetRequiredService<DeadlineReminders>();

        var queued = await reminders.RunAsync(CancellationToken.None);
        var again = await reminders.RunAsync(CancellationToken.None);

        Assert.True(queued > 0);
        Assert.Equal(0, again);
        var mails = await app.WithDbAsync(db => db.OutgoingMail.Where(m => (m.Subject ?? "").StartsWith("Påmindelse")).ToListAsync());
        Assert.Contains(mails, m => m.CaseNumber == overdue && m.To == "sagsbehandler@tilsyn.example" && (m.Subject ?? "").Contains("overskredet"));
        Assert.Contains(mails, m => m.CaseNumber == overdue && m.To == "buf@tilsyn.example");
        Assert.Contains(mails, m => m.CaseNumber == tomorrow && (m.Subject ?? "").Contains("i morgen"));
        Assert.DoesNotContain(mails, m => m.CaseNumber == later);
        await app.Smtp.WaitForAsync("buf@tilsyn.example", m => (m.Subject ?? "").Contains(overdue));
    }
}
