using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tilsyn.Complaints;
using Tilsyn.Web.PublicFigures;
using DemoApp = Tilsyn.Web.Tests.Security.DemoApp;

namespace Tilsyn.Web.Tests.PublicFigures;

/// <summary>The demo municipality with the small-number threshold set to 3.</summary>
public sealed class ThresholdThreeDemoApp : TilsynApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Cases"] = "true", ["PublicSite:SmallNumberThreshold"] = "3" };
}

/// <summary>No cases; the open data limit set low.</summary>
public sealed class LowDataLimitApp : TilsynApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["PublicSite:DataRequestsPerMinute"] = "3" };
}

/// <summary>
/// Issue 16, points 1–3 on the demo data: the public figures page and the open data answer without login, the
/// CSV is Excel's Danish CSV (BOM, ';', CRLF, æøå) with no count from 1 to 4, no hidden cell can be worked out
/// from the published totals, the figures equal the database, the catalog's links answer, and the threshold setting counts.
/// </summary>
public sealed class OpenDataTests(DemoApp app, ThresholdThreeDemoApp three) : IClassFixture<DemoApp>, IClassFixture<ThresholdThreeDemoApp>
{
    private static readonly string[] Slugs = ["klager", "udfald", "sagsbehandlingstid", "klager-pr-1000"];

    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        foreach (var line in text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var cells = new List<string>();
            var sb = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var ch = line[i];
                if (quoted)
                {
                    if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                    else if (ch == '"') quoted = false;
                    else sb.Append(ch);
                }
                else if (ch == '"') quoted = true;
                else if (ch == ';') { cells.Add(sb.ToString()); sb.Clear(); }
                else sb.Append(ch);
            }
            cells.Add(sb.ToString());
            rows.Add([.. cells]);
        }
        return rows;
    }

    private static async Task<(byte[] Bytes, List<string[]> Rows, HttpResponseMessage Response)> CsvAsync(HttpClient client, string slug)
    {
        var response = await client.GetAsync($"/offentlig/data/{slug}.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, $"{slug}.csv does not start with the UTF-8 BOM");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal); // CRLF only
        return (bytes, ParseCsv(text), response);
    }

    private static bool IsHidden(string cell) => cell.StartsWith('<') || cell == "..";

    [Fact]
    public async Task Every_public_page_and_dataset_answers_without_login_and_for_every_role()
    {
        var anonymous = app.NewClient();
        var staff = app.NewClient();
        await staff.LoginOkAsync("sagsbehandler");
        var buf = app.NewClient();
        await buf.LoginOkAsync("buf-klage");
        string[] paths = ["/offentlig/tal", "/offentlig/tal/2025", "/offentlig/data/", "/offentlig/data", "/offentlig/data/ordbog",
            .. Slugs.SelectMany(s => new[] { $"/offentlig/data/{s}.csv", $"/offentlig/data/{s}.json" })];
        foreach (var client in new[] { anonymous, staff, buf })
            foreach (var path in paths)
                Assert.True((await client.GetAsync(path)).StatusCode == HttpStatusCode.OK, $"{path} did not answer 200");
        var page = await anonymous.GetStringAsync("/offentlig/tal");
        Assert.Contains("Borgerrådgiverens tal for 2025", page, StringComparison.Ordinal); // the newest published year
        Assert.Contains("Børne- og Ungdomsforvaltningen", page, StringComparison.Ordinal);
        Assert.Contains("tabindex=\"0\" role=\"region\"", page, StringComparison.Ordinal);
        Assert.Contains("<caption", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/offentlig/tal/2024\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\"", page, StringComparison.Ordinal);
        Assert.Contains(">&lt;5</td>", page, StringComparison.Ordinal); // the demo has small cells …
        Assert.Matches(@"<td>([5-9]|\d{2,})</td>", page);             // … and published ones
        var dictionary = await anonymous.GetStringAsync("/offentlig/data/ordbog");
        Assert.Contains("CC BY 4.0", dictionary, StringComparison.Ordinal);
        foreach (var s in Slugs) Assert.Contains($"href=\"/offentlig/data/{s}.csv\"", dictionary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_without_a_published_annual_report_is_not_offered()
    {
        var client = app.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/offentlig/tal/2026")).StatusCode); // this year: no report yet
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/offentlig/tal/2019")).StatusCode);
        var (_, rows, _) = await CsvAsync(client, "klager");
        Assert.DoesNotContain(rows.Skip(1), r => r[0] == "2026");
        Assert.Contains(rows.Skip(1), r => r[0] == "2025");
    }

    [Fact]
    public async Task The_csv_files_are_danish_excel_csv_with_no_count_from_one_to_four()
    {
        var client = app.NewClient();
        var hiddenSeen = 0;
        var publishedSeen = 0;
        foreach (var slug in Slugs)
        {
            var (_, rows, response) = await CsvAsync(client, slug);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal($"{slug}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            Assert.Contains("public", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
            Assert.NotNull(response.Headers.ETag);
            var set = OpenData.DataSets(5).Single(s => s.Slug == slug);
            Assert.Equal(set.Columns.Select(c => c.Header), rows[0]);
            Assert.True(rows.Count > 1);
            Assert.Contains(rows, r => r[2] == "Børne- og Ungdomsforvaltningen");
            for (var k = 1; k < rows.Count; k++)
            {
                Assert.Equal(set.Columns.Count, rows[k].Length);
                for (var c = 0; c < set.Columns.Count; c++)
                {
                    if (set.Columns[c].Kind != ColumnKind.Count) continue;
                    var cell = rows[k][c];
                    if (IsHidden(cell)) { Assert.True(cell is "<5" or "..", cell); hiddenSeen++; continue; }
                    var n = long.Parse(cell, NumberStyles.None, CultureInfo.InvariantCulture);
                    Assert.False(n is >= 1 and <= 4, $"{slug}.csv row {k} column {set.Columns[c].Header}: {n}");
                    if (n >= 5) publishedSeen++;
                }
            }
            if (slug == "klager-pr-1000") // a rate is shown only next to a published count, with a decimal comma
                foreach (var r in rows.Skip(1))
                    if (IsHidden(r[4])) Assert.False(double.TryParse(r[5], NumberStyles.Float, CultureInfo.GetCultureInfo("da-DK"), out _), $"a rate next to a hidden count: {r[5]}");
        }
        Assert.True(hiddenSeen > 0, "the demo should show hidden cells");
        Assert.True(publishedSeen > 0, "the demo should show published cells");
        var perThousand = (await CsvAsync(client, "klager-pr-1000")).Rows.Skip(1).ToList();
        Assert.Contains(perThousand, r => r[5].Contains(',', StringComparison.Ordinal)); // a rate, with a decimal comma
    }

    [Fact]
    public async Task The_json_files_hold_the_same_rows_with_hidden_counts_as_null_and_the_reason()
    {
        var client = app.NewClient();
        foreach (var slug in Slugs)
        {
            var response = await client.GetAsync($"/offentlig/data/{slug}.json");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var set = OpenData.DataSets(5).Single(s => s.Slug == slug);
            var rows = json.RootElement.GetProperty("raekker").EnumerateArray().ToList();
            var csvRows = (await CsvAsync(client, slug)).Rows;
            Assert.Equal(csvRows.Count - 1, rows.Count);
            Assert.Contains(rows, r => r.GetProperty("forvaltning").GetString() == "Børne- og Ungdomsforvaltningen");
            foreach (var row in rows)
                foreach (var c in set.Columns.Where(c => c.Kind == ColumnKind.Count))
                {
                    var v = row.GetProperty(c.Id);
                    if (v.ValueKind == JsonValueKind.Null)
                    {
                        Assert.True(row.GetProperty("skjult").GetProperty(c.Id).GetString() is "<5" or "..");
                        continue;
                    }
                    Assert.False(v.GetInt64() is >= 1 and <= 4, $"{slug}.json {c.Id}: {v.GetInt64()}");
                }
        }
    }

    /// <summary>
    /// Each line of a table on the served CSV (a row's cells and its total; a column's cells over the administrations and
    /// the "I ALT" row) has no hidden cell or at least two: one hidden cell would be its total minus the published others.
    /// </summary>
    [Fact]
    public async Task No_hidden_cell_in_the_served_csv_can_be_worked_out_from_the_published_totals()
    {
        var client = app.NewClient();
        var rows = (await CsvAsync(client, "klager")).Rows;
        var headers = rows[0].ToList();
        var received = new[] { "Henvendelser", "Klager", "Egen drift", "Sager i alt" }.Select(h => headers.IndexOf(h)).ToArray();
        var categories = Enumerable.Range(headers.FindIndex(h => h.StartsWith("Kategori: ", StringComparison.Ordinal)), ComplaintCategories.All.Count + 1).ToArray();
        var outcomesRows = (await CsvAsync(client, "udfald")).Rows;
        var serviceRows = (await CsvAsync(client, "sagsbehandlingstid")).Rows;
        var secondaryLines = 0;
        foreach (var (table, columns) in new[] { (rows, received), (rows, categories), (outcomesRows, Enumerable.Range(3, outcomesRows[0].Length - 3).ToArray()), (serviceRows, new[] { 3, 4, 5 }) })
            foreach (var year in table.Skip(1).GroupBy(r => r[0]))
            {
                foreach (var r in year)
                {
                    var hidden = columns.Count(c => IsHidden(r[c]));
                    Assert.True(hidden != 1, $"year {year.Key}, {r[1]}: one hidden cell in the row, which the total would give away");
                    if (hidden >= 2 && columns.Any(c => r[c] == "..")) secondaryLines++;
                }
                foreach (var c in columns)
                    Assert.True(year.Count(r => IsHidden(r[c])) != 1, $"year {year.Key}, column {table[0][c]}: one hidden cell in the column");
            }
        Assert.True(secondaryLines > 0, "the demo should need secondary suppression somewhere");
    }

    [Fact]
    public async Task A_published_figure_equals_a_count_in_the_database()
    {
        var client = app.NewClient();
        var rows = (await CsvAsync(client, "klager")).Rows;
        var buf = rows.Single(r => r[0] == "2025" && r[1] == "BUF");
        var complaints = buf[Array.IndexOf(rows[0], "Klager")];
        Assert.False(IsHidden(complaints), "BUF's complaints in 2025 should be published in the demo");
        var (from, to) = Tilsyn.Calendar.DanishTime.YearBounds(2025);
        var bufId = await app.WithDbAsync(db => db.Administrations.Where(a => a.Code == "BUF").Select(a => a.Id).SingleAsync());
        var expected = await app.WithDbAsync(db => db.Cases.Where(CaseRegisters.AdvisorsOwn)
            .Where(c => c.Type == CaseType.Complaint && c.AdministrationId == bufId && c.ReceivedAt >= from && c.ReceivedAt < to).CountAsync());
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), complaints);
        // The city's total of complaints is the sum of the administrations' (every row is published or hidden consistently).
        var total = rows.Single(r => r[0] == "2025" && r[1] == "I ALT")[Array.IndexOf(rows[0], "Klager")];
        var all = await app.WithDbAsync(db => db.Cases.Where(CaseRegisters.AdvisorsOwn).Where(c => c.Type == CaseType.Complaint && c.ReceivedAt >= from && c.ReceivedAt < to).CountAsync());
        Assert.Equal(all.ToString(CultureInfo.InvariantCulture), total);
    }

    [Fact]
    public async Task The_catalog_lists_every_dataset_with_absolute_download_urls_that_answer()
    {
        var client = app.NewClient();
        var response = await client.GetAsync("/offentlig/data/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("dcat:Catalog", root.GetProperty("@type").GetString());
        Assert.Contains("creativecommons.org/licenses/by/4.0", root.GetProperty("dct:license").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(root.GetProperty("dct:publisher").GetProperty("foaf:name").GetString()));
        var datasets = root.GetProperty("dcat:dataset").EnumerateArray().ToList();
        Assert.Equal(Slugs.Order(), datasets.Select(d => d.GetProperty("dct:identifier").GetString()!).Order());
        foreach (var d in datasets)
        {
            Assert.Equal("2023-01-01", d.GetProperty("dct:temporal").GetProperty("dcat:startDate").GetString());
            Assert.Equal("2025-12-31", d.GetProperty("dct:temporal").GetProperty("dcat:endDate").GetString());
            Assert.NotEmpty(d.GetProperty("dcat:keyword").EnumerateArray());
            var described = new Uri(d.GetProperty("dct:conformsTo").GetString()!);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(described.PathAndQuery)).StatusCode);
            var types = new List<string>();
            foreach (var dist in d.GetProperty("dcat:distribution").EnumerateArray())
            {
                var url = dist.GetProperty("dcat:downloadURL").GetString()!;
                Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var uri), url);
                var answer = await client.GetAsync(uri!.PathAndQuery);
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                Assert.Equal(dist.GetProperty("dcat:mediaType").GetString(), answer.Content.Headers.ContentType?.MediaType);
                types.Add(dist.GetProperty("dcat:mediaType").GetString()!);
            }
            Assert.Equal(["application/json", "text/csv"], types.Order());
        }
    }

    [Fact]
    public async Task An_unchanged_file_answers_304_to_its_etag()
    {
        var client = app.NewClient();
        var first = await client.GetAsync("/offentlig/data/udfald.csv");
        var etag = first.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/offentlig/data/udfald.csv");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        using var other = new HttpRequestMessage(HttpMethod.Get, "/offentlig/data/udfald.csv");
        other.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"anders\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(other)).StatusCode);
    }

    [Fact]
    public async Task The_threshold_setting_changes_what_is_hidden()
    {
        var five = (await CsvAsync(app.NewClient(), "klager")).Rows;
        var threeRows = (await CsvAsync(three.NewClient(), "klager")).Rows;
        var text = string.Join("\n", threeRows.Skip(1).Select(r => string.Join(";", r)));
        Assert.DoesNotContain("<5", text, StringComparison.Ordinal);
        Assert.Contains("<3", text, StringComparison.Ordinal);
        var set = OpenData.DataSets(3).Single(s => s.Slug == "klager");
        var counts = Enumerable.Range(0, set.Columns.Count).Where(c => set.Columns[c].Kind == ColumnKind.Count).ToList();
        Assert.All(threeRows.Skip(1), r => Assert.All(counts, c => Assert.False(r[c] is "1" or "2", $"{r[1]} {threeRows[0][c]}: {r[c]}")));
        // A 3 or 4 hidden at threshold 5 is published at threshold 3.
        Assert.Contains(threeRows.Skip(1), r => counts.Any(c => r[c] is "3" or "4"));
        Assert.NotEqual(five.Skip(1).Select(r => string.Join(";", r)), threeRows.Skip(1).Select(r => string.Join(";", r)));
        var page = await three.NewClient().GetStringAsync("/offentlig/tal/2025");
        Assert.Contains("&lt;3", page, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;5", page, StringComparison.Ordinal);
    }
}

/// <summary>The open data's rate limit: a client over the limit gets 429 with Retry-After.</summary>
public sealed class OpenDataRateLimitTests(LowDataLimitApp app) : IClassFixture<LowDataLimitApp>
{
    [Fact]
    public async Task A_client_over_the_open_data_limit_is_refused_with_429()
    {
        var client = app.NewClient();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/offentlig/data/klager.json")).StatusCode);
        var refused = await client.GetAsync("/offentlig/data/klager.csv");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        // Without a published report the page says so (still 200), and the files have only their header.
        using var scope = app.Services.CreateScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<PublicFiguresService>().YearsAsync(default));
    }
}
