using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tilsyn.Web.Mail;

namespace Tilsyn.Web.Tests.Mail;

/// <summary>
/// The application with its own mail dispatcher idle (no <c>Mail:Host</c>): each test runs dispatchers
/// itself, against the test SMTP server or a port nothing listens on, and moves the clock by hand.
/// </summary>
public class QuietMailApp : TilsynApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Mail:Host"] = "" };

    public MailDispatcher Dispatcher(int? port = null, string security = "None") => new(
        Services.GetRequiredService<IServiceScopeFactory>(),
        Options.Create(new MailOptions { Host = "127.0.0.1", Port = port ?? Smtp.Port, Security = security }),
        Clock, NullLogger<MailDispatcher>.Instance);

    public Task<long> EnqueueAsync(string to, string subject, string? caseNumber = null) => WithDbAsync(async db =>
    {
        var now = Clock.GetUtcNow();
        var mail = new OutgoingMail { CreatedAt = now, NextAttemptAt = now, To = to, Subject = subject, Body = "Hej", CaseNumber = caseNumber };
        db.OutgoingMail.Add(mail);
        await db.SaveChangesAsync();
        return mail.Id;
    });

    public Task<OutgoingMail> MailAsync(long id) => WithDbAsync(db => db.OutgoingMail.AsNoTracking().SingleAsync(m => m.Id == id));
}

public sealed class MailDispatcherTests(QuietMailApp app) : IClassFixture<QuietMailApp>
{
    [Fact]
    public async Task Two_dispatchers_on_one_database_send_each_mail_exactly_once()
    {
        var ids = new List<long>();
        for (var i = 0; i < 30; i++) ids.Add(await app.EnqueueAsync("en-gang@borger.example", $"Mail nr. {i}"));
        var first = app.Dispatcher();
        var second = app.Dispatcher();

        var sent = await Task.WhenAll(first.SendPendingAsync(default), second.SendPendingAsync(default), first.SendPendingAsync(default), second.SendPendingAsync(default));

        Assert.Equal(30, sent.Sum());
        await Task.Delay(300); // anything sent twice would have arrived by now
        var received = app.Smtp.Messages.Where(m => m.To.Mailboxes.Any(b => b.Address == "en-gang@borger.example")).Select(m => m.Subject).ToList();
        Assert.Equal(30, received.Count);
        Assert.Equal(30, received.Distinct().Count());
        foreach (var id in ids)
        {
            var mail = await app.MailAsync(id);
            Assert.NotNull(mail.SentAt);
            Assert.Equal(1, mail.Attempts);
            Assert.Null(mail.LeaseUntil);
        }
    }

    [Fact]
    public async Task A_mail_whose_dispatcher_died_mid_send_is_not_sent_again_but_failed_for_a_person_to_check()
    {
        var id = await app.EnqueueAsync("afbrudt@borger.example", "Afbrudt");
        // What a dispatcher that crashed between sending and marking leaves behind: the claim, nothing more.
        var now = app.Clock.GetUtcNow();
        await app.WithDbAsync(db => db.OutgoingMail.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LeaseUntil, now.AddMinutes(10)).SetProperty(m => m.LeaseOwner, "doed").SetProperty(m => m.Attempts, 1).SetProperty(m => m.FirstAttemptAt, now)));

        await app.Dispatcher().SendPendingAsync(default);
        Assert.Null((await app.MailAsync(id)).FailedAt); // the lease still holds: another dispatcher keeps off

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        await app.Dispatcher().SendPendingAsync(default);
        await app.Dispatcher().SendPendingAsync(default);

        var mail = await app.MailAsync(id);
        Assert.Null(mail.SentAt);
        Assert.NotNull(mail.FailedAt);
        Assert.Equal(MailDispatcher.InterruptedError, mail.LastError);
        await Task.Delay(300);
        Assert.DoesNotContain(app.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == "afbrudt@borger.example"));
    }

    [Fact]
    public async Task A_link_replaced_before_the_receipt_went_out_is_not_sent_the_new_one_is()
    {
        var (number, firstPath) = await Complaints.ComplaintForms.SubmitOkAsync(app.NewClient(), Complaints.ComplaintForms.ValidComplaint(email: "foer-afsendelse@borger.example"));
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync($"/Cases/{number}", $"/Cases/{number}/statuslink?handler=Reissue", [])).StatusCode);
        // The receipt's stored token was erased by the reissue; nothing but the new mail can carry a link.
        Assert.Equal(1, await app.WithDbAsync(db => db.OutgoingMail.CountAsync(m => m.CaseNumber == number && m.ProtectedStatusToken != null)));

        await app.Dispatcher().SendPendingAsync(default);

        var receipt = await app.Smtp.WaitForAsync("foer-afsendelse@borger.example", m => (m.Subject ?? "").StartsWith("Kvittering", StringComparison.Ordinal));
        Assert.DoesNotContain("/status/", receipt.TextBody);
        Assert.Contains(Tilsyn.Web.Complaints.StatusLinks.NoLongerValid, receipt.TextBody);
        var reissued = await app.Smtp.WaitForAsync("foer-afsendelse@borger.example", m => (m.Subject ?? "").StartsWith("Nyt link", StringComparison.Ordinal));
        Assert.Contains("/status/", reissued.TextBody);
        Assert.DoesNotContain(firstPath, reissued.TextBody);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutgoingMail.CountAsync(m => m.CaseNumber == number && m.ProtectedStatusToken != null)));
    }

    [Fact]
    public async Task StartTls_is_required_by_default_so_a_server_without_it_gets_nothing()
    {
        Assert.Equal("StartTls", new MailOptions().Security);
        Assert.Equal(MailKit.Security.SecureSocketOptions.StartTls, new MailOptions { Security = "Auto", Port = 587 }.SocketOptions());
        var id = await app.EnqueueAsync("tls@borger.example", "Kun med TLS");

        Assert.Equal(0, await app.Dispatcher(security: new MailOptions().Security).SendPendingAsync(default));

        var mail = await app.MailAsync(id);
        Assert.Null(mail.SentAt);
        Assert.Equal(1, mail.Attempts);
        Assert.Contains("STARTTLS", mail.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(app.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == "tls@borger.example"));
    }
}

