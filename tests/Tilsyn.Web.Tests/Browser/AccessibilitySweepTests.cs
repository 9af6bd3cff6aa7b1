using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Tilsyn.Web.Tests.Browser;

/// <summary>
/// Accessibility proven on every page (issue 16, acceptance): every GET route the application maps has a line in
/// <see cref="Pages"/> (the page to open, or why it is no page), and every role of the demo opens every page it may
/// see in Chromium, at 1280 px and at a phone's 375 px. Each page must pass axe (WCAG 2.1 A and AA), give every table
/// a caption, put a table wider than its container in a focusable, named scroll region, give every chart a text
/// alternative and its table, and never scroll sideways as a whole. All problems are collected and reported at once.
/// </summary>
public sealed class AccessibilitySweepTests(DemoBrowserFixture browser, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<DemoBrowserFixture>
{
    private const string FileDownload = "a file download (PDF, DOCX or a spreadsheet), not a page";
    private const string Json = "a JSON or text endpoint, not a page";

    /// <summary>
    /// Every GET route (as "GET /pattern", a page handler as "GET /pattern?handler=Name"): <c>Page(route, path)</c> opens
    /// the path (placeholders in braces come from <see cref="DemoBrowserFixture.ValuesAsync"/>; a route may have more than
    /// one line, e.g. a case of BUF's own register), <c>Skip(route, reason)</c> says why it is not opened. Adding a page
    /// is one line here. <c>Checked(route, path)</c> is checked whatever its status (the error and access-denied pages).
    /// </summary>
    private static readonly Entry[] Pages =
    [
        Page("GET /", "/"),
        Page("GET /Account/Login", "/Account/Login"),
        Checked("GET /Account/AccessDenied", "/Account/AccessDenied"),
        Page("GET /Account/LoginMfa", "/Account/LoginMfa"), // only inside a login: MfaJourneyTests checks it with axe
        Page("GET /Account/MfaEnrol", "/Account/MfaEnrol"), // only inside a login: MfaJourneyTests checks it with axe
        Page("GET /Account/Mfa", "/Account/Mfa"),
        Page("GET /Account/SsoAfvist", "/Account/SsoAfvist"),
        Page("GET /borger/login", "/borger/login"),
        Page("GET /borger/sager", "/borger/sager"),
        Page("GET /borger/sager/{number}", "/borger/sager/{mycase}"),
        Skip("GET /borger/sager/{number}/dokument/{sequence:int}", FileDownload),
        Page("GET /Adgangslog", "/Adgangslog"),
        Page("GET /Arkiv", "/Arkiv"),
        Page("GET /AnnualReports", "/AnnualReports"),
        Page("GET /AnnualReports/Account", "/AnnualReports/Account?year={year}&administration={buf}"),
        Skip("GET /AnnualReports/Account?handler=Docx", FileDownload),
        Page("GET /AnnualReports/Accounts", "/AnnualReports/Accounts?year={year}"),
        Page("GET /AnnualReports/Edit", "/AnnualReports/Edit?year={year}"),
        Page("GET /AnnualReports/Example", "/AnnualReports/Example?id={example}"),
        Page("GET /AnnualReports/Examples", "/AnnualReports/Examples"),
        Page("GET /AnnualReports/View", "/AnnualReports/View?year={year}"),
        Skip("GET /AnnualReports/View?handler=Docx", FileDownload),
        Skip("GET /AnnualReports/View?handler=Pdf", FileDownload),
        Page("GET /Behandlingsfortegnelse", "/Behandlingsfortegnelse"),
        Skip("GET /Behandlingsfortegnelse?handler=Docx", FileDownload),
        Page("GET /CaseAudits", "/CaseAudits"),
        Page("GET /CaseAudits/Case", "/CaseAudits/Case?id={sampled}"),
        Page("GET /CaseAudits/Details", "/CaseAudits/Details?id={audit}"),
        Skip("GET /CaseAudits/Details?handler=Sheet", FileDownload),
        Page("GET /CaseAudits/Results", "/CaseAudits/Results?id={audit}"),
        Page("GET /Cases", "/Cases"),
        Page("GET /Cases/New", "/Cases/New"),
        Page("GET /Cases/{number}", "/Cases/{case}"),
        Page("GET /Cases/{number}", "/Cases/{own}"),
        Page("GET /Cases/{number}/aktindsigt", "/Cases/{aktcase}/aktindsigt"),
        Skip("GET /Cases/{number}/aktindsigt?handler=Pdf", FileDownload),
        Skip("GET /Cases/{number}/dokument/{sequence:int}", FileDownload),
        Skip("GET /Cases/{number}/statuslink", "answers a GET with the case page (the form is a part of it)"),
        Skip("GET /Cases/{number}/slettestop", "answers a GET with the case page (the form is a part of it)"),
        Skip("GET /Cases/{number}/afhjaelpning", "answers a GET with the case page (the remedies are a part of it)"),
        Page("GET /Retention", "/Retention"),
        Page("GET /Retention/Rule", "/Retention/Rule?id=1"),
        Page("GET /Post/Udskrift", "/Post/Udskrift"),
        Checked("GET /Error", "/Error"),
        Page("GET /Evaluations", "/Evaluations"),
        Page("GET /Evaluations/Administration", "/Evaluations/Administration?administration={buf}"),
        Skip("GET /Evaluations/Administration?handler=Docx", FileDownload),
        Skip("GET /Evaluations/Administration?handler=Pdf", FileDownload),
        Page("GET /Evaluations/Answer", "/Evaluations/Answer?year=2017&administration={buf}"),
        Skip("GET /Evaluations/Answer?handler=Attachment", FileDownload),
        Page("GET /Evaluations/Committee", "/Evaluations/Committee"),
        Page("GET /Evaluations/Report", "/Evaluations/Report?year=2017"),
        Skip("GET /Evaluations/Report?handler=Docx", FileDownload),
        Skip("GET /Evaluations/Report?handler=Pdf", FileDownload),
        Page("GET /Extracts", "/Extracts"),
        Page("GET /Extracts/Deadlines", "/Extracts/Deadlines"),
        Skip("GET /Extracts/Job/{id:guid}", "an import's progress page, kept in memory for the user who started it: ExtractJourneyTests opens it"),
        Page("GET /Forvaltning/Klager", "/Forvaltning/Klager"),
        Page("GET /Forvaltning/Klager/Ny", "/Forvaltning/Klager/Ny"),
        Page("GET /Forvaltning/Oversigt", "/Forvaltning/Oversigt"),
        Page("GET /Integration/Klienter", "/Integration/Klienter"),
        Page("GET /Letters", "/Letters"),
        Page("GET /Library", "/Library"),
        Page("GET /Mail/Fejlede", "/Mail/Fejlede"),
        Page("GET /Notifikationer", "/Notifikationer"),
        Page("GET /Notifikationer/Indstillinger", "/Notifikationer/Indstillinger"),
        Page("GET /Organisation", "/Organisation"),
        Page("GET /Organisation/Administration/{code}", "/Organisation/Administration/BUF"),
        Page("GET /Organisation/Kle", "/Organisation/Kle"),
        Page("GET /Recommendations", "/Recommendations"),
        Page("GET /Recommendations/Details", "/Recommendations/Details?id={rec}"),
        Page("GET /RegistreretPerson", "/RegistreretPerson"),
        Page("GET /RegistreretPerson/Anmodning/{number}", "/RegistreretPerson/Anmodning/{request}"),
        Page("GET /Statistics", "/Statistics"),
        Page("GET /Statistics", "/Statistics?administration=BUF"),
        Page("GET /Statistics/Kvartal", "/Statistics/Kvartal?administration=BUF&period=2025-Q1"),
        Skip("GET /Statistics/Kvartal?handler=Docx", FileDownload),
        Skip("GET /Statistics/Kvartal?handler=Pdf", FileDownload),
        Page("GET /Statistics/Targets", "/Statistics/Targets"),
        Page("GET /Targets", "/Targets"),
        Page("GET /Targets/Administration", "/Targets/Administration?id={buf}"),
        Page("GET /Targets/Edit", "/Targets/Edit?administration={buf}"),
        Page("GET /Targets/Year", "/Targets/Year?administration={buf}"),
        Page("GET /Users", "/Users"),
        Page("GET /Users/Edit", "/Users/Edit?id={user}"),
        Page("GET /klage", "/klage"),
        // Issue 16: the public site, its figures and open data, the citizens' feedback survey and its review.
        Page("GET /offentlig", "/offentlig"),
        Page("GET /offentlig/beretning/{year:int}", "/offentlig/beretning/{year}"),
        Skip("GET /offentlig/beretning/{year:int}.{format}", FileDownload),
        Page("GET /offentlig/fokus/{year:int}", "/offentlig/fokus/2015"),
        Skip("GET /offentlig/fokus/{year:int}.{format}", FileDownload),
        Page("GET /offentlig/tal/{year:int?}", "/offentlig/tal"),
        Page("GET /offentlig/tal/{year:int?}", "/offentlig/tal/{year}"),
        Page("GET /offentlig/data/ordbog", "/offentlig/data/ordbog"),
        Skip("GET /offentlig/data/", Json),
        Skip("GET /offentlig/data/klager.csv", FileDownload),
        Skip("GET /offentlig/data/klager.json", Json),
        Skip("GET /offentlig/data/udfald.csv", FileDownload),
        Skip("GET /offentlig/data/udfald.json", Json),
        Skip("GET /offentlig/data/sagsbehandlingstid.csv", FileDownload),
        Skip("GET /offentlig/data/sagsbehandlingstid.json", Json),
        Skip("GET /offentlig/data/klager-pr-1000.csv", FileDownload),
        Skip("GET /offentlig/data/klager-pr-1000.json", Json),
        Page("GET /offentlig/tilgaengelighed", "/offentlig/tilgaengelighed"),
        Checked("GET /offentlig/tilfredshed/{token}", "/offentlig/tilfredshed/{survey}"),
        Page("GET /offentlig/tilfredshed/tak", "/offentlig/tilfredshed/tak"),
        Page("GET /Tilfredshed", "/Tilfredshed"),
        Skip("GET /klage/kvittering", "shown only after sending /klage: the complaint form's states below and KeyboardComplaintTests check it"),
        Page("GET /status/{token}", "/status/{token}"),
        Skip("GET /status/{token}/dokument/{sequence:int}", FileDownload),
        Skip("GET /api/complaints/quarterly", Json),
        Skip("GET /api/integration/v1/cases/{number}", Json),
        Skip("GET /api/integration/v1/extracts/jobs/{id:guid}", Json),
        Skip("GET /api/organisation/administrations", Json),
        Skip("GET /api/organisation/administrations/{code}", Json),
        Skip("GET /api/organisation/kle", Json),
        Skip("GET /api/statistics/cube", Json),
        Skip("GET /api/statistics/kpi", Json),
        Skip("GET /api/statistics/tables/{table}", Json),
        Skip("GET /health", Json),
        Skip("GET /openapi/{documentName}.json", Json),
        // Last: a role's own logout pages (a GET only asks; nothing is ended).
        Page("GET /Account/Logout", "/Account/Logout"),
        Page("GET /borger/logout", "/borger/logout"),
    ];

    /// <summary>The roles of the demo, each with routes it must reach (the sweep fails if it cannot: a broken login is no pass).</summary>
    private static readonly Role[] Roles =
    [
        new("anonymous", null, ["GET /klage", "GET /Account/Login", "GET /status/{token}", "GET /borger/login", "GET /offentlig", "GET /offentlig/beretning/{year:int}",
            "GET /offentlig/fokus/{year:int}", "GET /offentlig/tal/{year:int?}", "GET /offentlig/data/ordbog", "GET /offentlig/tilgaengelighed", "GET /offentlig/tilfredshed/{token}"]),
        new("Advisor", "sagsbehandler", ["GET /", "GET /Cases", "GET /Cases/{number}", "GET /Cases/New", "GET /Statistics", "GET /AnnualReports/Edit", "GET /RegistreretPerson/Anmodning/{number}", "GET /Tilfredshed"]),
        new("AdvisorLead", "kontorchef", ["GET /Users", "GET /Adgangslog", "GET /Letters", "GET /Arkiv", "GET /Cases"]),
        new("Leadership", "ledelse", ["GET /Statistics", "GET /Forvaltning/Oversigt", "GET /AnnualReports/View"]),
        new("BUF contact", "buf", ["GET /Cases", "GET /Cases/{number}", "GET /Forvaltning/Klager", "GET /Targets/Edit", "GET /Evaluations/Answer"]),
        new("SOF contact", "sof", ["GET /Cases", "GET /Forvaltning/Klager", "GET /Statistics"]),
        new("BUF caseworker", "buf-klage", ["GET /Forvaltning/Klager", "GET /Forvaltning/Klager/Ny", "GET /Cases/{number}"]),
        new("citizen", DemoBrowserFixture.CitizenCpr, ["GET /borger/sager", "GET /borger/sager/{number}", "GET /klage", "GET /offentlig", "GET /offentlig/tilfredshed/{token}"]),
    ];

    private sealed record Entry(string Route, string? Path, string? Reason, bool AnyStatus = false);

    private sealed record Role(string Name, string? User, string[] MustReach);

    private static Entry Page(string route, string path) => new(route, path, null);

    private static Entry Checked(string route, string path) => new(route, path, null, AnyStatus: true);

    private static Entry Skip(string route, string reason) => new(route, null, reason);

    [Fact]
    public async Task Every_GET_route_of_the_application_has_a_line_in_the_list_of_pages()
    {
        var routes = await GetRoutesAsync();
        var problems = routes.Where(r => Pages.All(p => p.Route != r))
            .Select(r => $"The GET route '{r}' has no line in {nameof(AccessibilitySweepTests)}.{nameof(Pages)}: add Page(route, path) or Skip(route, reason).")
            .Concat(Pages.Select(p => p.Route).Distinct().Where(r => !routes.Contains(r))
                .Select(r => $"The line for '{r}' in {nameof(AccessibilitySweepTests)}.{nameof(Pages)} names a route the application no longer has: remove it."))
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// Every role on SQLite. On PostgreSQL (the same pages, rendered by the same code from the same demo) the roles whose
    /// pages depend least on staff data: anonymous, the citizen and BUF's contact; the whole sweep once is 10–12 minutes.
    /// </summary>
    public static TheoryData<string> RoleNames => [.. Roles.Select(r => r.Name)
        .Where(name => TestDatabase.ProviderName != "Postgres" || name is "anonymous" or "citizen" or "BUF contact")];

    /// <summary>One role at a time (a run reports every role's problems, all of them).</summary>
    [Theory]
    [MemberData(nameof(RoleNames))]
    public async Task Every_page_the_role_may_see_passes_axe_and_the_table_chart_and_width_checks(string roleName)
    {
        var values = await browser.ValuesAsync();
        var routes = await GetRoutesAsync();
        var problems = new List<string>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var visited = 0;
        var timings = new List<(string Path, double Seconds)>();
        foreach (var role in Roles.Where(r => r.Name == roleName))
        {
            var context = await NewContextAsync();
            var page = await context.NewPageAsync();
            if (role.Name == "citizen")
            {
                var signIn = await page.APIRequest.GetAsync($"{TestCitizenSignIn.Path}?cpr={role.User}&name={Uri.EscapeDataString(DemoBrowserFixture.CitizenName)}");
                Assert.Equal(204, signIn.Status);
            }
            else if (role.User is not null)
            {
                await page.LogInAsync(role.User);
                Assert.DoesNotContain("/Account/Login", page.Url, StringComparison.OrdinalIgnoreCase);
            }
            var reached = new HashSet<string>();
            var answered = new Dictionary<string, string>(); // route → how it answered, for a must-reach page that did not open
            var seen = new HashSet<string>();
            foreach (var entry in Pages.Where(p => p.Path is not null && routes.Contains(p.Route)))
            {
                var path = Fill(entry.Path!, values);
                var response = await page.GotoAsync(path);
                var status = response?.Status ?? 0;
                var landed = new Uri(page.Url).AbsolutePath;
                answered[entry.Route] = $"{status} at {landed}";
                if (!entry.AnyStatus && (status is 401 or 403 or 404 || landed.StartsWith("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase)
                    || (landed.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase) && !path.StartsWith("/Account/Login", StringComparison.Ordinal))))
                    continue; // not this role's page
                var type = response is null ? "" : await response.HeaderValueAsync("content-type") ?? "";
                if (!type.StartsWith("text/html", StringComparison.Ordinal))
                {
                    problems.Add($"{role.Name} {path}: listed as a page but answers {status} {type}");
                    continue;
                }
                reached.Add(entry.Route);
                if (!seen.Add(page.Url)) continue; // a redirect to a page already checked
                visited++;
                var pageStarted = started.Elapsed;
                var found = await CheckAsync(page);
                timings.Add((path, (started.Elapsed - pageStarted).TotalSeconds));
                foreach (var problem in found)
                    problems.Add($"{role.Name} {path}{(new Uri(page.Url).PathAndQuery != path ? " (→ " + new Uri(page.Url).PathAndQuery + ")" : "")}: {problem}");
            }
            foreach (var must in role.MustReach.Where(m => !reached.Contains(m)))
                problems.Add($"{role.Name} did not reach {must} ({answered.GetValueOrDefault(must, "not opened")}): a role's own page must open for it");
            await context.CloseAsync();
        }
        output.WriteLine($"Accessibility sweep as {roleName}: {visited} pages in {started.Elapsed.TotalSeconds:0} s; slowest: "
            + string.Join(", ", timings.OrderByDescending(t => t.Seconds).Take(5).Select(t => $"{t.Path} {t.Seconds:0.0} s")));
        Assert.True(problems.Count == 0, $"{problems.Count} problems on {visited} pages:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task The_complaint_form_with_errors_and_its_receipt_pass_the_same_checks()
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        await page.GotoAsync("/klage");
        // Sent empty: the error summary.
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Send til Borgerrådgiveren" }).ClickAsync());
        await Assertions.Expect(page.Locator("#fejl")).ToBeVisibleAsync();
        problems.AddRange((await CheckAsync(page)).Select(p => "/klage with errors: " + p));
        // Sent filled in: the receipt.
        await page.GetByLabel("Navn *").FillAsync("Tove Tilgængelig");
        await page.GetByLabel("E-mail").FillAsync("tove@borger.example");
        await page.GetByLabel("Overskrift *").FillAsync("Svar på ansøgning mangler");
        await page.GetByLabel("Hvad er der sket? *").FillAsync("Jeg har ventet på svar i fire måneder.");
        await page.AfterNavigationAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Send til Borgerrådgiveren" }).ClickAsync());
        await Assertions.Expect(page.Locator("#sagsnummer")).ToBeVisibleAsync();
        problems.AddRange((await CheckAsync(page)).Select(p => "/klage/kvittering: " + p));
        await context.CloseAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private Task<IBrowserContext> NewContextAsync() => browser.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = browser.BaseUrl, Locale = "da-DK", ViewportSize = new ViewportSize { Width = Wide, Height = 900 },
    });

    private const int Wide = 1280;
    private const int Phone = 375;

    /// <summary>The page's problems: axe's violations, then the tables, the charts and the width at 1280 and 375 px.</summary>
    private static async Task<List<string>> CheckAsync(IPage page)
    {
        var problems = new List<string>();
        var options = new Deque.AxeCore.Commons.AxeRunOptions { RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = [.. Axe.Tags] } };
        var result = await Deque.AxeCore.Playwright.PageExtensions.RunAxe(page, options);
        problems.AddRange(result.Violations.Select(v =>
            $"axe {v.Id} ({v.Impact ?? "?"}): {v.Help} – " + string.Join(", ", v.Nodes.Take(5).Select(n => n.Target?.ToString() ?? n.Html))));
        problems.AddRange(await page.EvaluateAsync<string[]>(LayoutChecks, Wide));
        await page.SetViewportSizeAsync(Phone, 800);
        try
        {
            problems.AddRange((await page.EvaluateAsync<string[]>(LayoutChecks, Phone)).Where(p => !problems.Contains(p)).Select(p => $"at {Phone} px: {p}"));
        }
        finally
        {
            await page.SetViewportSizeAsync(Wide, 900);
        }
        return problems;
    }

    /// <summary>
    /// The checks axe does not make, in the browser: every table has a caption with text; a table wider than its
    /// container is inside a scroll region that can be focused (tabindex 0), is a region and has a name; every chart (an
    /// svg or img in a figure) has a text alternative and a table in its figure or beside it under the same heading;
    /// and the page does not scroll sideways as a whole.
    /// </summary>
    private const string LayoutChecks = """
        width => {
          const problems = [];
          const name = el => el.id ? `#${el.id}` : el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
          const where = el => { const h = el.closest('section, main')?.querySelector('h1, h2'); return `${name(el)}${h ? ' under "' + h.textContent.trim().slice(0, 40) + '"' : ''}`; };
          const accessibleName = el => (el.getAttribute('aria-label') || '').trim()
            || (el.getAttribute('aria-labelledby') || '').split(/\s+/).map(id => document.getElementById(id)?.textContent || '').join(' ').trim();
          for (const t of document.querySelectorAll('table')) {
            if (!t.caption || !t.caption.textContent.trim()) problems.push(`table ${where(t)} has no caption`);
            const container = t.parentElement;
            if (t.getBoundingClientRect().width > container.clientWidth + 1 || t.getBoundingClientRect().right > document.documentElement.clientWidth + 1) {
              const region = t.closest('[role="region"]');
              const scrolls = region && ['auto', 'scroll'].includes(getComputedStyle(region).overflowX);
              if (!region || !scrolls || region.getAttribute('tabindex') !== '0' || !accessibleName(region))
                problems.push(`table ${where(t)} is wider than its container and not in a focusable, named scroll region (role="region", tabindex="0", aria-label)`);
            }
          }
          for (const chart of document.querySelectorAll('figure svg, figure img, img[src*="chart" i]')) {
            const figure = chart.closest('figure');
            const alt = (figure?.getAttribute('role') === 'img' && accessibleName(figure))
              || (chart.tagName.toLowerCase() === 'img' && (chart.getAttribute('alt') || '').trim())
              || (chart.getAttribute('role') === 'img' && accessibleName(chart));
            if (!alt) problems.push(`chart ${where(figure || chart)} has no text alternative (role="img" and aria-label on the figure, or alt)`);
            // Its table: in the figure, or beside it under the same heading (after it, or before it).
            let table = figure?.querySelector('table');
            for (const step of ['nextElementSibling', 'previousElementSibling'])
              for (let next = (figure || chart)[step]; !table && next && !/^(H1|H2|H3|FIGURE)$/.test(next.tagName); next = next[step])
                table = next.matches('table') ? next : next.querySelector('table');
            if (!table) problems.push(`chart ${where(figure || chart)} has no table of its figures next to it`);
          }
          if (document.documentElement.scrollWidth > window.innerWidth + 1)
            problems.push(`the page scrolls sideways at ${width} px (${document.documentElement.scrollWidth} px wide): ` +
              [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('[role="region"]')).slice(0, 3).map(name).join(', '));
          return problems;
        }
        """;

    private static string Fill(string path, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (key, value) in values) path = path.Replace("{" + key + "}", value, StringComparison.Ordinal);
        return path;
    }

    /// <summary>
    /// Every GET route the application answers, as "GET /pattern" (a page handler: "GET /pattern?handler=Name"; a page
    /// without a page model is a GET too). A page's "/Index" alias is the same page and is left out.
    /// </summary>
    private async Task<HashSet<string>> GetRoutesAsync()
    {
        var source = browser.App.Services.GetRequiredService<EndpointDataSource>();
        var loader = browser.App.Services.GetRequiredService<PageLoader>();
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
            {
                if (pattern.EndsWith("/Index", StringComparison.Ordinal) || pattern == "/Index") continue;
                var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
                if (compiled.HandlerMethods.Count == 0) result.Add($"GET {pattern}");
                foreach (var h in compiled.HandlerMethods.Where(h => h.HttpMethod.Equals("GET", StringComparison.OrdinalIgnoreCase)))
                    result.Add($"GET {pattern}{(string.IsNullOrEmpty(h.Name) ? "" : "?handler=" + h.Name)}");
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            if (methods.Contains("GET")) result.Add($"GET {pattern}");
        }
        return result;
    }
}

