using Tilsyn.Complaints;

namespace Tilsyn.Web.Tests.Complaints;

public sealed class IntakeTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    [Fact]
    public async Task A_citizen_complaint_is_journalised_with_its_attachment_and_a_receipt_is_mailed()
    {
        var citizen = app.NewClient();
        var (number, statusPath) = await ComplaintForms.SubmitOkAsync(citizen, ComplaintForms.ValidComplaint(email: "intake@borger.example"), ("afgørelse.pdf", TestFiles.Pdf()));

        Assert.Matches(@"^\d{4}-\d{7}$", number);
        var c = await app.WithDbAsync(db => db.Cases.Include(x => x.Documents).SingleAsync(x => x.Number == number));
        Assert.Equal(CaseStatus.Received, c.Status);
        Assert.Equal(Channel.WebForm, c.Channel);
        Assert.Equal([DocumentKind.Incoming, DocumentKind.Attachment, DocumentKind.Outgoing], c.Documents.OrderBy(d => d.Sequence).Select(d => d.Kind));
        var attachment = c.Documents.Single(d => d.Kind == DocumentKind.Attachment);
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.Equal("afgørelse.pdf", attachment.FileName);
        Assert.NotNull(c.StatusTokenHash);
        Assert.True(await app.WithDbAsync(db => db.AccessLog.AnyAsync(a => a.CaseNumber == number && a.Action == Tilsyn.Web.AccessLogging.AccessAction.Create)));
        Assert.DoesNotContain(c.StatusTokenHash!, statusPath); // only the hash is stored

        var mail = await app.Smtp.WaitForAsync("intake@borger.example");
        Assert.Contains(number, mail.Subject);
        Assert.Contains(statusPath, mail.TextBody);
        Assert.Contains(mail.Attachments, a => a.ContentType.MimeType == "application/pdf");
    }

    [Fact]
    public async Task The_status_link_shows_the_case_and_its_letters_and_a_wrong_token_shows_nothing()
    {
        var citizen = app.NewClient();
        var (number, statusPath) = await ComplaintForms.SubmitOkAsync(citizen);

        var page = await citizen.GetStringAsync(statusPath);
        Assert.Contains($"Din sag {number}", page);
        Assert.Contains("Modtaget", page);
        Assert.Contains("Kvittering", page);

        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/status/forkert-token-" + Guid.NewGuid())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync(statusPath[..^2] + "xx")).StatusCode);
    }

    [Fact]
    public async Task A_cpr_number_is_stored_encrypted_and_shown_masked()
    {
        var fields = ComplaintForms.ValidComplaint();
        fields["Form.Cpr"] = "010203-1234";
        var (number, _) = await ComplaintForms.SubmitOkAsync(app.NewClient(), fields);

        var c = await app.WithDbAsync(db => db.Cases.SingleAsync(x => x.Number == number));
        Assert.Equal("010203-xxxx", c.Citizen!.MaskedCpr);
        Assert.DoesNotContain("1234", c.Citizen.ProtectedCpr!);
        Assert.DoesNotContain("0102031234", c.Citizen.ProtectedCpr!);

        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var list = await advisor.GetStringAsync("/Cases");
        Assert.DoesNotContain("010203", list);
        var details = await advisor.GetStringAsync($"/Cases/{number}");
        Assert.Contains("010203-xxxx", details);
        Assert.DoesNotContain("010203-1234", details);
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "Form.Cpr", "321399-1234", "CPR-nummeret" },
        { "Form.Cpr", "12345", "CPR-nummeret" },
        { "Form.Name", "", "Feltet 'Navn' skal udfyldes." },
        { "Form.Description", "", "Feltet 'Beskrivelse' skal udfyldes." },
        { "Form.Subject", "<script>alert(1)</script>", "Feltet 'Emne' må ikke indeholde HTML eller script" },
        { "Form.Description", "Se <img src=x onerror=alert(1)>", "Feltet 'Beskrivelse' må ikke indeholde HTML eller script" },
        { "Form.Email", "ikke-en-adresse", "Feltet 'E-mail' er ikke en gyldig e-mailadresse." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_clear_danish_error_and_nothing_is_stored(string field, string value, string error)
    {
        var before = await app.WithDbAsync(db => db.Cases.CountAsync());
        var fields = ComplaintForms.ValidComplaint();
        fields[field] = value;

        var response = await ComplaintForms.SubmitAsync(app.NewClient(), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(error, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task A_disguised_attachment_is_refused_by_its_content_and_nothing_is_stored()
    {
        var before = await app.WithDbAsync(db => db.Cases.CountAsync());
        var response = await ComplaintForms.SubmitAsync(app.NewClient(), ComplaintForms.ValidComplaint(), ("kvittering.pdf", TestFiles.Executable()));

        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("kvittering.pdf", ComplaintForms.Errors(html));
        Assert.Equal(before, await app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task An_oversized_attachment_is_refused_and_nothing_is_stored()
    {
        var before = await app.WithDbAsync(db => db.Cases.CountAsync());
        var big = new byte[11 * 1024 * 1024];
        TestFiles.Pdf().CopyTo(big, 0);
        var response = await ComplaintForms.SubmitAsync(app.NewClient(), ComplaintForms.ValidComplaint(), ("stor.pdf", big));

        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Filen 'stor.pdf' er for stor", html);
        Assert.Equal(before, await app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task Case_numbers_run_within_the_year()
    {
        var (first, _) = await ComplaintForms.SubmitOkAsync(app.NewClient());
        var (second, _) = await ComplaintForms.SubmitOkAsync(app.NewClient());
        Assert.True(CaseNumber.TryParse(first, out var y1, out var s1));
        Assert.True(CaseNumber.TryParse(second, out var y2, out var s2));
        Assert.Equal(y1, y2);
        Assert.Equal(s1 + 1, s2);
    }
}
