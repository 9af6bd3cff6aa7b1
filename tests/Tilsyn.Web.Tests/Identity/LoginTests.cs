namespace Tilsyn.Web.Tests.Identity;

public sealed class LoginTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    [Theory]
    [InlineData("sagsbehandler", "Sagsbehandlerens forside")]
    [InlineData("kontorchef", "Kontorchefens overblik")]
    [InlineData("ledelse", "Ledelsesinformation")]
    [InlineData("buf", "Forvaltningsportal – BUF")]
    [InlineData("tmf", "Forvaltningsportal – TMF")]
    public async Task Each_role_logs_in_and_sees_its_own_start_page(string user, string heading)
    {
        var client = app.NewClient();
        var login = await client.LoginAsync(user);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);

        var start = await client.GetStringAsync("/");
        Assert.Contains($"<h1>{heading}</h1>", start);
    }

    [Fact]
    public async Task Anonymous_user_is_sent_to_the_login_page_and_the_api_answers_401()
    {
        var client = app.NewClient();

        var page = await client.GetAsync("/Organisation");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location?.PathAndQuery ?? page.Headers.Location?.OriginalString);

        var api = await client.GetAsync("/api/organisation/administrations");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Wrong_password_gives_a_danish_error_and_no_login()
    {
        var client = app.NewClient();
        var response = await client.LoginAsync("sagsbehandler", "forkert-adgangskode");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Tilsyn.Web.Identity.LoginService.RefusedMessage, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_block_the_address_so_even_the_right_one_is_refused_until_the_head_of_office_lifts_it()
    {
        // Its own user, so the block does not disturb other tests.
        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        var created = await lead.PostFormAsync("/Users/Edit", "/Users/Edit", new()
        {
            ["Input.FullName"] = "Lås Testesen", ["Input.UserName"] = "laas", ["Input.Email"] = "laas@tilsyn.example",
            ["Input.Role"] = "Advisor", ["Input.AdministrationId"] = "", ["Input.Password"] = "en-rigtig-god-adgangskode",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var client = app.NewClient();
        for (var i = 0; i < 5; i++)
            await client.LoginAsync("laas", "forkert-adgangskode");

        var right = await client.LoginAsync("laas", "en-rigtig-god-adgangskode");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(Tilsyn.Web.Identity.LoginService.RefusedMessage, await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        // The head of office sees the block and lifts it; then the right password works.
        Assert.Contains("Spærret (forkerte forsøg)", await lead.GetStringAsync("/Users"));
        var id = await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == "laas").Id));
        var unlock = await lead.PostFormAsync("/Users", "/Users?handler=Unlock", new() { ["id"] = id });
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync("laas", "en-rigtig-god-adgangskode")).StatusCode);
    }

    [Fact]
    public async Task A_form_posted_without_antiforgery_token_is_rejected()
    {
        var client = app.NewClient();
        var login = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "sagsbehandler", ["Password"] = HttpClientExtensions.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);

        // Also for a logged-in user on an editing form.
        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        var create = await lead.PostAsync("/Organisation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = "XYZ", ["Name"] = "Uden token",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.Administrations.Any(a => a.Code == "XYZ"))));
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        var client = app.NewClient();
        await client.LoginOkAsync("sagsbehandler");
        var logout = await client.PostFormAsync("/", "/Account/Logout", []);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }
}
