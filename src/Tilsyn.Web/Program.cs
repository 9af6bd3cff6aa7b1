using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Localization;
using Tilsyn.Web;
using Tilsyn.Web.Demo;
using Tilsyn.Web.Health;
using Tilsyn.Web.Organisation;
using Tilsyn.Web.Security;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

builder.Services.AddTilsynServices(config);
// Security headers, forwarded headers, HTTPS, secure cookies, rate limits, production settings check (Security/FrontDoor.cs).
builder.AddFrontDoor();

// Login cookies survive restarts: keys live beside the SQLite file unless configured elsewhere.
var keyFolder = config["DataProtection:KeyFolder"] ?? Path.Combine(Environment.CurrentDirectory, "data", "keys");
builder.Services.AddDataProtection().SetApplicationName("Tilsyn").PersistKeysToFileSystem(new DirectoryInfo(keyFolder));

builder.Services.AddRazorPages(o =>
{
    // A refused action (DomainException) is shown on its page with the message: one filter, no catch blocks.
    o.Conventions.ConfigureFilter(new Tilsyn.Web.Common.DomainErrorPageFilter());
    o.Conventions.AuthorizeFolder("/Users", Policies.AdvisorLead);
    o.Conventions.AuthorizeFolder("/Cases", Policies.CaseHandlers);
    o.Conventions.AllowAnonymousToFolder("/Klage");
    o.Conventions.AllowAnonymousToFolder("/Status");
    // Issue 16: the public site (published reports, city-wide figures, open data, accessibility statement, citizens' feedback).
    o.Conventions.AllowAnonymousToFolder("/Offentlig");
    o.Conventions.AllowAnonymousToPage("/Account/Login");
    // The second step of a login: no session yet, only the short login-step cookie (SecondStepLogin).
    o.Conventions.AllowAnonymousToPage("/Account/LoginMfa");
    o.Conventions.AllowAnonymousToPage("/Account/MfaEnrol");
    o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
    o.Conventions.AllowAnonymousToPage("/Error");
});
// Danish letters are written as they are, not as &#xF8; entities (readable source, smaller pages).
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddOpenApi();
builder.Services.AddProblemDetails();

var app = builder.Build();

if (args.Length > 0 && args[0] == Tilsyn.Web.Extracts.ExtractCommand.Name)
{
    Environment.ExitCode = await Tilsyn.Web.Extracts.ExtractCommand.RunAsync(app.Services, args, Console.Out);
    return;
}
if (args.Length > 0 && args[0] == Tilsyn.Web.AccessLogging.VerifyAccessLogCommand.Name)
{
    Environment.ExitCode = await Tilsyn.Web.AccessLogging.VerifyAccessLogCommand.RunAsync(app.Services, Console.Out);
    return;
}
if (args.Length > 0 && args[0] == Tilsyn.Web.Retention.RetentionCommand.Name)
{
    Environment.ExitCode = await Tilsyn.Web.Retention.RetentionCommand.RunAsync(app.Services, args, Console.Out);
    return;
}

app.UseFrontDoor();

var danish = Tilsyn.Calendar.DanishTime.Culture;
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(danish),
    SupportedCultures = [danish],
    SupportedUICultures = [danish],
});

if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/Error");
app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");

app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter(); // after routing: the complaint and login limits are endpoint policies
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealth();
// The API's description names every endpoint and parameter: open only in Development, otherwise for logged-in users (fallback policy).
if (app.Environment.IsDevelopment()) app.MapOpenApi().AllowAnonymous(); else app.MapOpenApi();
app.MapOrganisationApi();
Tilsyn.Web.Integration.IntegrationApi.MapIntegrationApi(app);
Tilsyn.Web.Statistics.StatisticsApi.MapStatisticsApi(app);
Tilsyn.Web.PublicFigures.OpenDataApi.MapOpenData(app); // issue 16: /offentlig/data/ (anonymous)
app.MapRazorPages();

if (config.GetValue("Database:MigrateOnStartup", true))
{
    await DatabaseSetup.MigrateAsync(app.Services);
    await Tilsyn.Web.DataSubjects.CprLookupBackfill.RunAsync(app.Services); // CPR lookup hashes need Data Protection, so not in SQL
    using var scope = app.Services.CreateScope();
    await scope.ServiceProvider.GetRequiredService<IdentityBootstrap>().RunAsync();
    if (config.GetValue("Demo:Seed", false))
        await scope.ServiceProvider.GetRequiredService<DemoMunicipality>().SeedAsync();
}

app.Lifetime.ApplicationStarted.Register(() =>
{
    if (!config.GetValue("Demo:PrintLogins", false)) return;
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    Console.WriteLine();
    Console.WriteLine($"Tilsyn kører på: {string.Join(", ", addresses)}   (database: {DatabaseSetup.Provider(config)})");
    Console.WriteLine($"Demo-logins (adgangskode for alle: {DemoMunicipality.DemoPassword}):");
    foreach (var u in DemoMunicipality.Users)
        Console.WriteLine($"  {u.UserName,-14} {Tilsyn.Identity.Roles.DisplayName(u.Role)}{(u.AdministrationCode is null ? "" : " – " + u.AdministrationCode)}");
    Console.WriteLine(config.GetValue("Identity:Mfa:Required", true)
        ? "To-trinsbekræftelse er påkrævet for sagsbehandlere og kontorchefer: de tilmelder sig ved første login."
        : "To-trinsbekræftelse er slået fra i demoen (Identity__Mfa__Required=false): log ind med adgangskoden alene.");
    Console.WriteLine("Uden login: /klage (klageformularen) og /offentlig (beretninger, tal, åbne data, tilgængelighedserklæring).");
    Console.WriteLine("Stop med Ctrl+C.");
});

app.Run();

/// <summary>Entry point, public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
