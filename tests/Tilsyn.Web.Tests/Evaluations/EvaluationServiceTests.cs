using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Common;
using Tilsyn.Evaluations;
using Tilsyn.Identity;
using Tilsyn.Web.Evaluations;
using Tilsyn.Web.Identity;

namespace Tilsyn.Web.Tests.Evaluations;

public sealed class EvaluationServiceTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private static ClaimsPrincipal Contact(int administrationId) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Role, Roles.AdministrationContact), new Claim(TilsynClaims.AdministrationId, administrationId.ToString())], "test"));

    private static readonly ClaimsPrincipal Advisor = new(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Advisor)], "test"));

    [Fact]
    public async Task A_round_gives_every_administration_a_draft_and_a_contact_reaches_only_its_own()
    {
        using var scope = app.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<EvaluationService>();
        var db = scope.ServiceProvider.GetRequiredService<Tilsyn.Web.Data.TilsynDbContext>();
        var buf = await db.Administrations.Where(a => a.Code == "BUF").Select(a => a.Id).SingleAsync();
        var sof = await db.Administrations.Where(a => a.Code == "SOF").Select(a => a.Id).SingleAsync();

        var round = await service.OpenRoundAsync(2027, new DateOnly(2027, 3, 1), "Sara Holm", CancellationToken.None);
        Assert.Equal(7, await db.Set<EvaluationAnswerRecord>().CountAsync(a => a.RoundId == round.Id && a.Status == AnswerStatus.Draft));
        await Assert.ThrowsAsync<DomainException>(() => service.OpenRoundAsync(2027, new DateOnly(2027, 3, 1), "x", CancellationToken.None));

        Assert.NotNull(await service.AnswerAsync(Contact(buf), 2027, buf, CancellationToken.None));
        Assert.Null(await service.AnswerAsync(Contact(buf), 2027, sof, CancellationToken.None));
        Assert.NotNull(await service.AnswerAsync(Advisor, 2027, sof, CancellationToken.None));

        var (record, answer) = (await service.AnswerAsync(Contact(buf), 2027, buf, CancellationToken.None))!.Value;
        answer.Answer("A1", "Direktionen følger op hvert kvartal.");
        await service.SaveAsync(record, answer, CancellationToken.None);
        var reloaded = (await service.AnswerAsync(Advisor, 2027, buf, CancellationToken.None))!.Value.Answer;
        Assert.Equal("Direktionen følger op hvert kvartal.", reloaded.Text("A1"));
    }

    [Fact]
    public async Task The_next_round_starts_from_the_previous_rounds_scheme()
    {
        using var scope = app.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<EvaluationService>();
        var db = scope.ServiceProvider.GetRequiredService<Tilsyn.Web.Data.TilsynDbContext>();
        var first = await service.OpenRoundAsync(2029, new DateOnly(2029, 3, 1), "Sara Holm", CancellationToken.None);
        // The advisor edits the 2029 scheme: a section H is added.
        first.ReviseScheme(first.Scheme.WithSection(new Section("H", "Digital selvbetjening", [new Question("H1", "Hvordan?", QuestionKind.FreeText)])));
        await db.SaveChangesAsync();

        var next = await service.OpenRoundAsync(2031, new DateOnly(2031, 3, 1), "Sara Holm", CancellationToken.None);
        Assert.Equal(["A", "B", "C", "D", "E", "F", "G", "H"], next.Scheme.Sections.Select(s => s.Letter));
    }

    [Fact]
    public async Task Opening_a_round_mails_every_administration_and_a_reminder_goes_out_a_week_before_the_deadline()
    {
        var today = Tilsyn.Calendar.DanishTime.Today(app.Clock);
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<EvaluationService>().OpenRoundAsync(2026 + 40, today.AddDays(7), "Sara Holm", CancellationToken.None);
        var sent = await app.WithDbAsync(db => db.OutgoingMail.Where(m => m.Subject.StartsWith("FOKUS 2066")).Select(m => m.To).ToListAsync());
        Assert.Contains("buf@tilsyn.example", sent);
        Assert.Contains("sof@tilsyn.example", sent);
        Assert.Contains("/Evaluations/Answer?year=2066&administration=", await app.WithDbAsync(db => db.OutgoingMail.Where(m => m.To == "buf@tilsyn.example" && m.Subject.StartsWith("FOKUS 2066")).Select(m => m.Body).FirstAsync()));

        var reminders = app.Services.GetRequiredService<Tilsyn.Web.Complaints.DeadlineReminders>();
        await reminders.RunAsync(CancellationToken.None);
        await reminders.RunAsync(CancellationToken.None); // a second run the same day sends nothing new (counted below)
        Assert.True(await app.WithDbAsync(db => db.OutgoingMail.AnyAsync(m => m.To == "buf@tilsyn.example" && m.Subject.Contains("FOKUS 2066") && m.Subject.Contains("om en uge"))));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutgoingMail.CountAsync(m => m.To == "buf@tilsyn.example" && m.Subject.Contains("FOKUS 2066") && m.Subject.Contains("om en uge"))));
    }
}
