using System.Text;
using System.Xml.Linq;
using Tilsyn.DigitalPost;
using static Tilsyn.Web.Tests.DigitalPost.DigitalPostTest;

namespace Tilsyn.Web.Tests.DigitalPost;

public sealed class FolderTransportTests(FolderDigitalPostApp app) : IClassFixture<FolderDigitalPostApp>
{
    private string[] Files(string pattern = "*") => Directory.GetFiles(app.Folder, pattern);

    [Fact]
    public async Task Each_letter_to_a_citizen_with_CPR_is_one_MeMo_file_holding_the_journalised_PDF_and_is_written_once()
    {
        var (number, _) = await Complaints.ComplaintForms.SubmitOkAsync(app.NewClient(), ComplaintWithCpr());
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var letter = await advisor.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler=Letter",
            new() { ["title"] = "Svar på din henvendelse", ["text"] = "Vi har set på sagen.", ["answersCitizen"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, letter.StatusCode);

        var letters = await app.LettersAsync(number);
        Assert.Equal(2, letters.Count); // the receipt and the letter
        Assert.All(letters, l => Assert.Equal(LetterChannel.DigitalPost, l.Channel));
        Assert.All(letters, l => Assert.NotNull(l.MessageId));
        // Not by e-mail as well: no mail carries a letter (only the status link goes by e-mail).
        Assert.Equal(0, await app.WithDbAsync(db => db.OutgoingMail.CountAsync(m => m.CaseNumber == number && m.Attachment != null)));
        Assert.Empty(Files($"{letters[0].MessageId}.xml")); // queued, not yet delivered

        Assert.True(await app.DeliverAsync() >= 2);

        foreach (var l in letters)
        {
            var path = Assert.Single(Files($"{l.MessageId}.xml"));
            var root = XDocument.Parse(Encoding.UTF8.GetString(await File.ReadAllBytesAsync(path))).Root!;
            Assert.Equal(M + "Message", root.Name);
            Assert.Equal("1.1", root.Attribute("memoVersion")!.Value);
            var header = root.Element(M + "MessageHeader")!;
            Assert.Equal(l.MessageId.ToString(), header.Element(M + "messageUUID")!.Value);
            Assert.Equal(SenderCvr, header.Element(M + "Sender")!.Element(M + "senderID")!.Value);
            Assert.Equal("CVR", header.Element(M + "Sender")!.Element(M + "idType")!.Value);
            Assert.Equal(SenderLabel, header.Element(M + "Sender")!.Element(M + "label")!.Value);
            Assert.Equal(Cpr, header.Element(M + "Recipient")!.Element(M + "recipientID")!.Value);
            Assert.Equal(number, header.Element(M + "ContentData")!.Element(M + "CaseID")!.Element(M + "caseID")!.Value);
            var content = root.Element(M + "MessageBody")!.Element(M + "MainDocument")!.Element(M + "File")!.Element(M + "content")!.Value;
            Assert.Equal(l.Pdf, Convert.FromBase64String(content)); // byte for byte the journalised letter
        }
        Assert.Empty(Files(".*")); // no temporary file left behind
        var written = Files().Length;

        Assert.Equal(0, await app.DeliverAsync()); // delivered is delivered
        Assert.Equal(written, Files().Length);
        var rows = await app.WithDbAsync(db => db.OutgoingDigitalPost.AsNoTracking().Where(m => m.CaseNumber == number).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.NotNull(r.SentAt));
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));
        Assert.All(rows, r => Assert.Null(r.ProtectedCpr)); // the copy of the CPR number and the PDF go once delivered
        Assert.All(rows, r => Assert.Null(r.Content));

