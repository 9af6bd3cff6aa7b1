using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Tilsyn.Complaints;
using Tilsyn.Remedies;

namespace Tilsyn.Web.Tests.Remedies;

/// <summary>Compliance with remedies per administration on the statistics page and in the annual report, for a data set worked out by hand.</summary>
public sealed partial class RemedyComplianceReportTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);
    private static DateTimeOffset At(int y, int m, int d) => Tilsyn.Calendar.DanishTime.At(D(y, m, d), new TimeOnly(10, 0));

    /// <summary>
    /// KFF's remedies, judged on the test clock's day 3.11.2026 (only this fixture writes remedies):
    /// <list type="number">
    /// <item>due 31.3.2026, carried out 20.3. → in time;</item>
    /// <item>due 30.4.2026, carried out 15.5. → late;</item>
    /// <item>due 30.6.2026, refused;</item>
    /// <item>due 31.8.2026, accepted, not carried out → outstanding;</item>
    /// <item>due 1.12.2026, accepted, not carried out → not yet due (in no share);</item>
    /// <item>due 30.6.2025, carried out → outside 2026, the period of both the statistics page (by default the current year) and the annual report.</item>
    /// </list>
    /// Assessed = 4 (items 1–4); carried out 2 (1, 2) → 2 / 4 = 50 %; in time 1 (1) → 1 / 4 = 25 %; late 1, refused 1, unanswered 0, outstanding 1, not yet due 1.
    /// </summary>
    private async Task SeedAsync()
    {
        if (await app.WithDbAsync(db => db.Set<Remedy>().AnyAsync())) return;
        var kff = await RemedyTestData.AdminIdAsync(app, "KFF");
        var now = app.Clock.GetUtcNow();
        var c = RemedyTestData.Concluded(kff, Outcome.Criticism, At(2026, 2, 2));
        var who = RemedyTestData.Advisor;
        var inTime = c.AskForRemedy(RemedyKind.Apology, null, D(2026, 3, 31), At(2026, 2, 2), who);
        var late = c.AskForRemedy(RemedyKind.PracticeChange, null, D(2026, 4, 30), At(2026, 2, 2), who);
        var refused = c.AskForRemedy(RemedyKind.Redress, null, D(2026, 6, 30), At(2026, 2, 2), who);
        var outstanding = c.AskForRemedy(RemedyKind.StaffGuidance, null, D(2026, 8, 31), At(2026, 2, 2), who);
        var notYetDue = c.AskForRemedy(RemedyKind.Reconsideration, null, D(2026, 12, 1), At(2026, 2, 2), who);
        c.RecordRemedyCarriedOut(inTime, D(2026, 3, 20), now, who);
        c.RecordRemedyCarriedOut(late, D(2026, 5, 15), now, who);
        c.RecordRemedyAnswer(refused, RemedyAnswer.Refused, D(2026, 2, 10), null, now, who);
        c.RecordRemedyAnswer(outstanding, RemedyAnswer.Accepted, D(2026, 2, 10), null, now, who);
        c.RecordRemedyAnswer(notYetDue, RemedyAnswer.Accepted, D(2026, 2, 10), null, now, who);
        var old = RemedyTestData.Concluded(kff, Outcome.Recommendation, At(2025, 5, 1));
        old.RecordRemedyCarriedOut(old.AskForRemedy(RemedyKind.Apology, null, D(2025, 6, 30), At(2025, 5, 1), who), D(2025, 6, 1), now, who);
        await RemedyTestData.StoreAsync(app, c);
        await RemedyTestData.StoreAsync(app, old);
    }

    [Fact]
    public async Task The_statistics_page_shows_each_administrations_share_carried_out_and_carried_out_in_time()
    {
        await SeedAsync();
        foreach (var user in new[] { "sagsbehandler", "ledelse", "sof" })
        {
            var client = app.NewClient();
            await client.LoginOkAsync(user);
            var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Statistics"));
            Assert.Contains("Efterlevelse af afhjælpning", html);
            // Assessed, carried out, in time, late, refused, unanswered, outstanding, share carried out, share in time, not yet due.
            Assert.Equal(["4", "2", "1", "1", "1", "0", "1", "50 %", "25 %", "1"], Cells(html, "KFF"));
        }
        // One administration's page shows its own row only.
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        var kffPage = WebUtility.HtmlDecode(await advisor.GetStringAsync("/Statistics?administration=KFF"));
        Assert.Equal(["4", "2", "1", "1", "1", "0", "1", "50 %", "25 %", "1"], Cells(kffPage, "KFF"));
        var bufPage = WebUtility.HtmlDecode(await advisor.GetStringAsync("/Statistics?administration=BUF"));
        Assert.Contains("Ingen afhjælpning med frist i perioden.", bufPage);
    }

    [Fact]
    public async Task The_annual_report_draft_states_compliance_per_administration_on_the_page_in_the_PDF_and_in_the_DOCX()
    {
        await SeedAsync();
        var advisor = app.NewClient();
        await advisor.LoginOkAsync("sagsbehandler");
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync("/AnnualReports", "/AnnualReports", new() { ["year"] = "2026" })).StatusCode);
        var page = WebUtility.HtmlDecode(await advisor.GetStringAsync("/AnnualReports/View?year=2026"));
        Assert.Contains("Efterlevelse af afhjælpning", page);
        Assert.Matches(@"<th scope=""row"">KFF</th><td>4</td><td>2</td><td>1</td><td>1</td><td>50 %</td><td>25 %</td>", Regex.Replace(page, @"\s+(?=<)", ""));

        var pdf = Tilsyn.Web.Tests.Letters.LetterPdfTests.PdfToText(await advisor.GetByteArrayAsync("/AnnualReports/View?year=2026&handler=Pdf"));
        Assert.Contains("Efterlevelse af afhjælpning", pdf);
        Assert.Contains("50 %", pdf);

        var docx = await advisor.GetByteArrayAsync("/AnnualReports/View?year=2026&handler=Docx");
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var table = word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>()
            .Single(t => t.InnerText.Contains("Andel rettidigt"));
        var row = table.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Single(r => r.InnerText.StartsWith("KFF", StringComparison.Ordinal));
        Assert.Equal(["KFF", "4", "2", "1", "1", "50 %", "25 %"], row.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText));
    }

    /// <summary>The cells after the row header of <paramref name="code"/>'s row in the compliance table.</summary>
    private static List<string> Cells(string html, string code)
    {
        var table = TablePattern().Match(html);
        Assert.True(table.Success, "no compliance table");
        var row = RowPattern().Matches(table.Value).Select(m => m.Value).Single(r => r.Contains($"<th scope=\"row\">{code} "));
        return CellPattern().Matches(row).Select(m => m.Groups[1].Value.Trim()).ToList();
    }

    [GeneratedRegex("<table id=\"efterlevelse\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex TablePattern();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();
}
