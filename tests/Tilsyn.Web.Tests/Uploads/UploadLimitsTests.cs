using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Tilsyn.Complaints.Intake;
using Tilsyn.Web.Tests.Complaints;
using Tilsyn.Web.Uploads;

namespace Tilsyn.Web.Tests.Uploads;

public sealed class UploadLimitsTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    public static TheoryData<Type> AttachmentPages =>
    [
        typeof(Pages.Klage.IndexModel), typeof(Pages.Cases.NewModel), typeof(Pages.Cases.DetailsModel), typeof(Pages.Evaluations.AnswerModel),
    ];

    [Theory]
    [MemberData(nameof(AttachmentPages))]
    public void Every_attachment_page_takes_the_policys_total_plus_the_form_overhead_and_nothing_else(Type page)
    {
        var limits = page.GetCustomAttribute<UploadLimitsAttribute>();

        Assert.NotNull(limits);
        Assert.Equal(AttachmentPolicy.Default.MaxTotalBytes, limits.MaxFileBytes);
        Assert.Equal(AttachmentPolicy.Default.MaxTotalBytes + UploadLimitsAttribute.FormOverheadBytes, limits.MaxRequestBytes);
        Assert.Null(page.GetCustomAttribute<RequestSizeLimitAttribute>());
        Assert.Null(page.GetCustomAttribute<RequestFormLimitsAttribute>());
    }

    [Fact]
    public async Task A_request_over_the_limit_is_refused_in_danish_and_nothing_is_stored()
    {
        var before = await app.WithDbAsync(db => db.Cases.CountAsync());
        var big = new byte[new UploadLimitsAttribute().MaxRequestBytes + 1];
        TestFiles.Pdf().CopyTo(big, 0);

        var response = await ComplaintForms.SubmitAsync(app.NewClient(), ComplaintForms.ValidComplaint(), ("stor.pdf", big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Det, du sendte, fylder mere end de 25 MB, siden tager imod. Intet er gemt.", html);
        Assert.Equal(before, await app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task A_request_without_a_declared_length_is_refused_when_it_grows_past_the_limit()
    {
        var before = await app.WithDbAsync(db => db.Cases.CountAsync());
        var client = app.NewClient();
        var token = await client.AntiforgeryTokenAsync("/klage");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (k, v) in ComplaintForms.ValidComplaint()) form.Add(new StringContent(v), k);
        form.Add(new UnknownLength(new byte[new UploadLimitsAttribute().MaxRequestBytes + 1]), "files", "stor.pdf");

        var response = await client.PostAsync("/klage", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Intet er gemt.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task More_files_than_the_policy_allows_are_refused_before_they_are_read()
    {
        var before = await app.WithDbAsync(db => db.Cases.CountAsync());
        var six = Enumerable.Range(1, AttachmentPolicy.Default.MaxFiles + 1).Select(i => ($"bilag{i}.pdf", TestFiles.Pdf())).ToArray();

        var response = await ComplaintForms.SubmitAsync(app.NewClient(), ComplaintForms.ValidComplaint(), six);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Du kan højst vedhæfte 5 filer; du har valgt 6.", ComplaintForms.Errors(html));
        Assert.Equal(before, await app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    /// <summary>A body sent without Content-Length (chunked), as a client that streams it would.</summary>
    private sealed class UnknownLength(byte[] content) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(content).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
