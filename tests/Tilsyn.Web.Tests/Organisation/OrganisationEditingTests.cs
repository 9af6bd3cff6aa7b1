using Tilsyn.Organisation;

namespace Tilsyn.Web.Tests.Organisation;

public sealed class OrganisationEditingTests(TilsynApp app) : IClassFixture<TilsynApp>
{
    [Fact]
    public async Task The_demo_municipality_has_the_seven_administrations_with_units()
    {
        var codes = await app.WithDbAsync(db => db.Administrations.Select(a => a.Code).ToListAsync());
        Assert.Equal(["BIF", "BUF", "KFF", "SOF", "SUF", "TMF", "ØKF"], codes.Order(StringComparer.Ordinal));
        var unitsPerAdmin = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Kind == OrgUnitKind.Unit)
            .GroupBy(u => u.AdministrationId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(7, unitsPerAdmin.Count);
        Assert.All(unitsPerAdmin, n => Assert.True(n >= 5));
    }

    [Fact]
    public async Task The_head_of_office_adds_an_area_and_a_unit_under_it()
    {
        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        const string page = "/Organisation/Administration/KFF";

        var area = await lead.PostFormAsync(page, page + "?handler=AddUnit", new() { ["name"] = "Kulturhuse", ["kind"] = "Area", ["parentId"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, area.StatusCode);
        var areaId = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Name == "Kulturhuse").Select(u => u.Id).SingleAsync());

        var unit = await lead.PostFormAsync(page, page + "?handler=AddUnit", new() { ["name"] = "Kulturhuset Islands Brygge", ["kind"] = "Unit", ["parentId"] = areaId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, unit.StatusCode);
        var parent = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Name == "Kulturhuset Islands Brygge").Select(u => u.ParentId).SingleAsync());
        Assert.Equal(areaId, parent);
        Assert.Contains("Kulturhuset Islands Brygge", await lead.GetStringAsync(page));
    }

    [Fact]
    public async Task An_area_cannot_be_moved_under_its_own_child_area()
    {
        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        const string page = "/Organisation/Administration/TMF";
        await lead.PostFormAsync(page, page + "?handler=AddUnit", new() { ["name"] = "Ydre", ["kind"] = "Area", ["parentId"] = "" });
        var outer = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Name == "Ydre").Select(u => u.Id).SingleAsync());
        await lead.PostFormAsync(page, page + "?handler=AddUnit", new() { ["name"] = "Indre", ["kind"] = "Area", ["parentId"] = outer.ToString() });
        var inner = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Name == "Indre").Select(u => u.Id).SingleAsync());

        var move = await lead.PostFormAsync(page, page + "?handler=Unit", new() { ["unitId"] = outer.ToString(), ["name"] = "Ydre", ["parentId"] = inner.ToString() });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, move.StatusCode);
        Assert.Contains("kan ikke placeres under sig selv", await move.Content.ReadAsStringAsync());
        Assert.Null(await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Id == outer).Select(u => u.ParentId).SingleAsync()));
    }

    [Fact]
    public async Task A_bad_administration_code_gets_a_danish_error_and_nothing_is_stored()
    {
        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        var response = await lead.PostFormAsync("/Organisation", "/Organisation", new() { ["Code"] = "b1", ["Name"] = "Forkert", ["Committee"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Forkortelse skal være 2-6 store bogstaver", await response.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Administrations.AnyAsync(a => a.Name == "Forkert")));
    }

    [Fact]
    public async Task A_contact_must_belong_to_an_administration_and_a_valid_one_can_log_in()
    {
        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        var fields = new Dictionary<string, string>
        {
            ["Input.FullName"] = "Ny Kontakt", ["Input.UserName"] = "nykontakt", ["Input.Email"] = "ny@tilsyn.example",
            ["Input.Role"] = "AdministrationContact", ["Input.AdministrationId"] = "", ["Input.Password"] = "en-lang-adgangskode-1",
        };
        var bad = await lead.PostFormAsync("/Users/Edit", "/Users/Edit", new(fields));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("En kontaktperson skal høre til en forvaltning.", await bad.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "nykontakt")));

        var sofId = await app.WithDbAsync(db => db.Administrations.Where(a => a.Code == "SOF").Select(a => a.Id).SingleAsync());
        fields["Input.AdministrationId"] = sofId.ToString();
        var ok = await lead.PostFormAsync("/Users/Edit", "/Users/Edit", new(fields));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var stored = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "nykontakt"));
        Assert.Equal(sofId, stored.AdministrationId);

        var contact = app.NewClient();
        await contact.LoginOkAsync("nykontakt", "en-lang-adgangskode-1");
        Assert.Contains("Forvaltningsportal – SOF", await contact.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.NotFound, (await contact.GetAsync("/Organisation/Administration/BUF")).StatusCode);
    }

    [Fact]
    public async Task A_too_short_password_is_refused_in_danish_and_no_user_is_created()
    {
        var lead = app.NewClient();
        await lead.LoginOkAsync("kontorchef");
        var response = await lead.PostFormAsync("/Users/Edit", "/Users/Edit", new()
        {
            ["Input.FullName"] = "Kort Kode", ["Input.UserName"] = "kortkode", ["Input.Email"] = "kort@tilsyn.example",
            ["Input.Role"] = "Advisor", ["Input.AdministrationId"] = "", ["Input.Password"] = "kort",
        });
        Assert.Contains("Adgangskoden skal være mindst 12 tegn.", await response.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "kortkode")));
    }
}