        var page = WebUtility.HtmlDecode(await advisor.GetStringAsync($"/Cases/{number}"));
        Assert.Contains("Digital Post", page);
        Assert.Contains(letters[1].MessageId!.Value.ToString("D"), page);
        Assert.Contains("afleveret", page);
    }

    [Fact]
    public async Task A_message_whose_file_is_already_there_is_not_written_again()
    {
        var (number, _) = await Complaints.ComplaintForms.SubmitOkAsync(app.NewClient(), ComplaintWithCpr());
        var uuid = (await app.LettersAsync(number)).Single().MessageId!.Value;
        // What a dispatcher that died after renaming the file but before recording it leaves: the file, and a lease.
        var path = Path.Combine(app.Folder, $"{uuid}.xml");
        await File.WriteAllTextAsync(path, "allerede leveret");
        var now = app.Clock.GetUtcNow();
        await app.WithDbAsync(db => db.OutgoingDigitalPost.Where(m => m.MessageUuid == uuid).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LeaseUntil, now.AddMinutes(10)).SetProperty(m => m.LeaseOwner, "doed").SetProperty(m => m.Attempts, 1).SetProperty(m => m.FirstAttemptAt, now)));
        await app.DeliverAsync();
        Assert.Null((await app.WithDbAsync(db => db.OutgoingDigitalPost.SingleAsync(m => m.MessageUuid == uuid))).SentAt); // the lease holds

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        await app.DeliverAsync();

        Assert.NotNull((await app.WithDbAsync(db => db.OutgoingDigitalPost.SingleAsync(m => m.MessageUuid == uuid))).SentAt);
        Assert.Equal("allerede leveret", await File.ReadAllTextAsync(path)); // not written twice
        Assert.Single(Files($"{uuid}*"));
    }

    [Fact]
    public async Task A_citizen_without_CPR_gets_the_letter_by_email_as_before()
    {
        var (number, _) = await Complaints.ComplaintForms.SubmitOkAsync(app.NewClient(), Complaints.ComplaintForms.ValidComplaint(email: "uden-cpr@borger.example"));
        var receipt = Assert.Single(await app.LettersAsync(number));
        Assert.Equal(LetterChannel.Email, receipt.Channel);
        Assert.Null(receipt.MessageId);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutgoingDigitalPost.CountAsync(m => m.CaseNumber == number)));
        var mail = await app.Smtp.WaitForAsync("uden-cpr@borger.example", m => (m.Subject ?? "").StartsWith("Kvittering", StringComparison.Ordinal));
        Assert.Single(mail.Attachments);
    }

    [Fact]
    public async Task An_exempt_citizen_without_email_gets_letters_flagged_for_printing_in_the_print_list()
    {
        var (number, _) = await Complaints.ComplaintForms.SubmitOkAsync(app.NewClient(), ComplaintWithCpr(email: null));
        Assert.Equal(LetterChannel.DigitalPost, Assert.Single(await app.LettersAsync(number)).Channel);
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");

        var exempt = await advisor.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler=DigitalPostExemption",
            new() { ["exempt"] = "true", ["version"] = await advisor.ShownVersionAsync($"/Cases/{number}") });
        Assert.Equal(HttpStatusCode.Redirect, exempt.StatusCode);
        var page = WebUtility.HtmlDecode(await advisor.GetStringAsync($"/Cases/{number}"));
        Assert.Contains("Digital Post: fritaget", page);
        Assert.Contains("markeret som fritaget for Digital Post", page); // the history
        Assert.True(await app.WithDbAsync(db => db.AccessLog.AnyAsync(a => a.CaseNumber == number && a.Detail!.Contains("fritaget for Digital Post"))));

        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync($"/Cases/{number}", $"/Cases/{number}?handler=Letter",
            new() { ["title"] = "Svar på papir", ["text"] = "Vi har set på sagen.", ["answersCitizen"] = "true" })).StatusCode);

        var letter = (await app.LettersAsync(number))[^1];
        Assert.Equal(LetterChannel.Print, letter.Channel);
        Assert.Null(letter.MessageId);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutgoingDigitalPost.CountAsync(m => m.CaseNumber == number))); // only the receipt
        Assert.Contains("Afventer udskrift", WebUtility.HtmlDecode(await advisor.GetStringAsync($"/Cases/{number}")));
        var list = WebUtility.HtmlDecode(await advisor.GetStringAsync("/Post/Udskrift"));
        Assert.Contains($"{number}-{letter.Sequence:00}", list);
        Assert.Contains($"/Cases/{number}/dokument/{letter.Sequence}\"", list);

        var printed = await advisor.PostFormAsync("/Post/Udskrift", $"/Post/Udskrift?handler=Printed&number={number}&sequence={letter.Sequence}", []);
        Assert.Equal(HttpStatusCode.Redirect, printed.StatusCode);
        Assert.NotNull((await app.LettersAsync(number))[^1].PrintedAt);
        Assert.DoesNotContain($"/Cases/{number}/dokument/{letter.Sequence}\"", await advisor.GetStringAsync("/Post/Udskrift"));
        // Twice is refused with the reason, not a second entry.
        var again = await advisor.PostFormAsync("/Post/Udskrift", $"/Post/Udskrift?handler=Printed&number={number}&sequence={letter.Sequence}", []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("allerede markeret som udskrevet", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_administration_contact_cannot_open_the_print_list_or_mark_an_exemption()
    {
        var (number, _) = await Complaints.ComplaintForms.SubmitOkAsync(app.NewClient(), ComplaintWithCpr());
        var contact = app.NewClient();
        await contact.LoginOkAsync("buf");
        Assert.NotEqual(HttpStatusCode.OK, (await contact.GetAsync("/Post/Udskrift")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await app.NewClient().GetAsync("/Post/Udskrift")).StatusCode);
        Assert.False((await app.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Number == number))).Citizen!.ExemptFromDigitalPost);
    }
}