/// <summary>
/// The demo municipality (<see cref="Security.DemoApp"/>) in the browser, with the route × role matrix's BUF data for the
/// placeholders, a citizen's own case (<c>{mycase}</c>) and an erasure request (<c>{request}</c>).
/// </summary>
public sealed class DemoBrowserFixture : BrowserFixture<Security.DemoApp>
{
    public const string CitizenCpr = "0101901717";
    public const string CitizenName = "Tove Tilgængelig";

    private Task<Dictionary<string, string>>? values;
    private readonly Lock gate = new();

    public Task<Dictionary<string, string>> ValuesAsync()
    {
        lock (gate) return values ??= MakeValuesAsync();
    }

    private async Task<Dictionary<string, string>> MakeValuesAsync()
    {
        var result = await Security.RouteRoleMatrixTests.MakeBufDataAsync(App);
        using var scope = App.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<Tilsyn.Web.Data.TilsynDbContext>();
        var protector = sp.GetRequiredService<IDataProtectionProvider>().CreateProtector(Tilsyn.Web.Complaints.CaseRegistration.CprPurpose);
        // One Citizen per case: EF Core moves a shared owned instance to the last owner, leaving the first case without its citizen.
        Tilsyn.Complaints.Citizen Citizen() => new(CitizenName, "tove@borger.example", null, null, protector.Protect(CitizenCpr), $"{CitizenCpr[..6]}-xxxx",
            sp.GetRequiredService<Tilsyn.Web.DataSubjects.CprLookup>().Hash(CitizenCpr));
        var at = App.Clock.GetUtcNow();
        var mine = CaseBuilder.ACase().Numbered(2026, 9100).WithCitizen(Citizen()).About("Min sag om tilgængelighed", "Min klage.").ReceivedAt(at).Build();
        mine.AddDocument(Tilsyn.Complaints.DocumentKind.Incoming, "Klage fra borger", at, Tilsyn.Complaints.Actor.Citizen, "Min klage.", null, null, null);
        db.Cases.Add(mine);
        var request = CaseBuilder.ACase().Numbered(2026, 9101).OfType(Tilsyn.Complaints.CaseType.ErasureRequest).WithCitizen(Citizen())
            .About("Anmodning om sletning", "Slet mine oplysninger.").ReceivedAt(at).Build();
        db.Cases.Add(request);
        await db.SaveChangesAsync();
        result["mycase"] = mine.Number;
        result["request"] = request.Number;
        // An open invitation to the citizens' feedback survey on her case (the survey page needs a live link).
        var survey = Tilsyn.Web.Complaints.StatusToken.New();
        db.Add(new Tilsyn.Feedback.FeedbackInvitation(mine.Id, Tilsyn.Web.Complaints.StatusToken.Hash(survey), at, Tilsyn.DigitalPost.LetterChannel.Email));
        await db.SaveChangesAsync();
        result["survey"] = survey;
        return result;
    }
}
