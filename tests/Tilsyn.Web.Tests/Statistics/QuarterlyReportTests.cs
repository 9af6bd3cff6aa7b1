using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Complaints;
using Tilsyn.Extracts;
using Tilsyn.Recommendations;
using Tilsyn.Web.Extracts;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Tilsyn.Web.Tests.Statistics;

/// <summary>
/// The quarterly committee report (issue 15, point 2) and <c>/api/complaints/quarterly</c>: both registers counted once,
/// the year-earlier quarter and the eight-quarter trend, per 1,000 cases only where an extract exists, PDF and DOCX
/// with the committee's name, and who may see which administration's figures.
/// </summary>
public sealed class QuarterlyReportTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    private static int nextSequence = 9_100_000;
    private static readonly Citizen Anna = new("Anna Testesen", null, null, null, null, null);

    private static DateTimeOffset At(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private Task<int> AdministrationAsync(string code) => app.WithDbAsync(db => db.Administrations.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    /// <summary>An advisor's complaint case about <paramref name="administration"/>, classified with <paramref name="categories"/>.</summary>
    private static ComplaintCase AdvisorCase(int administration, DateTimeOffset at, params ComplaintCategory[] categories)
    {
        var c = CaseBuilder.ACase().ReceivedAt(at).For(administration).Build();
        c.Classify(CaseType.Complaint, administration, null, null, categories, at, Actor.System);
        return c;
    }

    /// <summary>A complaint in <paramref name="administration"/>'s own register.</summary>
    private static ComplaintCase OwnCase(int administration, DateTimeOffset at, params ComplaintCategory[] categories)
    {
        var c = ComplaintCase.ForAdministration(administration, Tilsyn.Calendar.DanishTime.LocalDate(at).Year, Interlocked.Increment(ref nextSequence),
            CaseType.Complaint, Channel.Email, Anna, "Klage til forvaltningen", "Borgeren klager.", at, Tilsyn.Calendar.DanishTime.LocalDate(at).AddDays(14), Actor.System);
        c.Classify(CaseType.Complaint, administration, null, null, categories, at, Actor.System);
        return c;
    }

    private async Task<HttpClient> LoggedInAsync(string user)
    {
        var client = app.NewClient();
        await client.LoginOkAsync(user);
        return client;
    }

    private static string Flat(string html) => Regex.Replace(WebUtility.HtmlDecode(html), @">\s+<", "><");

    private async Task ImportAsync(string source, string csv, DateOnly from, DateOnly to)
    {
        using var scope = app.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<ExtractImporter>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)),
            new ImportRequest(source, from, to, ErrorPolicy.RejectFile, new ColumnMap(), source + ".csv", "Test"), null, CancellationToken.None);
        Assert.True(report.Imported, string.Join(" | ", report.FirstErrors.Take(3)));
    }

    [Fact]
    public async Task A_linked_entry_and_the_advisors_case_count_once_as_advisor_with_the_year_earlier_quarter_and_eight_quarters()
    {
        // BUF, report for 1st quarter 2025 (2025-Q1). Trend: 2023-Q2 .. 2025-Q1; a year earlier: 2024-Q1. Worked out by hand:
        //   A1 advisor 10.2.2025 Partshøring, and L1 = BUF's own entry 12.2.2025 linked to A1  -> one complaint, advisor
        //   O1 BUF's own 15.1.2025 Partshøring, concluded 25.1.2025 (10 days)                  -> administration
        //   O2 BUF's own 31.3.2025 22:30 UTC = 1.4.2025 00:30 in Copenhagen (summer time)      -> 2025-Q2, not in the report's quarter
        //   O3 BUF's own 1.2.2024 Begrundelse; A2 advisor 15.3.2024 Manglende svar              -> 2024-Q1: 1 + 1
        //   A3 advisor 5.5.2023 Andet                                                            -> 2023-Q2 (first trend quarter): 0 + 1
        //   A4 advisor 20.3.2023                                                                 -> 2023-Q1, outside the trend
        //   A5 advisor 30.12.2024 Vejledning, and L2 = BUF's own entry 3.1.2025 linked to A5     -> one complaint, advisor, in 2024-Q4
        //      (the advisor's date wins, although only L2 lies in 2025-Q1)
        //   SOF's complaint and an inquiry about BUF in 2025-Q1                                  -> not counted
        // 2025-Q1: administration 1, advisor 1, total 2, formal 2 (Partshøring is FVL § 19); the Partshøring row 1 / 1.
        // 2024-Q1: 1 + 1 = 2, both formal (Begrundelse FVL §§ 22-24, Manglende svar: the duty to answer).
        // Trend totals: 1, 0, 0, 2, 0, 0, 1, 2. Processing times in 2025-Q1: one closed by BUF itself, median 10 days.
        // No extract is imported for BUF: counts, and no rate per 1,000.
        var buf = await AdministrationAsync("BUF");
        var sof = await AdministrationAsync("SOF");
        var a1 = AdvisorCase(buf, At(2025, 2, 10), ComplaintCategory.Hearing);
        var a5 = AdvisorCase(buf, At(2024, 12, 30), ComplaintCategory.Guidance);
        await app.WithDbAsync(async db =>
        {
            db.Cases.AddRange(a1, a5);
            db.Cases.AddRange(
                AdvisorCase(buf, At(2024, 3, 15), ComplaintCategory.NoAnswer),
                AdvisorCase(buf, At(2023, 5, 5), ComplaintCategory.Other),
                AdvisorCase(buf, At(2023, 3, 20), ComplaintCategory.Hearing),
                AdvisorCase(sof, At(2025, 2, 1), ComplaintCategory.Hearing));
            var inquiry = CaseBuilder.ACase().OfType(CaseType.Inquiry).ReceivedAt(At(2025, 2, 2)).For(buf).Build();
            inquiry.Classify(CaseType.Inquiry, buf, null, null, [ComplaintCategory.Hearing], At(2025, 2, 2), Actor.System);
            db.Cases.Add(inquiry);
            var o1 = OwnCase(buf, At(2025, 1, 15), ComplaintCategory.Hearing);
            o1.StartReview(At(2025, 1, 16), Actor.System);
            o1.Conclude(Outcome.NoCriticism, [], "Ingen kritik.", null, "Kort resumé.", At(2025, 1, 25), Actor.System);
            db.Cases.AddRange(o1, OwnCase(buf, new DateTimeOffset(2025, 3, 31, 22, 30, 0, TimeSpan.Zero), ComplaintCategory.ServiceLevel),
                OwnCase(buf, At(2024, 2, 1), ComplaintCategory.Reasons));
            db.Recommendations.Add(new Recommendation(RecommendationSource.ComplaintCase, a1.Number, buf, null, "Partshør borgeren, før der træffes afgørelse.",
                new DateOnly(2027, 1, 15), TestClock.Start, "Borgerrådgiveren"));
            return await db.SaveChangesAsync();
        });
        await app.WithDbAsync(async db =>
        {
            var l1 = OwnCase(buf, At(2025, 2, 12), ComplaintCategory.Hearing);
            l1.LinkToAdvisorCase(await db.Cases.SingleAsync(c => c.Id == a1.Id), At(2025, 2, 12), Actor.System);
            var l2 = OwnCase(buf, At(2025, 1, 3), ComplaintCategory.Guidance);
            l2.LinkToAdvisorCase(await db.Cases.SingleAsync(c => c.Id == a5.Id), At(2025, 1, 3), Actor.System);
            db.Cases.AddRange(l1, l2);
            return await db.SaveChangesAsync();
        });

        var contact = await LoggedInAsync("buf");
        var page = Flat(await contact.GetStringAsync("/Statistics/Kvartal?administration=BUF&period=2025-Q1"));
        Assert.Contains("Kvartalsrapport til Børne- og Ungdomsudvalget", page);
        Assert.Contains("<th scope=\"row\">Alle klager</th><td>1</td><td>1</td><td>2</td><td>–</td><td>2</td><td>–</td>", page);
        Assert.Contains("<th scope=\"row\">Formalitetsklager</th><td>1</td><td>1</td><td>2</td><td>–</td><td>2</td><td>–</td>", page);
        Assert.Contains("<th scope=\"row\">Partshøring</th><td>Forvaltningsloven § 19</td><td>1</td><td>1</td><td>2</td><td>–</td><td>0</td>", page);
        Assert.Contains("<th scope=\"row\">Begrundelse</th><td>Forvaltningsloven §§ 22-24</td><td>0</td><td>0</td><td>0</td><td>–</td><td>1</td>", page);
        Assert.DoesNotContain("Serviceniveau", page); // O2 counts in the 2nd quarter
        Assert.Contains("Klager pr. 1.000 sager kan ikke opgøres", page);
        var trend = Regex.Matches(page, "<tr><th scope=\"row\">(\\d\\. kvt\\. \\d{4})</th><td>(\\d+)</td><td>(\\d+)</td><td>(\\d+)</td>").Select(m => (m.Groups[1].Value, m.Groups[4].Value)).ToList();
        Assert.Equal(["2. kvt. 2023", "3. kvt. 2023", "4. kvt. 2023", "1. kvt. 2024", "2. kvt. 2024", "3. kvt. 2024", "4. kvt. 2024", "1. kvt. 2025"],
            trend.Select(t => t.Item1).ToList());
        Assert.Equal(["1", "0", "0", "2", "0", "0", "1", "2"], trend.Select(t => t.Item2).ToList());
        Assert.Contains("<tr><th scope=\"row\">4. kvt. 2024</th><td>0</td><td>1</td><td>1</td>", page);
        Assert.DoesNotContain("<th scope=\"row\">Vejledning</th>", page);
        Assert.Contains("<th scope=\"row\">Forvaltningen selv</th><td>1</td><td>10</td><td>10</td>", page);
        Assert.Contains("<th scope=\"row\">(enhed ikke angivet)</th><td>1</td><td>1</td><td>2</td>", page); // per unit (the test's cases have none)
        Assert.Contains("<svg", page);
        Assert.Contains("Linjediagram over antal klager pr. kvartal", page); // the chart's text alternative
        Assert.Contains("Partshør borgeren", page);
        Assert.DoesNotContain(a1.Number, page); // not shared with BUF: the recommendation does not reveal the advisor's case number

        // The PDF's text and the DOCX's real tables carry the committee's name and the split.
        var pdf = Tilsyn.Web.Tests.Letters.LetterPdfTests.PdfToText(await contact.GetByteArrayAsync("/Statistics/Kvartal?handler=Pdf&administration=BUF&period=2025-Q1"));
        Assert.Contains("Børne- og Ungdomsudvalget", pdf);
        Assert.Matches(@"Alle klager\s+1\s+1\s+2", pdf);
        Assert.Contains("Forvaltningen selv", pdf);
        Assert.Contains("Borgerrådgiveren", pdf);
        var docx = await contact.GetByteArrayAsync($"/Statistics/Kvartal?handler=Docx&administration={buf}&period=2025-Q1");
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var body = word.MainDocumentPart!.Document.Body!;
            Assert.Contains("Børne- og Ungdomsudvalget", body.InnerText);
            var rows = body.Descendants<W.Table>().SelectMany(t => t.Descendants<W.TableRow>()).Select(r => r.Descendants<W.TableCell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Contains(rows, r => r.SequenceEqual(["Klager", "Forvaltningen selv", "Borgerrådgiveren", "I alt", "Pr. 1.000 sager", "I alt 1. kvt. 2024", "Pr. 1.000 sager 1. kvt. 2024"]));
            Assert.Contains(rows, r => r.SequenceEqual(["Partshøring", "Forvaltningsloven § 19", "1", "1", "2", "–", "0"]));
        }

        // The API: per quarter and category, split administration / advisor, per1000 null without an extract.
        using (var json = JsonDocument.Parse(await contact.GetStringAsync("/api/complaints/quarterly?administration=BUF&year=2025")))
        {
            var q1 = json.RootElement.GetProperty("quarters")[0];
            Assert.Equal("2025-Q1", q1.GetProperty("period").GetString());
            Assert.Equal(1, q1.GetProperty("all").GetProperty("administration").GetInt32());
            Assert.Equal(1, q1.GetProperty("all").GetProperty("advisor").GetInt32());
            Assert.Equal(JsonValueKind.Null, q1.GetProperty("all").GetProperty("per1000").ValueKind);
            var hearing = q1.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "Hearing");
            Assert.Equal((1, 1), (hearing.GetProperty("administration").GetInt32(), hearing.GetProperty("advisor").GetInt32()));
            Assert.Equal("Forvaltningsloven § 19", hearing.GetProperty("legalRule").GetString());
            var q2 = json.RootElement.GetProperty("quarters")[1];
            Assert.Equal(1, q2.GetProperty("all").GetProperty("administration").GetInt32());
            Assert.Equal(4, json.RootElement.GetProperty("quarters").GetArrayLength());
        }

        // Who may see it: SOF's contact gets 404 for BUF (page, files, API); Leadership sees counts without case references or links.
        var sofContact = await LoggedInAsync("sof");
        Assert.Equal(HttpStatusCode.NotFound, (await sofContact.GetAsync("/Statistics/Kvartal?administration=BUF&period=2025-Q1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sofContact.GetAsync($"/Statistics/Kvartal?administration={buf}&period=2025-Q1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sofContact.GetAsync("/Statistics/Kvartal?handler=Pdf&administration=BUF&period=2025-Q1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sofContact.GetAsync("/api/complaints/quarterly?administration=BUF&year=2025")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sofContact.GetAsync($"/api/complaints/quarterly?administration={buf}&year=2025")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sofContact.GetAsync("/api/complaints/quarterly?administration=SOF&year=2025")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().GetAsync("/api/complaints/quarterly?administration=BUF&year=2025")).StatusCode);
        var leadership = await LoggedInAsync("ledelse");
        var leadershipPage = Flat(await leadership.GetStringAsync("/Statistics/Kvartal?administration=BUF&period=2025-Q1"));
        Assert.Contains("<th scope=\"row\">Alle klager</th><td>1</td><td>1</td><td>2</td>", leadershipPage);
        Assert.DoesNotContain(a1.Number, leadershipPage);
        Assert.DoesNotContain("/Recommendations/Details", leadershipPage);
        Assert.DoesNotContain("/Cases/", leadershipPage);
        using (var json = JsonDocument.Parse(await leadership.GetStringAsync($"/api/complaints/quarterly?administration={buf}&year=2025")))
            Assert.Equal("BUF", json.RootElement.GetProperty("administration").GetString());
        var advisor = await LoggedInAsync("sagsbehandler");
        var advisorPage = await advisor.GetStringAsync("/Statistics/Kvartal?administration=BUF&period=2025-Q1");
        Assert.Contains(a1.Number, advisorPage); // the advisor's own case: its number in the recommendation's source
        Assert.Contains("/Recommendations/Details?id=", advisorPage);
        Assert.Contains("/api/complaints/quarterly", await leadership.GetStringAsync("/openapi/v1.json"));

        // Year to date through the 1st quarter is the same quarter here; an unreadable period is refused.
        Assert.Contains("<th scope=\"row\">Alle klager</th><td>1</td><td>1</td><td>2</td>", Flat(await contact.GetStringAsync("/Statistics/Kvartal?administration=BUF&period=ytd-2025-03-31")));
        Assert.Equal(HttpStatusCode.BadRequest, (await contact.GetAsync("/Statistics/Kvartal?administration=BUF&period=2025-Q9")).StatusCode);
    }

    [Fact]
    public async Task With_an_extract_the_report_gives_complaints_per_thousand_cases_and_none_for_a_quarter_it_does_not_cover()
    {
        // KFF, 2025: the extract covers 1st quarter 2025 with 500 cases opened at Hovedbiblioteket.
        // 2025-Q1: one advisor complaint + one of KFF's own = 2 complaints -> 2 / 500 * 1,000 = 4.00 per 1,000.
        // 2025-Q2: one own complaint, no extract -> count 1, per1000 null.
        var kff = await AdministrationAsync("KFF");
        await app.WithDbAsync(async db =>
        {
            db.Cases.AddRange(AdvisorCase(kff, At(2025, 2, 3), ComplaintCategory.Guidance), OwnCase(kff, At(2025, 3, 3), ComplaintCategory.Guidance),
                OwnCase(kff, At(2025, 5, 5), ComplaintCategory.Guidance));
            return await db.SaveChangesAsync();
        });
        var csv = new StringBuilder("case_id;administration;unit;kle;case_type;opened;decided\n");
        for (var i = 0; i < 500; i++)
        {
            var opened = new DateOnly(2025, 1, 1).AddDays(i % 80);
            csv.Append($"K{i};KFF;Hovedbiblioteket;;Lån;{opened:yyyy-MM-dd};{opened.AddDays(5):yyyy-MM-dd}\n");
        }
        await ImportAsync("KFF-system", csv.ToString(), new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31));

        var leadership = await LoggedInAsync("ledelse");
        using (var json = JsonDocument.Parse(await leadership.GetStringAsync("/api/complaints/quarterly?administration=KFF&year=2025")))
        {
            var quarters = json.RootElement.GetProperty("quarters");
            Assert.Equal(500, quarters[0].GetProperty("caseVolume").GetInt64());
            Assert.Equal(4.0, quarters[0].GetProperty("all").GetProperty("per1000").GetDouble(), 6);
            Assert.Equal((1, 1), (quarters[0].GetProperty("all").GetProperty("administration").GetInt32(), quarters[0].GetProperty("all").GetProperty("advisor").GetInt32()));
            Assert.Equal(4.0, quarters[0].GetProperty("categories")[0].GetProperty("per1000").GetDouble(), 6);
            Assert.Equal(1, quarters[1].GetProperty("all").GetProperty("total").GetInt32());
            Assert.Equal(JsonValueKind.Null, quarters[1].GetProperty("all").GetProperty("per1000").ValueKind);
        }
        var page = Flat(await leadership.GetStringAsync("/Statistics/Kvartal?administration=KFF&period=2025-Q1"));
        Assert.Contains("<th scope=\"row\">Alle klager</th><td>1</td><td>1</td><td>2</td><td>4,00</td>", page);
        Assert.Contains("Forvaltningen oprettede 500 sager i perioden", page);
        Assert.Contains("<th scope=\"row\">1. kvt. 2025</th><td>1</td><td>1</td><td>2</td><td>2</td><td>500</td><td>4,00</td>", page);
        var q2 = Flat(await leadership.GetStringAsync("/Statistics/Kvartal?administration=KFF&period=2025-Q2"));
        Assert.Contains("<th scope=\"row\">Alle klager</th><td>1</td><td>0</td><td>1</td><td>–</td>", q2);
        Assert.Contains("Klager pr. 1.000 sager kan ikke opgøres", q2);
    }

    [Fact]
    public async Task The_period_picker_filters_the_statistics_page_and_its_exports()
    {
        // SUF: advisor complaints 1 in 2025-Q1 (10.2.2025) and 2 in 2025-Q3 (in August); one of SUF's own register in 2025-Q1,
        // which the advisor's statistics do not count (they are about the advisor's cases).
        var suf = await AdministrationAsync("SUF");
        await app.WithDbAsync(async db =>
        {
            db.Cases.AddRange(AdvisorCase(suf, At(2025, 2, 10), ComplaintCategory.NoAnswer), AdvisorCase(suf, At(2025, 8, 4), ComplaintCategory.NoAnswer),
                AdvisorCase(suf, At(2025, 8, 5), ComplaintCategory.NoAnswer), OwnCase(suf, At(2025, 2, 11), ComplaintCategory.NoAnswer));
            return await db.SaveChangesAsync();
        });
        var advisor = await LoggedInAsync("sagsbehandler");
        async Task<string> SufComplaints(string query)
        {
            var html = Flat(await advisor.GetStringAsync("/Statistics?" + query));
            var row = Regex.Match(html, "<tr><td><a href=\"/Statistics\\?administration=SUF[^\"]*\">SUF</a>.*?</tr>").Value;
            Assert.NotEmpty(row);
            return Regex.Matches(row, "<td>([^<]*)</td>")[5].Groups[1].Value; // opened, decided, median, 90 %, on time, complaints
        }
        Assert.Equal("1", await SufComplaints("period=2025-Q1"));
        Assert.Equal("2", await SufComplaints("period=2025-Q3"));
        Assert.Equal("1", await SufComplaints("period=2025-H1"));
        Assert.Equal("3", await SufComplaints("period=2025"));
        Assert.Equal("0", await SufComplaints("period=2024"));
        // A custom range inside a quarter is widened to the whole quarter (the extracts are per quarter), and the page says so.
        Assert.Equal("1", await SufComplaints("from=2025-02-01&to=2025-02-20"));
        Assert.Contains("udvidet til hele kvartaler", await advisor.GetStringAsync("/Statistics?from=2025-02-01&to=2025-02-20"));
        var q3 = await advisor.GetStringAsync("/Statistics?period=2025-Q3");
        Assert.Contains("/api/statistics/kpi?format=csv&amp;period=2025-Q3", q3);
        Assert.Contains("<option value=\"2025-Q3\" selected=\"selected\">", q3);
        Assert.Equal(HttpStatusCode.BadRequest, (await advisor.GetAsync("/Statistics?period=2025-Q7")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await advisor.GetAsync("/Statistics?from=2025-03-01&to=2025-02-01")).StatusCode);

        // The API takes the same period.
        var rows = JsonDocument.Parse(await advisor.GetStringAsync("/api/statistics/kpi?period=2025-Q3")).RootElement.EnumerateArray();
        Assert.Equal(2, rows.Single(r => r.GetProperty("code").GetString() == "SUF").GetProperty("complaints").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, (await advisor.GetAsync("/api/statistics/kpi?period=nonsense")).StatusCode);
    }
}