/// <summary>Its own application, so the failed-mail count on /health is this test's alone.</summary>
public sealed class FailedMailTests(QuietMailApp app) : IClassFixture<QuietMailApp>
{
    [Fact]
    public async Task A_failing_mail_backs_off_for_24_hours_then_is_failed_shown_to_the_head_of_office_degrades_health_and_can_be_retried()
    {
        var id = await app.EnqueueAsync("ingen.server@borger.example", "Kvittering – sag 2026-0000777", "2026-0000777");
        var down = app.Dispatcher(port: TilsynApp.FreePort());
        var start = app.Clock.GetUtcNow();

        await down.SendPendingAsync(default);
        var mail = await app.MailAsync(id);
        Assert.Equal(1, mail.Attempts);
        Assert.Equal(start.AddMinutes(1), mail.NextAttemptAt);
        Assert.NotNull(mail.LastError);
        await down.SendPendingAsync(default);
        Assert.Equal(1, (await app.MailAsync(id)).Attempts); // not before its time

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await down.SendPendingAsync(default);
        Assert.Equal(start.AddMinutes(1 + 2), (await app.MailAsync(id)).NextAttemptAt);

        while ((mail = await app.MailAsync(id)).FailedAt is null)
        {
            Assert.True(mail.Attempts < 60, "never gave up");
            app.Clock.SetUtcNow(mail.NextAttemptAt);
            await down.SendPendingAsync(default);
        }
        Assert.True(mail.FailedAt - start >= TimeSpan.FromHours(24), $"gave up after {mail.FailedAt - start}");
        Assert.DoesNotContain("ingen.server", mail.LastError);

        var health = await app.NewClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using (var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync()))
        {
            Assert.Equal("degraded", json.RootElement.GetProperty("status").GetString());
            Assert.Equal(1, json.RootElement.GetProperty("failedMails").GetInt32());
        }

        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        Assert.NotEqual(HttpStatusCode.OK, (await advisor.GetAsync("/Mail/Fejlede")).StatusCode);
        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        var page = WebUtility.HtmlDecode(await lead.GetStringAsync("/Mail/Fejlede"));
        Assert.Contains("2026-0000777", page);
        Assert.Contains("i•••@borger.example", page);
        Assert.DoesNotContain("ingen.server@", page);

        var retry = await lead.PostFormAsync("/Mail/Fejlede", $"/Mail/Fejlede?handler=Retry&id={id}", []);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal(1, await app.Dispatcher().SendPendingAsync(default));
        Assert.NotNull((await app.MailAsync(id)).SentAt);
        await app.Smtp.WaitForAsync("ingen.server@borger.example");
        using (var json = JsonDocument.Parse(await app.NewClient().GetStringAsync("/health")))
            Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Contains("Der er ingen fejlede mails", await lead.GetStringAsync("/Mail/Fejlede"));
    }
}

/// <summary>A mail setting that could send in plain text by mistake stops the host at start.</summary>
public sealed class UnknownMailSecurityApp : TilsynApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Mail:Security"] = "Plain" };
}

public sealed class MailSecuritySettingTests
{
    [Fact]
    public async Task The_host_refuses_to_start_with_an_unknown_Mail_Security()
    {
        await using var app = new UnknownMailSecurityApp();
        var ex = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Mail:Security", ex.ToString());
    }
}

public sealed class MailErrorTextTests
{
    [Fact]
    public void An_smtp_error_is_kept_without_the_addresses_it_names()
    {
        var text = MailDispatcher.ErrorText(new InvalidOperationException("5.1.1 <anna.hansen@borger.example>: Recipient address rejected; from borgerraadgiveren@kommune.example"));
        Assert.DoesNotContain("anna.hansen", text);
        Assert.DoesNotContain("@", text);
        Assert.Contains("Recipient address rejected", text);
        Assert.True(MailDispatcher.ErrorText(new InvalidOperationException(new string('x', 5000))).Length <= 500);
    }

    [Theory]
    [InlineData("StartTls", 25, MailKit.Security.SecureSocketOptions.StartTls)]
    [InlineData("starttls", 587, MailKit.Security.SecureSocketOptions.StartTls)]
    [InlineData("SslOnConnect", 465, MailKit.Security.SecureSocketOptions.SslOnConnect)]
    [InlineData("Auto", 465, MailKit.Security.SecureSocketOptions.SslOnConnect)]
    [InlineData("Auto", 25, MailKit.Security.SecureSocketOptions.StartTls)]
    [InlineData("None", 25, MailKit.Security.SecureSocketOptions.None)]
    public void Only_an_explicit_None_sends_without_tls(string setting, int port, MailKit.Security.SecureSocketOptions expected) =>
        Assert.Equal(expected, new MailOptions { Security = setting, Port = port }.SocketOptions());

    [Theory]
    [InlineData("")]
    [InlineData("Plain")]
    [InlineData("StartTlsWhenAvailable")]
    public void A_setting_that_could_fall_back_to_plain_text_is_not_accepted(string setting) =>
        Assert.Null(new MailOptions { Security = setting }.SocketOptions());
}
