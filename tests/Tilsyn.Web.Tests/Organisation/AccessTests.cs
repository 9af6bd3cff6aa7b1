using System.Text.Json;

namespace Tilsyn.Web.Tests.Organisation;

/// <summary>Forbidden paths: who may not see or change what.</summary>
public sealed class AccessTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    [Fact]
    public async Task A_contact_sees_its_own_administration()
    {
        var buf = app.NewClient();
        await buf.LoginOkAsync("buf");

        var page = await buf.GetAsync("/Organisation/Administration/BUF");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Børnehuset Solsikken", html);
        Assert.Contains("Lene Mortensen", html); // its own contacts

        var api = await buf.GetAsync("/api/organisation/administrations/BUF");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Theory]
    [InlineData("SOF")]
    [InlineData("TMF")]
    [InlineData("%C3%98KF")] // ØKF
    public async Task A_contact_gets_404_for_another_administration_on_pages_and_api(string other)
    {
        var buf = app.NewClient();
        await buf.LoginOkAsync("buf");

        Assert.Equal(HttpStatusCode.NotFound, (await buf.GetAsync($"/Organisation/Administration/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await buf.GetAsync($"/api/organisation/administrations/{other}")).StatusCode);
    }

    [Fact]
    public async Task A_contacts_list_of_administrations_holds_only_its_own()
    {
        var sof = app.NewClient();
        await sof.LoginOkAsync("sof");
        using var json = JsonDocument.Parse(await sof.GetStringAsync("/api/organisation/administrations"));
        var codes = json.RootElement.EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();
        Assert.Equal(["SOF"], codes);
    }

    [Fact]
    public async Task A_contact_cannot_change_even_its_own_organisation()
    {
        var buf = app.NewClient();
        await buf.LoginOkAsync("buf");
        var response = await buf.PostFormAsync("/Organisation/Administration/BUF", "/Organisation/Administration/BUF?handler=AddUnit", new()
        {
            ["name"] = "Sneget ind", ["kind"] = "Unit", ["parentId"] = "",
        });
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("AccessDenied") != false,
            $"expected forbidden, got {response.StatusCode} {response.Headers.Location}");
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.OrgUnits.Any(u => u.Name == "Sneget ind"))));
    }

    [Theory]
    [InlineData("buf")]
    [InlineData("sagsbehandler")]
    [InlineData("ledelse")]
    public async Task Only_the_head_of_office_reaches_user_management(string user)
    {
        var client = app.NewClient();
        await client.LoginOkAsync(user);
        var response = await client.GetAsync("/Users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.OriginalString);

        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/Users")).StatusCode);
    }

    [Fact]
    public async Task Leadership_sees_the_organisation_but_not_the_contacts_personal_data()
    {
        var leadership = app.NewClient();
        await leadership.LoginOkAsync("ledelse");
        var html = await leadership.GetStringAsync("/Organisation/Administration/BUF");
        Assert.Contains("Børnehuset Solsikken", html);
        Assert.DoesNotContain("Lene Mortensen", html);
        Assert.DoesNotContain("buf@tilsyn.example", html);
    }
}
