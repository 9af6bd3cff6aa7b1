using Tilsyn.DigitalPost;
using static Tilsyn.Web.Tests.DigitalPost.DigitalPostTest;

namespace Tilsyn.Web.Tests.DigitalPost;

public sealed class HttpTransportTests(HttpDigitalPostApp app) : IClassFixture<HttpDigitalPostApp>
{
    private List<(string? Key, byte[] Body)> AcceptedFor(Guid uuid) => app.Endpoint.Accepted.Where(r => r.Key == uuid.ToString("D")).ToList();
    private int RequestsFor(Guid uuid) => app.Endpoint.Requests.Count(r => r.Key == uuid.ToString("D"));

    [Fact]
    public async Task The_endpoint_refuses_a_caller_without_the_client_certificate()
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var http = new HttpClient(handler);
        var before = app.Endpoint.Requests.Count;
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.PostAsync(app.Endpoint.Url, new ByteArrayContent([1])));
        Assert.Equal(before, app.Endpoint.Requests.Count);
    }

    [Fact]
    public async Task A_letter_is_posted_once_with_the_client_certificate_as_a_MeMo_message()
    {
        app.Endpoint.Fail = false;
        var (number, _) = await Complaints.ComplaintForms.SubmitOkAsync(app.NewClient(), ComplaintWithCpr());
        var receipt = Assert.Single(await app.LettersAsync(number));
        Assert.Equal(LetterChannel.DigitalPost, receipt.Channel);
        var uuid = receipt.MessageId!.Value;

        Assert.True(await app.DeliverAsync() >= 1);
        Assert.Equal(0, await app.DeliverAsync());

        var (_, body) = Assert.Single(AcceptedFor(uuid));
        var root = HttpDigitalPostApp.Parse(body);
        Assert.Equal("1.1", root.Attribute("memoVersion")!.Value);
        var header = root.Element(M + "MessageHeader")!;
        Assert.Equal(uuid.ToString(), header.Element(M + "messageUUID")!.Value);
        Assert.Equal(Cpr, header.Element(M + "Recipient")!.Element(M + "recipientID")!.Value);
        Assert.Equal(number, header.Element(M + "ContentData")!.Element(M + "CaseID")!.Element(M + "caseID")!.Value);
        Assert.Equal(receipt.Pdf, Convert.FromBase64String(root.Element(M + "MessageBody")!.Element(M + "MainDocument")!.Element(M + "File")!.Element(M + "content")!.Value));
        Assert.NotNull((await app.WithDbAsync(db => db.OutgoingDigitalPost.SingleAsync(m => m.MessageUuid == uuid))).SentAt);
    }

    [Fact]
    public async Task A_failing_endpoint_leaves_the_message_queued_then_failed_for_the_head_of_office_never_lost_or_delivered_twice()
    {
        app.Endpoint.Fail = true;
        var (number, _) = await Complaints.ComplaintForms.SubmitOkAsync(app.NewClient(), ComplaintWithCpr());
        var uuid = Assert.Single(await app.LettersAsync(number)).MessageId!.Value;
        var start = app.Clock.GetUtcNow();

        Assert.Equal(0, await app.DeliverAsync());
        var row = await app.WithDbAsync(db => db.OutgoingDigitalPost.AsNoTracking().SingleAsync(m => m.MessageUuid == uuid));
        Assert.Null(row.SentAt);
        Assert.Null(row.FailedAt); // queued for another attempt
        Assert.Equal(1, row.Attempts);
        Assert.Equal(start + Tilsyn.Mail.MailDeliveryPolicy.FirstDelay, row.NextAttemptAt);
        Assert.Contains("500", row.LastError);
        Assert.DoesNotContain(Cpr, row.LastError);

        Assert.Equal(0, await app.DeliverAsync()); // not due yet: no attempt
        Assert.Equal(1, RequestsFor(uuid));

        for (var i = 0; i < 40 && row.FailedAt is null; i++)
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            await app.DeliverAsync();
            row = await app.WithDbAsync(db => db.OutgoingDigitalPost.AsNoTracking().SingleAsync(m => m.MessageUuid == uuid));
        }
        Assert.NotNull(row.FailedAt);
        Assert.True(row.FailedAt - start >= TimeSpan.FromHours(24), $"gave up after {row.FailedAt - start}");
        Assert.Null(row.SentAt);
        Assert.NotNull(row.ProtectedCpr); // not lost: everything needed to deliver it is still there
        Assert.Equal(row.Attempts, RequestsFor(uuid));
        Assert.Empty(AcceptedFor(uuid));
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.DeliverAsync();
        Assert.Equal(row.Attempts, RequestsFor(uuid)); // failed is failed: no more attempts on its own
        using (var health = System.Text.Json.JsonDocument.Parse(await app.NewClient().GetStringAsync("/health")))
        {
            Assert.Equal("degraded", health.RootElement.GetProperty("status").GetString());
            Assert.Equal(1, health.RootElement.GetProperty("failedDigitalPost").GetInt32());
        }

        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        Assert.Contains("fejlet", WebUtility.HtmlDecode(await advisor.GetStringAsync($"/Cases/{number}")));
        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        var page = WebUtility.HtmlDecode(await lead.GetStringAsync("/Mail/Fejlede"));
        Assert.Contains(uuid.ToString("D"), page);
        Assert.Contains(number, page);
        Assert.DoesNotContain(Cpr, page);
        Assert.DoesNotContain("010190-1234", page);

        app.Endpoint.Fail = false;
        var retry = await lead.PostFormAsync("/Mail/Fejlede", $"/Mail/Fejlede?handler=RetryDigitalPost&id={row.Id}", []);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal(1, await app.DeliverAsync());
        Assert.Equal(0, await app.DeliverAsync());
        Assert.Single(AcceptedFor(uuid));
        Assert.NotNull((await app.WithDbAsync(db => db.OutgoingDigitalPost.SingleAsync(m => m.MessageUuid == uuid))).SentAt);
        Assert.Contains("Der er ingen fejlede Digital Post-meddelelser", await lead.GetStringAsync("/Mail/Fejlede"));
        using (var health = System.Text.Json.JsonDocument.Parse(await app.NewClient().GetStringAsync("/health")))
            Assert.Equal(0, health.RootElement.GetProperty("failedDigitalPost").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await lead.PostFormAsync("/Mail/Fejlede", $"/Mail/Fejlede?handler=RetryDigitalPost&id={row.Id}", [])).StatusCode);
    }
}
