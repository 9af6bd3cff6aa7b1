using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

/// <summary>
/// Issue 12's load check against a running Tilsyn (bench/run.sh web starts it): 200 connections for
/// 30 s to the pages a caseworker uses most, as one logged-in caseworker; then 200 complaints sent
/// to /klage at once by anonymous citizens (each loads the form first for its antiforgery token);
/// then the database is asked how many of those complaints were stored and under how many distinct
/// case numbers. Last line:
/// conns=200 requests=N errors=E p95_ms=P complaints=200 stored=S distinct_numbers=D
/// </summary>
internal static partial class WebBench
{
    private const int Connections = 200, Complaints = 200;

    /// <param name="args">URL, database provider (sqlite|postgres), connection string, [seconds]</param>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("Brug: Tilsyn.Bench web URL sqlite|postgres FORBINDELSE [sekunder]");
            return 2;
        }
        var (url, provider, connection) = (args[0].TrimEnd('/'), args[1], args[2]);
        var seconds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 30;

        // One pool of 200 connections; cookies by hand, so the bench sees exactly what it sends (and a Secure cookie still goes over http to 127.0.0.1).
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Connections, UseCookies = false, AllowAutoRedirect = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan, ConnectTimeout = TimeSpan.FromSeconds(30),
        };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(100) };

        await WaitForAsync(http);
        var staff = await LoginAsync(http, "sagsbehandler");
        var list = await GetTextAsync(http, "/Cases", staff);
        var caseNumber = CaseLink().Match(list) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no case on the case list");
        string[] pages = ["/", "/Cases", $"/Cases/{caseNumber}", "/Statistics", "/Library?q=klage"];
        foreach (var page in pages)
        {
            using var response = await SendAsync(http, HttpMethod.Get, page, staff);
            if ((int)response.StatusCode >= 400) throw new InvalidOperationException($"{page} answered {(int)response.StatusCode} before the load");
        }

        // Warm-up (not counted): each page a few times, so the first JIT and query compilations are not in the figures.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            foreach (var page in pages) using (await SendAsync(http, HttpMethod.Get, page, staff)) { }
        }));

        // --- 1. 200 connections for 30 s, each going round the five pages.
        var latencies = new ConcurrentBag<double>();
        var byPage = pages.ToDictionary(p => p, _ => new ConcurrentBag<double>());
        var errorsByPage = new ConcurrentDictionary<string, int>();
        long requests = 0, errors = 0;
        var until = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(c => Task.Run(async () =>
        {
            for (var i = c; until.Elapsed.TotalSeconds < seconds; i++)
            {
                var page = pages[i % pages.Length];
                var sw = Stopwatch.StartNew();
                var ok = false;
                string why;
                try
                {
                    using var response = await SendAsync(http, HttpMethod.Get, page, staff);
                    await response.Content.ReadAsByteArrayAsync();
                    ok = (int)response.StatusCode < 400;
                    why = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    why = ex.GetType().Name;
                }
                latencies.Add(sw.Elapsed.TotalMilliseconds);
                byPage[page].Add(sw.Elapsed.TotalMilliseconds);
                Interlocked.Increment(ref requests);
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                    errorsByPage.AddOrUpdate($"GET {page.Split('?')[0]} {why}", 1, (_, n) => n + 1);
                }
            }
        })));
        var loadSeconds = until.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        var p95 = sorted.Length == 0 ? 0 : sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1];
        Console.WriteLine($"load: {requests:N0} requests in {loadSeconds:0.0} s ({requests / loadSeconds:0} per s), {errors} errors; "
            + $"median {Percentile(sorted, 0.5):0} ms, p95 {p95:0} ms, p99 {Percentile(sorted, 0.99):0} ms, max {(sorted.Length == 0 ? 0 : sorted[^1]):0} ms");

        foreach (var (page, times) in byPage)
        {
            var t = times.Order().ToArray();
            Console.WriteLine($"  {page}: {t.Length:N0} requests, median {Percentile(t, 0.5):0} ms, p95 {Percentile(t, 0.95):0} ms");
        }

        // --- 2. 200 complaints at once: every citizen loads the form, then all send together.
        var marker = $"Belastningsprøve {Guid.NewGuid():N}";
        var forms = await Task.WhenAll(Enumerable.Range(0, Complaints).Select(async _ =>
        {
            using var response = await SendAsync(http, HttpMethod.Get, "/klage", null);
            var html = await response.Content.ReadAsStringAsync();
            var token = Token().Match(html);
            if (!token.Success) throw new InvalidOperationException($"/klage answered {(int)response.StatusCode} without a form");
            return (Cookies: CookiesOf(response, null), Token: WebUtility.HtmlDecode(token.Groups[1].Value));
        }));
        var complaintLatencies = new ConcurrentBag<double>();
        var burst = Stopwatch.StartNew();
        await Task.WhenAll(forms.Select((form, i) => Task.Run(async () =>
        {
            using var content = new MultipartFormDataContent
            {
                { new StringContent(form.Token), "__RequestVerificationToken" },
                { new StringContent($"Borger {i + 1}"), "Form.Name" },
                // An address, not an e-mail: the answer goes by letter, so the burst sends no mail (and meets no per-address receipt limit).
                { new StringContent($"Prøvevej {i + 1}, 2200 København N"), "Form.Address" },
                { new StringContent("Complaint"), "Form.Type" },
                { new StringContent(""), "Form.AdministrationId" },
                { new StringContent(marker), "Form.Subject" },
                { new StringContent($"Klage nummer {i + 1} i belastningsprøven. Jeg har ventet for længe på svar."), "Form.Description" },
            };
            var sw = Stopwatch.StartNew();
            var ok = false;
            string why;
            try
            {
                using var response = await SendAsync(http, HttpMethod.Post, "/klage", form.Cookies, content);
                await response.Content.ReadAsByteArrayAsync();
                // Stored: a redirect to the receipt. Anything else (the form again, 429, 500) is an error.
                ok = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("Kvittering", StringComparison.OrdinalIgnoreCase) == true;
                why = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                why = ex.GetType().Name;
            }
            complaintLatencies.Add(sw.Elapsed.TotalMilliseconds);
            Interlocked.Increment(ref requests);
            if (!ok)
            {
                Interlocked.Increment(ref errors);
                errorsByPage.AddOrUpdate($"POST /klage {why}", 1, (_, n) => n + 1);
            }
        })));
        var complaintSorted = complaintLatencies.Order().ToArray();
        Console.WriteLine($"complaints: {Complaints} sent at once, all answered in {burst.Elapsed.TotalSeconds:0.0} s; "
            + $"median {Percentile(complaintSorted, 0.5):0} ms, p95 {Percentile(complaintSorted, 0.95):0} ms");
        foreach (var (what, n) in errorsByPage.OrderByDescending(kv => kv.Value)) Console.WriteLine($"  errors: {n} × {what}");

        var (stored, distinct) = await CountAsync(provider, connection, marker);
        Console.WriteLine($"conns={Connections} requests={requests} errors={errors} p95_ms={p95:0} complaints={Complaints} stored={stored} distinct_numbers={distinct}");
        return errors == 0 && stored == Complaints && distinct == Complaints ? 0 : 1;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[(int)Math.Ceiling(p * sorted.Length) - 1];

    private static async Task WaitForAsync(HttpClient http)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            if (waited.Elapsed > TimeSpan.FromMinutes(20)) throw new TimeoutException("Tilsyn did not answer /health within 20 minutes (seeding the demo data takes a minute or two on an idle machine)");
            await Task.Delay(500);
        }
    }

    /// <summary>Logs in through the login form (antiforgery token included); returns the cookies to send.</summary>
    private static async Task<string> LoginAsync(HttpClient http, string user)
    {
        using var form = await SendAsync(http, HttpMethod.Get, "/Account/Login", null);
        var cookies = CookiesOf(form, null);
        var token = WebUtility.HtmlDecode(Token().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = Tilsyn.Web.Demo.DemoMunicipality.DemoPassword, ["__RequestVerificationToken"] = token,
        });
        using var response = await SendAsync(http, HttpMethod.Post, "/Account/Login", cookies, content);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"login as {user} answered {(int)response.StatusCode}");
        return CookiesOf(response, cookies);
    }

    private static async Task<string> GetTextAsync(HttpClient http, string path, string cookies)
    {
        using var response = await SendAsync(http, HttpMethod.Get, path, cookies);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? cookies, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (cookies is not null) request.Headers.Add("Cookie", cookies);
        return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
    }

    /// <summary>The cookies to send next: those sent before, updated by the response's Set-Cookie headers.</summary>
    private static string CookiesOf(HttpResponseMessage response, string? before)
    {
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (before ?? "").Split("; ", StringSplitOptions.RemoveEmptyEntries))
            jar[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair;
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var header in set)
            {
                var pair = header.Split(';')[0];
                jar[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair;
            }
        return string.Join("; ", jar.Values);
    }

    /// <summary>How many cases the burst stored, and under how many distinct numbers (asked of the database itself).</summary>
    private static async Task<(long Stored, long Distinct)> CountAsync(string provider, string connection, string marker)
    {
        await using DbConnection db = provider.Equals("postgres", StringComparison.OrdinalIgnoreCase) ? new NpgsqlConnection(connection) : new SqliteConnection(connection);
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = """SELECT COUNT(*), COUNT(DISTINCT "Number") FROM cases WHERE "Subject" = @marker""";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "marker";
        parameter.Value = marker;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    [GeneratedRegex("href=\"/Cases/([0-9][0-9A-Za-z-]*)\"")]
    private static partial Regex CaseLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
