using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Calendar;
using Tilsyn.Complaints;
using Tilsyn.Web.Complaints;

namespace Tilsyn.Web.Tests.Complaints;

/// <summary>Deadlines pass because the application's clock moves forward (<c>app.Clock.Advance</c>), not because rows are rewritten.</summary>
public sealed class DeadlineTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    /// <summary>A BUF case with a statement request due <paramref name="days"/> days after the clock's today, assigned to the demo caseworker.</summary>
    private async Task<string> CaseWithStatementDueInAsync(int days)
    {
        return await app.WithDbAsync(async db =>
        {
            var buf = await db.Administrations.SingleAsync(a => a.Code == "BUF");
            var worker = await db.Users.SingleAsync(u => u.UserName == "sagsbehandler");
            var now = app.Clock.GetUtcNow();
            var c = CaseBuilder.ACase().For(buf.Id).About("Frist", "Fristsag").ReceivedAt(now).Build();
            c.Classify(CaseType.Complaint, buf.Id, null, null, [ComplaintCategory.ProcessingTime], now, Actor.System);
            c.AssignCaseworker(worker.Id, worker.FullName, now, Actor.System);
            c.StartReview(now, Actor.System);
            c.RecordFirstAnswer(now, Actor.System); // only the statement deadline is under test
            c.RequestStatement("Status?", app.Clock.Today().AddDays(days), now, Actor.System);
            db.Cases.Add(c);
            await db.SaveChangesAsync();
            return c.Number;
        });
    }

    [Fact]
    public async Task Overdue_items_are_marked_on_the_worklist_and_in_the_case_list()
    {
        var overdue = await CaseWithStatementDueInAsync(1);
        app.Clock.Advance(TimeSpan.FromDays(4)); // due three days ago
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");

        Assert.StartsWith("<tr class=\"overdue\"", RowOf(await advisor.GetStringAsync("/"), overdue));
        Assert.StartsWith("<tr class=\"overdue\"", RowOf(await advisor.GetStringAsync("/Cases?overdue=true"), overdue));
        var notYet = await CaseWithStatementDueInAsync(7);
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
        var overdue = await CaseWithStatementDueInAsync(1);
        app.Clock.Advance(TimeSpan.FromDays(3)); // due two days ago
        var tomorrow = await CaseWithStatementDueInAsync(1);
        var later = await CaseWithStatementDueInAsync(5);
        var reminders = app.Services.GetRequiredService<DeadlineReminders>();

        var queued = await reminders.RunAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromHours(1)); // the next hourly run, the same day
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

    [Fact]
    public async Task A_reminder_goes_out_again_the_next_day()
    {
        var overdue = await CaseWithStatementDueInAsync(1);
        app.Clock.Advance(TimeSpan.FromDays(2));
        var reminders = app.Services.GetRequiredService<DeadlineReminders>();
        await reminders.RunAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromDays(1));
        await reminders.RunAsync(CancellationToken.None);

        var days = await app.WithDbAsync(db => db.OutgoingMail.Where(m => m.CaseNumber == overdue && m.To == "buf@tilsyn.example").Select(m => m.CreatedAt).ToListAsync());
        Assert.Equal(2, days.Select(DanishTime.LocalDate).Distinct().Count());
    }
}
