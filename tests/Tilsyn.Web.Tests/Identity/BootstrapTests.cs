namespace Tilsyn.Web.Tests.Identity;

/// <summary>A production start: no demo data, the first head of office from configuration.</summary>
public sealed class ProductionStartApp : TilsynApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Demo:Seed"] = "false",
        ["Bootstrap:AdminUserName"] = "chef",
        ["Bootstrap:AdminEmail"] = "chef@kommune.example",
        ["Bootstrap:AdminPassword"] = "første-adgangskode-2026",
    };
}

public sealed class BootstrapTests(ProductionStartApp app) : IClassFixture<ProductionStartApp>
{
    [Fact]
    public async Task A_production_start_has_no_demo_data_and_the_configured_head_of_office_can_manage_users()
    {
        Assert.Equal(0, await app.WithDbAsync(db => db.Administrations.CountAsync()));
        Assert.Equal(["chef"], await app.WithDbAsync(db => db.Users.Select(u => u.UserName!).ToListAsync()));
        // No demo users: the demo login is shown the login page again, not let in.
        Assert.Equal(HttpStatusCode.OK, (await app.NewClient().LoginAsync("sagsbehandler")).StatusCode);

        var chef = app.NewClient();
        await chef.LoginOkAsync("chef", "første-adgangskode-2026");
        Assert.Equal(HttpStatusCode.OK, (await chef.GetAsync("/Users")).StatusCode);
    }
}
